// The versions of a narrative text (a unit's part of the document, the kommun report's
// introduction) in a period, newest first, each with its text changes against the one before.
import { VersionEntry } from './version-entry';

export interface NarrativeVersionItem {
  seq: number;
  authorName: string;
  createdAt: string;
  body: string;
}

export function NarrativeVersions({ periodLabel, versions, emptyText }: { periodLabel: string; versions: NarrativeVersionItem[]; emptyText: string }) {
  return (
    <aside aria-labelledby="versioner" className="min-w-0">
      <h2 id="versioner" className="font-semibold">
        Versioner i {periodLabel}
      </h2>
      {versions.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">{emptyText}</p>
      ) : (
        <ol className="mt-2 space-y-3">
          {versions.map((v, i) => {
            const before = versions[i + 1];
            return (
              <VersionEntry
                key={v.seq}
                title={`Version ${v.seq}`}
                authorName={v.authorName}
                createdAt={v.createdAt}
                textLabel="Texten"
                text={v.body}
                previous={before ? { seq: before.seq, text: before.body } : undefined}
              />
            );
          })}
        </ol>
      )}
    </aside>
  );
}
