// Why a reporting form is read-only, in Swedish.
import { ARCHIVED_MESSAGE } from './live';

export function readOnlyReason(opts: {
  locked: boolean;
  periodState: 'draft' | 'open' | 'closed';
  responsible: string;
  /** False for an archived item (lib/live.ts). */
  live?: boolean;
}): string {
  if (opts.live === false) return ARCHIVED_MESSAGE;
  if (opts.locked) {
    if (opts.periodState === 'draft') return 'Perioden är inte öppnad för rapportering ännu.';
    if (opts.periodState === 'closed') return 'Perioden är stängd för rapportering. Inget kan ändras.';
    return 'Nämndens period är attesterad och låst. Inget kan ändras.';
  }
  return `Du kan läsa men inte rapportera här. Det rapporteras av ${opts.responsible}.`;
}
