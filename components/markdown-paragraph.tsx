/**
 * A reporter's text that is one plain paragraph (lib/markdown-plain.ts), drawn as the Markdown
 * component draws it (components/markdown.tsx), without parsing it. Also drawn by client
 * components (components/report-goal.tsx), which get such a text as a string.
 */
export function MarkdownParagraph({ text }: { text: string }) {
  return (
    <div className="prose-malbild">
      <p>{text}</p>
    </div>
  );
}
