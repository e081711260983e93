// GET /ekonomi/mall?namnd=…&period=… — the import template with the board's current tables.
import { financeDownload } from '../finance-download';

export const dynamic = 'force-dynamic';
export const GET = financeDownload('template');
