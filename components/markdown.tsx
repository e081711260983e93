import type { ReactElement } from 'react';
import ReactMarkdown from 'react-markdown';
import { isPlainParagraph } from '@/lib/markdown-plain';
import { MarkdownParagraph } from './markdown-paragraph';

/**
 * Renders a reporter's Markdown. Raw HTML is never rendered (skipHtml), and only
 * http(s) and mailto links are kept (react-markdown's default URL filter). A text without any
 * Markdown is one paragraph: the same markup without parsing it (lib/markdown-plain.ts).
 */
export function Markdown({ children }: { children: string }) {
  if (isPlainParagraph(children)) return <MarkdownParagraph text={children} />;
  return (
    <div className="prose-malbild">
      <ReactMarkdown skipHtml>{children}</ReactMarkdown>
    </div>
  );
}

/**
 * A reporter's Markdown for a client component's prop: a plain paragraph as its text, which the
 * client component draws with MarkdownParagraph (so the page's RSC payload carries the words, not
 * their markup), anything else rendered here.
 */
export function markdownProp(text: string): string | ReactElement {
  return isPlainParagraph(text) ? text : <Markdown>{text}</Markdown>;
}
