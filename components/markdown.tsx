import ReactMarkdown from 'react-markdown';

/**
 * Renders a reporter's Markdown. Raw HTML is never rendered (skipHtml), and only
 * http(s) and mailto links are kept (react-markdown's default URL filter).
 */
export function Markdown({ children }: { children: string }) {
  return (
    <div className="prose-malbild">
      <ReactMarkdown skipHtml>{children}</ReactMarkdown>
    </div>
  );
}
