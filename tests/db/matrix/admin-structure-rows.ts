// Matrix rows for the administration (structure).
import type { MatrixRow } from './harness';

export const adminStructureRows: MatrixRow[] = [];
