import type { CurrentUser } from '@/lib/current-user';

/** For an editor: what their units answer for in this overview, or that there is nothing. */
export function ResponsibilitySummary({
  user,
  goalIds,
  indicatorIds,
  listed = true,
}: {
  user: CurrentUser;
  goalIds: Set<string>;
  indicatorIds: Set<string>;
  /** The overview lists goals (false: the whole kommun's rollups, goals open per board). */
  listed?: boolean;
}) {
  const units = user.grantUnits.map((u) => u.name).join(', ');
  return (
    <section aria-labelledby="mitt-ansvar" className="mt-6 rounded-lg border border-blue-200 bg-blue-50 p-4">
      <h2 id="mitt-ansvar" className="font-semibold">
        Ditt ansvar{units ? `: ${units}` : ''}
      </h2>
      {goalIds.size === 0 && indicatorIds.size === 0 ? (
        <p className="mt-1">
          Din enhet har inga mål eller mått att rapportera på i den här perioden. När en systemförvaltare
          adresserar ett mål eller mått till enheten visas det här.
        </p>
      ) : (
        <p className="mt-1">
          Du rapporterar för {indicatorIds.size} mått i {goalIds.size} mål.{' '}
          {listed ? (
            <>
              De är markerade med <span className="font-medium">”Ditt ansvar”</span> nedan.
            </>
          ) : (
            'Välj din nämnd i tabellen nedan för att se dem, eller gå till Min rapportering.'
          )}
        </p>
      )}
    </section>
  );
}

