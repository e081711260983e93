// Reporters' Markdown renders with its structure (headings, lists, emphasis, links) and
// never as raw HTML: script, event handlers and javascript: links stay inert.
import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import ReactMarkdown from 'react-markdown';
import { Markdown, markdownProp } from '@/components/markdown';
import { MarkdownParagraph } from '@/components/markdown-paragraph';

function render(text: string): string {
  return renderToStaticMarkup(createElement(Markdown, null, text));
}

describe('Markdown', () => {
  it('renders headings, numbered and bulleted lists, emphasis and paragraphs', () => {
    const html = render(
      [
        '## Vårt arbete',
        '',
        'Stycke med *kursiv* och **fet** text.',
        '',
        '### Nästa steg',
        '',
        '1. Nationell identitets- och behörighetshantering',
        '2. Införande av SDK',
        '',
        '- Styrning: Samla verksamheterna.',
        '- Mätning: Tydliga indikatorer.',
      ].join('\n'),
    );
    expect(html).toContain('<h2>Vårt arbete</h2>');
    expect(html).toContain('<h3>Nästa steg</h3>');
    expect(html).toMatch(/<ol>\s*<li>Nationell identitets- och behörighetshantering<\/li>\s*<li>Införande av SDK<\/li>\s*<\/ol>/);
    expect(html).toMatch(/<ul>\s*<li>Styrning: Samla verksamheterna\.<\/li>\s*<li>Mätning: Tydliga indikatorer\.<\/li>\s*<\/ul>/);
    expect(html).toContain('<em>kursiv</em>');
    expect(html).toContain('<strong>fet</strong>');
    expect(html).toContain('<p>Stycke med');
    expect(html).toMatch(/^<div class="prose-malbild">/);
  });

  it('keeps an http(s) link', () => {
    expect(render('[SKR](https://skr.se/)')).toContain('<a href="https://skr.se/">SKR</a>');
  });

  it.each([
    ['a script block', '<script>alert(1)</script>'],
    ['an inline script', 'Text <script>alert(1)</script> mer text'],
    ['an image with onerror', '<img src=x onerror=alert(1)>'],
    ['an inline image with onerror', 'Se <img src=x onerror=alert(1)> här'],
    ['raw HTML emphasis', '<b>fet</b>'],
    ['inline raw HTML', 'Det här är <b>fet</b> text.'],
    ['an iframe', '<iframe src="https://example.com"></iframe>'],
    ['a div with an event handler', '<div onclick="alert(1)">klick</div>'],
  ])('does not render raw HTML as elements: %s', (_name, text) => {
    const html = render(text);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/onerror/i);
    expect(html).not.toMatch(/onclick/i);
    expect(html).not.toContain('<b>');
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<iframe/i);
    expect(html.replace(/^<div class="prose-malbild">/, '')).not.toMatch(/<div/i);
  });

  it.each([
    '[klicka](javascript:alert(1))',
    '[klicka](JavaScript:alert(1))',
    '[klicka](  javascript:alert(1))',
    '<javascript:alert(1)>',
    '[klicka](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[klicka](vbscript:msgbox(1))',
  ])('does not keep a dangerous URL as href: %s', (text) => {
    const html = render(text);
    expect(html).not.toMatch(/href="[^"]*(javascript|vbscript|data):/i);
  });

  it('shows markdown-looking HTML entities as text, not markup', () => {
    const html = render('1 &lt; 2 och &lt;script&gt;');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;');
  });

  // A text without Markdown is drawn without parsing it: exactly what the parser would draw.
  it.each([
    'Utfallet följs upp varje månad; åtgärder pågår.',
    'Mått/metod: enkät, 2024 (delår). Se https://skr.se/ för mer.',
    '+5 % mot förra året, −3 mot budget',
    '2024 års utfall ligger över målet',
    'Text med  två mellanslag och\ttabb',
    '1986. Det var då',
    '- en punkt',
    '+ en punkt',
    '> citat',
    '---',
    '- - -',
    '===',
    '    indraget',
    ' ledande mellanslag',
    'rad ett\nrad två',
    'stycke ett\n\nstycke två',
    'a & b',
    'AT&T &amp; co',
    'kursiv *text*',
    'understruken _text_',
    'kod `x`',
    'länk [a](https://skr.se/)',
    'bild ![a](https://skr.se/a.png)',
    'rubrik #1',
    '# rubrik',
    'snedstreck \\* här',
    'tabell | kolumn',
    '~~bort~~',
    '<b>fet</b>',
    '1) första',
    '\u00a0hårt mellanslag först',
  ])('draws %j as the parser does', (text) => {
    const parsed = renderToStaticMarkup(createElement('div', { className: 'prose-malbild' }, createElement(ReactMarkdown, { skipHtml: true }, text)));
    expect(render(text)).toBe(parsed);
    // For a client component's prop: a plain paragraph travels as its text and is drawn the same.
    const prop = markdownProp(text);
    const drawn = typeof prop === 'string' ? renderToStaticMarkup(createElement(MarkdownParagraph, { text: prop })) : renderToStaticMarkup(prop);
    expect(drawn).toBe(parsed);
  });

  it('gives a client component a plain paragraph as its text, and anything else rendered', () => {
    expect(markdownProp('Utfallet följs upp varje månad.')).toBe('Utfallet följs upp varje månad.');
    expect(typeof markdownProp('kursiv *text*')).toBe('object');
  });
});
