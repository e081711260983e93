// GET /rapport/docx?namnd=…&period=… — the report as a Word document (authorization in reportDownload).
import { reportDownload } from '../report-download';

export const GET = reportDownload('docx');
