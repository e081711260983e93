// GET /ekonomi/xlsx?namnd=…&period=… (authorization in financeDownload).
import { financeDownload } from '../finance-download';

export const dynamic = 'force-dynamic';
export const GET = financeDownload('xlsx');
