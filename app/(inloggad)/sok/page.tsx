import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { notFoundOrThrow } from '@/server/errors';
import { listBoards } from '@/db/deviations';
import { listPeriods, getCurrentPeriod } from '@/db/queries/overview';
import { searchTexts, type TextSearchHit, type TextSearchResult } from '@/db/text-search';
import { requireUser } from '@/server/session';
import { can } from '@/lib/policy';
import { parsePage } from '@/lib/paging';
import { formatDateTime } from '@/lib/time-format';
import { parseQuery, parseTextSearchParams } from '@/lib/text-search';
import { Pager } from '@/components/pager';
import { Checkbox, TextField } from '@/components/form-field';
import { BoardSelect, PeriodSelect, PickerForm } from '@/components/period-picker';

export const metadata: Metadata = { title: 'Sök i texter' };

type RawSearchParams = Record<string, string | string[] | undefined>;

export default async function TextSearchPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireUser();
  // The admin, the director and kommunstyrelsen's members (lib/policy search_texts); others get the 404 page.
  if (!can(user, 'search_texts', { kind: 'organization', organizationId: user.organizationId })) notFound();
  const db = await getDb();
  const params = parseTextSearchParams(await searchParams);
  const periodId = params.period || (await getCurrentPeriod(db, user))?.id;
  if (!periodId) {
    return (
      <Shell>
        <p className="mt-4 rounded border border-slate-300 bg-white p-4">Det finns ingen period att söka i ännu.</p>
      </Shell>
    );
  }
  const [periods, boards] = await Promise.all([listPeriods(db, user), listBoards(db, user)]);
  const typed = params.q.trim();
  const parsed = typed ? parseQuery(typed) : null;
  const result =
    parsed?.ok === true
      ? await searchTexts(db, user, {
          periodId,
          terms: parsed.terms,
          boardId: params.namnd || null,
          history: params.historik === '1',
          page: parsePage(params.sida),
        }).catch(notFoundOrThrow)
      : null;

  return (
    <Shell>
      <p className="mt-1 max-w-3xl text-slate-700">
        Sök i allt som skrivits i en period: enheternas texter till rapporten, bedömningar av mål, analyser och noteringar
        av mått, återrapportering av uppdrag, nämndens egna texter, förklaringar i ekonomin och kommentarer när något
        skickats tillbaka för komplettering. Varje ord du skriver måste finnas i
        texten, också inuti längre ord (”sjukfrånvaro” hittar ”långtidssjukfrånvaron”); skriv en fras inom citattecken.
        Varje texts senaste version söks, eller alla versioner om du tar med tidigare versioner.
      </p>

      <PickerForm label="Sök i texter" submitLabel="Sök">
        <TextField
          id="q"
          name="q"
          type="search"
          label="Sök efter"
          labelStyle="small"
          defaultValue={params.q}
          error={parsed?.ok === false ? parsed.message : undefined}
          fullWidth={false}
          controlClassName="w-72 max-w-full"
          maxLength={200}
        />
        <PeriodSelect periods={periods} value={periodId} />
        <BoardSelect boards={boards} value={params.namnd} allLabel="Alla nämnder" />
        <Checkbox name="historik" value="1" defaultChecked={params.historik === '1'} label="Ta med tidigare versioner" className="py-2 text-sm" />
      </PickerForm>

      {result && <Results result={result} query={typed} params={params} />}
    </Shell>
  );
}

function Results({ result, query, params }: { result: TextSearchResult; query: string; params: ReturnType<typeof parseTextSearchParams> }) {
  const where = `${result.period.label.toLowerCase()}${result.board ? ` för ${result.board.name}` : ''}`;
  const versions = result.history ? 'någon version' : 'den senaste versionen';
  const pagerQuery = { q: query, period: result.period.id, namnd: params.namnd, historik: params.historik };
  if (result.page.total === 0) {
    return (
      <section aria-labelledby="resultat" className="mt-6">
        <h2 id="resultat" className="text-lg font-semibold">
          Inga texter innehåller ”{query}”
        </h2>
        <p className="mt-1 text-slate-700">
          Sökt i {versions} av varje text i {where}.
          {result.history ? ' Pröva en del av ordet, en annan period eller alla nämnder.' : ' Pröva en del av ordet, eller ta med tidigare versioner.'}
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="resultat" className="mt-6">
      <h2 id="resultat" className="text-lg font-semibold">
        {result.page.total === 1 ? '1 text innehåller' : `${result.page.total} texter innehåller`} ”{query}”
      </h2>
      <p className="mt-1 text-slate-700">
        I {versions} av varje text i {where}.
      </p>
      <ol className="mt-4 space-y-3">
        {result.hits.map((hit, i) => (
          <Hit key={`${hit.href}-${hit.item}-${hit.units.join()}-${hit.seq}-${i}`} hit={hit} />
        ))}
      </ol>
      <Pager info={result.page} path="/sok" query={pagerQuery} label="Sidor med sökträffar" noun="texter" />
    </section>
  );
}

function Hit({ hit }: { hit: TextSearchHit }) {
  const where = [hit.board, ...hit.units.filter((u) => u !== hit.board)].filter(Boolean).join(' · ');
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-3">
      <p className="text-sm text-slate-700">
        {hit.kindLabel}
        {hit.context ? ` · ${hit.context}` : ''}
        {where ? ` · ${where}` : ''}
      </p>
      <Link href={hit.href} className="font-medium text-blue-800 underline">
        {hit.item}
      </Link>
      <p className="mt-1 break-words text-slate-900">
        {hit.snippet.map((part, i) =>
          part.mark ? (
            <mark key={i} className="rounded-sm bg-yellow-200 px-0.5 font-semibold text-slate-900">
              {part.text}
            </mark>
          ) : (
            <span key={i}>{part.text}</span>
          ),
        )}
      </p>
      <p className="mt-1 text-sm text-slate-700">
        {hit.seq === null ? 'Skrivet' : `Version ${hit.seq}${hit.newest ? ' (senaste)' : ' (tidigare version)'}`} av {hit.authorName},{' '}
        {formatDateTime(hit.createdAt)}
      </p>
    </li>
  );
}

function Shell({ children }: { children: React.ReactNode }) {
  return (
    <>
      <h1 className="text-2xl font-semibold">Sök i texter</h1>
      {children}
    </>
  );
}
