import ReactMarkdown from 'react-markdown';

/**
 * Renders a reporter's Markdown. Raw HTML is never rendered (skipHtml), and only
 * http(s) and mailto links are kept (react-markdown's default URL filter).
 */
export function Markdown({ children }: { children: string }) {
  return (
    <div className="prose-malbild">
      {/* A text without any Markdown is one paragraph: the same <p> without parsing it (a large
          board's report has a hundred and more such texts, and parsing was a fifth of its time). */}
      {isPlainParagraph(children) ? <p>{children}</p> : <ReactMarkdown skipHtml>{children}</ReactMarkdown>}
    </div>
  );
}

/**
 * A single line with none of Markdown's marks (emphasis, links, code, HTML, entities, escapes,
 * tables) and no block start (heading, list, quote, rule, indented code): Markdown would make it
 * one paragraph holding exactly this text (tests/unit/markdown.test.ts compares the two).
 */
function isPlainParagraph(text: string): boolean {
  return (
    text.length > 0 &&
    text === text.trim() &&
    !/[\n\r*_[\]<>#`!|~\\&]/.test(text) &&
    !/^(\d{1,9}[.)]|[-+=])(\s|$)/.test(text) &&
    !/^[-\s]+$/.test(text)
  );
}
