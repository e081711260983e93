// "Återsänd": the director's requests for revision that stand for an item, shown on its form
// until the unit answers with a new version.
import { formatDateTime } from '@/lib/time-format';

export interface SentBackNoticeItem {
  comment: string;
  authorName: string;
  createdAt: string;
  unitName?: string;
}

export function SentBackNotice({ requests, canAnswer }: { requests: SentBackNoticeItem[]; canAnswer: boolean }) {
  if (requests.length === 0) return null;
  return (
    <section aria-label="Återsänd" className="mb-4 rounded border border-amber-400 bg-amber-50 p-3 text-sm">
      <p className="font-semibold">↩ Återsänd för komplettering</p>
      <ul className="mt-1 space-y-2">
        {requests.map((r) => (
          <li key={`${r.createdAt}-${r.unitName ?? ''}`}>
            <blockquote className="border-l-4 border-amber-400 pl-3">{r.comment}</blockquote>
            <p className="mt-1 text-slate-700">
              {r.authorName}, {formatDateTime(r.createdAt)}
              {r.unitName ? ` · till ${r.unitName}` : ''}
            </p>
          </li>
        ))}
      </ul>
      <p className="mt-2">
        {canAnswer
          ? 'Komplettera och spara en ny version; då är posten inte längre återsänd.'
          : 'Posten är återsänd tills enheten sparar en ny version.'}
      </p>
    </section>
  );
}
