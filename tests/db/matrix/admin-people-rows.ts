// Matrix rows for the administration (people).
import type { MatrixRow } from './harness';

export const adminPeopleRows: MatrixRow[] = [];
