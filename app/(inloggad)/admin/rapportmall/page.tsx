import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { getReportTemplate } from '@/db/admin/report-template';
import { requireUser } from '@/server/session';
import { Breadcrumb } from '@/components/breadcrumb';
import { CHAPTER_KIND_LABELS, CHAPTER_KINDS_WITH_PARTS } from '@/lib/board-document';
import { periodKindLabel, type PeriodKind } from '@/lib/period';
import type { ChapterKind } from '@/lib/period-content';
import { AddChapterForm, AddPartForm, ChapterRow, PartRow } from './template-forms';

export const metadata: Metadata = { title: 'Rapportmall' };

const KINDS: PeriodKind[] = ['delar', 'helar'];

export default async function ReportTemplatePage({ searchParams }: { searchParams: Promise<{ typ?: string }> }) {
  const user = await requireUser();
  const db = await getDb();
  const typ = (await searchParams).typ;
  const periodKind: PeriodKind = typ === 'helar' ? 'helar' : 'delar';
  const template = await getReportTemplate(db, user, periodKind);
  const kinds = (Object.keys(CHAPTER_KIND_LABELS) as ChapterKind[]).map((kind) => ({ kind, label: CHAPTER_KIND_LABELS[kind] }));

  return (
    <>
      <Breadcrumb trail={[{ href: '/admin', label: 'Administration' }]} here="Rapportmall" />
      <h1 className="mt-2 text-2xl font-semibold">Rapportmall</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        Kapitlen i nämndens dokument i ordning. I kapitel med texter skriver varje enhet sin del; delen syns i enhetens Min
        rapportering och i nämndens dokument under Rapport.
      </p>
      <nav aria-label="Typ av period" className="mt-4 flex gap-2">
        {KINDS.map((k) => (
          <Link
            key={k}
            href={`/admin/rapportmall?typ=${k}`}
            aria-current={k === periodKind ? 'page' : undefined}
            className={`rounded border px-3 py-1.5 text-sm ${k === periodKind ? 'border-blue-800 bg-blue-800 text-white' : 'border-slate-400 bg-white text-blue-800 underline'}`}
          >
            {periodKindLabel(k)}
          </Link>
        ))}
      </nav>

      {template.chapters.length === 0 ? (
        <p className="mt-6 rounded border border-slate-200 bg-white p-4">
          Mallen för {periodKindLabel(periodKind).toLowerCase()} har inga kapitel ännu. Lägg till det första kapitlet nedan.
        </p>
      ) : (
        <ol className="mt-6 space-y-4">
          {template.chapters.map((chapter, i) => (
            <li key={chapter.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <h2 className="mb-2 font-semibold">
                {i + 1}. {chapter.title}
              </h2>
              <ChapterRow chapter={chapter} kindLabel={CHAPTER_KIND_LABELS[chapter.kind]} first={i === 0} last={i === template.chapters.length - 1} />
              {CHAPTER_KINDS_WITH_PARTS.includes(chapter.kind) && (
                <section aria-label={`Delar i ${chapter.title}`} className="mt-4 border-t border-slate-200 pt-3">
                  <h3 className="font-medium">Delar och vem som skriver dem</h3>
                  {chapter.parts.length === 0 ? (
                    <p className="mt-2 text-sm text-slate-700">Inga delar ännu: lägg till en del och välj enheten som skriver den.</p>
                  ) : (
                    <ol className="mt-2 space-y-3">
                      {chapter.parts.map((part, j) => (
                        <li key={part.id} className="rounded border border-slate-200 p-3">
                          <PartRow part={part} units={template.units} first={j === 0} last={j === chapter.parts.length - 1} />
                        </li>
                      ))}
                    </ol>
                  )}
                  <div className="mt-3">
                    <AddPartForm chapterId={chapter.id} chapterTitle={chapter.title} units={template.units} />
                  </div>
                </section>
              )}
            </li>
          ))}
        </ol>
      )}
      <section aria-labelledby="nytt-kapitel" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="nytt-kapitel" className="mb-2 font-semibold">
          Lägg till ett kapitel
        </h2>
        <AddChapterForm periodKind={periodKind} kinds={kinds} />
      </section>
    </>
  );
}
