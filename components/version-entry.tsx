import type { ReactNode } from 'react';
import { Markdown } from './markdown';
import { TextDiff } from './text-diff';
import { formatDateTime } from '@/lib/time-format';

/** One version in an item's history: who and when, what it said, and how its text changed. */
export function VersionEntry({
  title,
  authorName,
  createdAt,
  facts,
  textLabel,
  text,
  previous,
}: {
  title: string;
  authorName: string;
  createdAt: string;
  facts?: ReactNode;
  textLabel: string;
  text: string | null;
  /** The version before this one of the same item and period, if any. */
  previous?: { seq: number; text: string | null };
}) {
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4">
      <h3 className="font-semibold">{title}</h3>
      <p className="text-sm text-slate-700">
        {authorName},{' '}
        {formatDateTime(createdAt)}
      </p>
      {facts && <p className="mt-2">{facts}</p>}
      {previous && (text || previous.text) ? (
        <div className="mt-2 text-sm">
          <p className="font-medium">
            {textLabel}, ändringar mot version {previous.seq}:
          </p>
          <TextDiff before={previous.text ?? ''} after={text ?? ''} />
        </div>
      ) : (
        text && (
          <div className="mt-2 text-sm">
            <p className="font-medium">{textLabel}:</p>
            <Markdown>{text}</Markdown>
          </div>
        )
      )}
    </li>
  );
}
