// Reporters' Markdown as blocks for the DOCX: the structure the seed's texts use (paragraphs
// with italics, headings, numbered and bulleted lists), and raw HTML and unsafe links inert.
import { describe, expect, it } from 'vitest';
import { blocksToPlainText, markdownBlocks, safeLink, type Block, type Run } from '@/lib/markdown-blocks';
import { DIGITALISERING_ITEMS, DIGITALISERING_MD, STYRMODELL_MD } from '../support/report-fixture';

function text(runs: Run[]): string {
  return runs.map((r) => r.text).join('');
}

describe('markdownBlocks', () => {
  it('reads the Digitalisering report: paragraphs with italics, headings and a numbered list', () => {
    const blocks = markdownBlocks(DIGITALISERING_MD);
    expect(blocks.map((b) => b.kind)).toEqual([
      'paragraph',
      'paragraph',
      'paragraph',
      'list',
      'heading',
      'paragraph',
      'heading',
      'paragraph',
    ]);

    const first = blocks[0] as Extract<Block, { kind: 'paragraph' }>;
    expect(first.runs).toContainEqual({
      text: 'Kommungemensamt handslag för välfärdsutveckling genom digitalisering',
      italic: true,
    });
    expect(text(first.runs)).toMatch(/^Under fjolåret har SKR/);
    expect(text(first.runs)).not.toContain('*');

    const list = blocks[3] as Extract<Block, { kind: 'list' }>;
    expect(list.ordered).toBe(true);
    expect(list.items.map(text)).toEqual(DIGITALISERING_ITEMS);

    expect(blocks[4]).toEqual({
      kind: 'heading',
      level: 3,
      runs: [{ text: 'Vårt arbete och engagemang i Askersunds kommun' }],
    });
    expect(blocks[6]).toEqual({ kind: 'heading', level: 3, runs: [{ text: 'Nästa steg' }] });
  });

  it('keeps an https link', () => {
    const blocks = markdownBlocks(DIGITALISERING_MD);
    const para = blocks[5] as Extract<Block, { kind: 'paragraph' }>;
    expect(para.runs).toContainEqual({ text: 'Inera', link: 'https://www.inera.se/' });
  });

  it('reads the styrmodell follow-up: a bulleted list with bold lead words', () => {
    const blocks = markdownBlocks(STYRMODELL_MD);
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'list', 'paragraph']);
    const list = blocks[2] as Extract<Block, { kind: 'list' }>;
    expect(list.ordered).toBe(false);
    expect(list.items).toHaveLength(4);
    expect(list.items[0]).toEqual([
      { text: 'Styrning:', bold: true },
      { text: ' Samla kommunens verksamheter kring gemensamma mål och strategier.' },
    ]);
    expect(text(list.items[3]!)).toBe('Organisering: Definiera ansvar och roller för effektiv resursanvändning.');
  });

  it('maps heading depths to 2–4 and joins soft line breaks with a space', () => {
    expect(markdownBlocks('# Ett\n\n## Två\n\n#### Fyra\n\n###### Sex')).toEqual([
      { kind: 'heading', level: 2, runs: [{ text: 'Ett' }] },
      { kind: 'heading', level: 2, runs: [{ text: 'Två' }] },
      { kind: 'heading', level: 4, runs: [{ text: 'Fyra' }] },
      { kind: 'heading', level: 4, runs: [{ text: 'Sex' }] },
    ]);
    expect(markdownBlocks('rad ett\nrad två')).toEqual([{ kind: 'paragraph', runs: [{ text: 'rad ett rad två' }] }]);
    expect(markdownBlocks('rad ett  \nrad två')).toEqual([{ kind: 'paragraph', runs: [{ text: 'rad ett\nrad två' }] }]);
  });

  it('combines bold and italic', () => {
    expect(markdownBlocks('***båda*** och _kursiv_')).toEqual([
      {
        kind: 'paragraph',
        runs: [
          { text: 'båda', italic: true, bold: true },
          { text: ' och ' },
          { text: 'kursiv', italic: true },
        ],
      },
    ]);
  });

  it('flattens a nested list into its item, one line per nested item', () => {
    const blocks = markdownBlocks('1. Först\n   - a\n   - b\n2. Sedan');
    expect(blocks).toHaveLength(1);
    const list = blocks[0] as Extract<Block, { kind: 'list' }>;
    expect(list.items.map(text)).toEqual(['Först\n– a\n– b', 'Sedan']);
  });

  it('gives nothing for empty or blank text', () => {
    expect(markdownBlocks('')).toEqual([]);
    expect(markdownBlocks('  \n\n ')).toEqual([]);
  });

  describe('raw HTML is dropped, never interpreted', () => {
    it.each([
      ['a script block', '<script>alert(1)</script>'],
      ['an iframe', '<iframe src="https://example.com"></iframe>'],
      ['a div with an event handler', '<div onclick="alert(1)">klick</div>'],
      ['an image with onerror', '<img src=x onerror=alert(1)>'],
    ])('%s', (_name, md) => {
      const all = blocksToPlainText(markdownBlocks(md));
      expect(all).not.toMatch(/<|script|onclick|onerror|iframe/i);
    });

    it('keeps the text around inline tags', () => {
      expect(markdownBlocks('Text <script>alert(1)</script> mer text')).toEqual([
        { kind: 'paragraph', runs: [{ text: 'Text alert(1) mer text' }] },
      ]);
      expect(markdownBlocks('Det här är <b>fet</b> text.')).toEqual([
        { kind: 'paragraph', runs: [{ text: 'Det här är fet text.' }] },
      ]);
    });

    it('drops a script block between paragraphs', () => {
      expect(markdownBlocks('Före\n\n<script>\nalert(1)\n</script>\n\nEfter')).toEqual([
        { kind: 'paragraph', runs: [{ text: 'Före' }] },
        { kind: 'paragraph', runs: [{ text: 'Efter' }] },
      ]);
    });

    it('shows escaped HTML as its text', () => {
      expect(markdownBlocks('1 &lt; 2 och &lt;script&gt;')).toEqual([
        { kind: 'paragraph', runs: [{ text: '1 < 2 och <script>' }] },
      ]);
    });
  });

  describe('links', () => {
    it.each([
      '[klicka](javascript:alert(1))',
      '[klicka](JavaScript:alert(1))',
      '[klicka](data:text/html;base64,PHNjcmlwdD4=)',
      '[klicka](vbscript:msgbox(1))',
      '[klicka](/relativ/sida)',
    ])('keeps the text but not the address of %s', (md) => {
      expect(markdownBlocks(md)).toEqual([{ kind: 'paragraph', runs: [{ text: 'klicka' }] }]);
    });

    it('keeps http, https and mailto, also by reference', () => {
      expect(markdownBlocks('[a](http://a.se) [b](mailto:x@y.se) [c][ref]\n\n[ref]: https://c.se')).toEqual([
        {
          kind: 'paragraph',
          runs: [
            { text: 'a', link: 'http://a.se' },
            { text: ' ' },
            { text: 'b', link: 'mailto:x@y.se' },
            { text: ' ' },
            { text: 'c', link: 'https://c.se' },
          ],
        },
      ]);
    });

    it('safeLink refuses hidden schemes', () => {
      expect(safeLink('https://skr.se')).toBe('https://skr.se');
      expect(safeLink('java\nscript:alert(1)')).toBeNull();
      expect(safeLink('ftp://x')).toBeNull();
      expect(safeLink(null)).toBeNull();
    });
  });
});
