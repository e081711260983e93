// Matrix rows for the administration (period).
import type { MatrixRow } from './harness';

export const adminPeriodRows: MatrixRow[] = [];
