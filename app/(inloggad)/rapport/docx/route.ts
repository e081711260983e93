// GET /rapport/docx?namnd=…&period=… — the report as a Word document (authorization in reportDownload).
import type { NextRequest } from 'next/server';
import { reportDownload } from '../report-download';

export function GET(request: NextRequest) {
  return reportDownload(request, 'docx');
}
