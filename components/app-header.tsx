/** The top bar: the product and the organization it shows. */
export function AppHeader({ organizationName }: { organizationName: string | null }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl items-baseline gap-3 px-4 py-3">
        <span className="text-lg font-bold text-blue-900">Målbild</span>
        {organizationName && <span className="text-slate-700">{organizationName}</span>}
      </div>
    </header>
  );
}
