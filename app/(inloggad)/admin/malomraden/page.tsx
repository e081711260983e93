import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { getFocusAreaAdmin, type CouncilGoalAdminDTO, type FocusAreaAdminDTO } from '@/db/admin/focus-areas';
import { requireUser } from '@/server/session';
import { can } from '@/lib/policy';
import { AdminBreadcrumb } from '@/components/breadcrumb';
import { FocusAreaForm } from './focus-area-form';
import { CouncilGoalForm } from './council-goal-form';
import { ItemActions } from './form-parts';
import { deleteCouncilGoal, deleteFocusArea, setCouncilGoalArchived, setFocusAreaArchived } from './actions';

export const metadata: Metadata = { title: 'Målområden och KF-mål' };

const years = (from: number, to: number | null) => (to === null ? `från ${from}` : from === to ? `${from}` : `${from}–${to}`);

function areaLabel(area: FocusAreaAdminDTO, byId: Map<string, FocusAreaAdminDTO>): string {
  if (area.parentId) {
    const parent = byId.get(area.parentId);
    return parent ? `${areaLabel(parent, byId)} › ${area.name}` : area.name;
  }
  return area.number !== null ? `${area.number}. ${area.name}` : area.name;
}

function ArchivedTag({ archived }: { archived: boolean }) {
  return archived ? <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs font-medium text-slate-800">Arkiverat</span> : null;
}

export default async function FocusAreasPage() {
  const user = await requireUser();
  if (!can(user, 'manage', { kind: 'organization', organizationId: user.organizationId })) notFound();
  const { focusAreas, councilGoals } = await getFocusAreaAdmin(await getDb(), user);
  const byId = new Map(focusAreas.map((a) => [a.id, a]));
  const topLevel = focusAreas.filter((a) => a.parentId === null);
  const ordered = topLevel.flatMap((top) => [top, ...focusAreas.filter((a) => a.parentId === top.id)]);
  const parentChoices = topLevel.map((a) => ({ id: a.id, label: areaLabel(a, byId) + (a.archived ? ' (arkiverat)' : '') }));
  const areaChoices = ordered.map((a) => ({ id: a.id, label: areaLabel(a, byId) + (a.archived ? ' (arkiverat)' : '') }));

  const areaItem = (area: FocusAreaAdminDTO) => (
    <li key={area.id} className={`rounded-lg border border-slate-200 bg-white p-4 ${area.parentId ? 'ml-6' : ''}`}>
      <h3 className="font-semibold">
        {area.parentId ? area.name : areaLabel(area, byId)}
        <ArchivedTag archived={area.archived} />
      </h3>
      <p className="text-sm text-slate-700">
        {area.parentId ? 'Delområde' : 'Målområde'} · kod {area.code} · gäller {years(area.validFrom, area.validTo)}
      </p>
      <details className="mt-2">
        <summary className="cursor-pointer text-sm text-blue-800 underline">
          Ändra<span className="sr-only"> {area.name}</span>
        </summary>
        <div className="mt-3">
          <FocusAreaForm area={area} parents={parentChoices} />
        </div>
      </details>
      <div className="mt-3">
        <ItemActions
          id={area.id}
          name={area.name}
          archived={area.archived}
          deletable={area.deletable}
          setArchived={setFocusAreaArchived}
          remove={deleteFocusArea}
          deleteHint="Används av delområden, mål, KF-mål, uppdrag eller texter: kan arkiveras men inte tas bort."
        />
      </div>
    </li>
  );

  const councilGoalItem = (goal: CouncilGoalAdminDTO) => (
    <li key={goal.id} className="rounded-lg border border-slate-200 bg-white p-4">
      <p className="font-medium">
        {goal.text}
        <ArchivedTag archived={goal.archived} />
      </p>
      <p className="text-sm text-slate-700">
        Kod {goal.code} · gäller {years(goal.validFrom, goal.validTo)}
      </p>
      <p className="mt-1 text-sm">
        {goal.phrase ? (
          <>
            <span className="text-slate-700">I rapporten: </span>Bäring på kommunfullmäktiges mål {goal.phrase}.
          </>
        ) : (
          <span className="text-slate-700">Ingen formulering för löpande text.</span>
        )}
      </p>
      <details className="mt-2">
        <summary className="cursor-pointer text-sm text-blue-800 underline">
          Ändra<span className="sr-only"> KF-målet {goal.code}</span>
        </summary>
        <div className="mt-3">
          <CouncilGoalForm goal={goal} focusAreas={areaChoices} />
        </div>
      </details>
      <div className="mt-3">
        <ItemActions
          id={goal.id}
          name={`KF-målet ${goal.code}`}
          archived={goal.archived}
          deletable={goal.deletable}
          setArchived={setCouncilGoalArchived}
          remove={deleteCouncilGoal}
          deleteHint="Nämndmål har bäring på det: kan arkiveras men inte tas bort."
        />
      </div>
    </li>
  );

  return (
    <>
      <AdminBreadcrumb here="Målområden och KF-mål" />
      <h1 className="mt-2 text-2xl font-semibold">Målområden och KF-mål</h1>
      <p className="mt-1 text-slate-700">
        Kommunfullmäktiges målområden, med delområden, och fullmäktiges mål under dem. Det som används arkiveras i
        stället för att tas bort; arkiverat visas inte i nya perioder men finns kvar i historiken.
      </p>

      <section aria-labelledby="malomraden" className="mt-8">
        <h2 id="malomraden" className="text-xl font-semibold">
          Målområden
        </h2>
        {ordered.length ? (
          <ul className="mt-3 space-y-3">{ordered.map(areaItem)}</ul>
        ) : (
          <p className="mt-3 text-slate-700">Det finns inga målområden ännu.</p>
        )}
        <details className="mt-4 rounded-lg border border-slate-300 bg-white p-4">
          <summary className="cursor-pointer font-medium text-blue-800">Nytt målområde eller delområde</summary>
          <div className="mt-3">
            <FocusAreaForm parents={parentChoices} />
          </div>
        </details>
      </section>

      <section aria-labelledby="kf-mal" className="mt-10">
        <h2 id="kf-mal" className="text-xl font-semibold">
          Kommunfullmäktiges mål (KF-mål)
        </h2>
        {ordered.map((area) => {
          const goals = councilGoals.filter((g) => g.focusAreaId === area.id);
          if (!goals.length) return null;
          return (
            <div key={area.id} className="mt-4">
              <h3 className="font-semibold">{areaLabel(area, byId)}</h3>
              <ul className="mt-2 space-y-3">{goals.map(councilGoalItem)}</ul>
            </div>
          );
        })}
        {!councilGoals.length && <p className="mt-3 text-slate-700">Det finns inga KF-mål ännu.</p>}
        <details className="mt-4 rounded-lg border border-slate-300 bg-white p-4">
          <summary className="cursor-pointer font-medium text-blue-800">Nytt KF-mål</summary>
          <div className="mt-3">
            <CouncilGoalForm focusAreas={areaChoices} />
          </div>
        </details>
      </section>
    </>
  );
}
