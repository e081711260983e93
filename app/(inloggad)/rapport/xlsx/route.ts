// GET /rapport/xlsx?namnd=…&period=… — the plan year as an Excel workbook (authorization in reportDownload).
import { reportDownload } from '../report-download';

export const GET = reportDownload('xlsx');
