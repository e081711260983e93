// Why a reporting form is read-only, in Swedish.
export function readOnlyReason(opts: { locked: boolean; periodState: 'draft' | 'open' | 'closed'; responsible: string }): string {
  if (opts.locked) {
    if (opts.periodState === 'draft') return 'Perioden är inte öppnad för rapportering ännu.';
    if (opts.periodState === 'closed') return 'Perioden är stängd för rapportering. Inget kan ändras.';
    return 'Nämndens period är attesterad och låst. Inget kan ändras.';
  }
  return `Du kan läsa men inte rapportera här. Det rapporteras av ${opts.responsible}.`;
}
