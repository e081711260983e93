import { diffText } from '@/lib/text-diff';

/**
 * What changed between two versions of a text, inline: removals struck through, additions
 * underlined, each announced in words to screen readers so colour never carries the meaning alone.
 */
export function TextDiff({ before, after }: { before: string | null; after: string | null }) {
  const oldText = before ?? '';
  const newText = after ?? '';

  if (oldText === newText) {
    return (
      <p className="whitespace-pre-wrap">
        {newText}
        {newText !== '' && ' '}
        <span className="text-slate-600">(oförändrad)</span>
      </p>
    );
  }

  const parts = diffText(oldText, newText);
  return (
    <p className="whitespace-pre-wrap">
      {parts.map((part, i) => {
        switch (part.kind) {
          case 'same':
            return <span key={i}>{part.text}</span>;
          case 'removed':
            return (
              <del key={i} className="rounded-sm bg-red-100 text-red-900 line-through decoration-red-900">
                <span className="sr-only">Borttaget: </span>
                {part.text}
              </del>
            );
          case 'added':
            return (
              <ins key={i} className="rounded-sm bg-green-100 text-green-900 underline decoration-green-900">
                <span className="sr-only">Tillagt: </span>
                {part.text}
              </ins>
            );
        }
      })}
    </p>
  );
}
