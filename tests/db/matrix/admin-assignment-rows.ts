// Matrix rows for the administration (assignments).
import type { MatrixRow } from './harness';

export const adminAssignmentRows: MatrixRow[] = [];
