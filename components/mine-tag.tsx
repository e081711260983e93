/** Marks an item the signed-in editor's unit answers for. */
export function MineTag({ block = false }: { block?: boolean }) {
  return (
    <span className={`${block ? 'mt-1 block w-fit' : 'ml-2 inline-block'} rounded bg-blue-100 px-1.5 py-0.5 align-middle text-xs font-medium text-blue-900`}>
      Ditt ansvar
    </span>
  );
}
