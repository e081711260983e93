/** Why a form is not shown: the period is closed or locked, or the item is someone else's. */
export function ReadOnlyNotice({ reason }: { reason: string }) {
  return (
    <p className="rounded border border-slate-300 bg-slate-100 px-3 py-2 text-sm">
      <span className="font-semibold">Endast läsning. </span>
      {reason}
    </p>
  );
}
