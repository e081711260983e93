// Whether a reporter's Markdown text is one plain paragraph: a single line with none of
// Markdown's marks (emphasis, links, code, HTML, entities, escapes, tables) and no block start
// (heading, list, quote, rule, indented code). Markdown makes such a text one paragraph holding
// exactly the text (tests/unit/markdown.test.ts compares the two), so it is drawn without
// parsing it (components/markdown-paragraph.tsx): a large board's report has a hundred and
// more such texts, and parsing was a fifth of its time (issue 19).
export function isPlainParagraph(text: string): boolean {
  return (
    text.length > 0 &&
    text === text.trim() &&
    !/[\n\r*_[\]<>#`!|~\\&]/.test(text) &&
    !/^(\d{1,9}[.)]|[-+=])(\s|$)/.test(text) &&
    !/^[-\s]+$/.test(text)
  );
}
