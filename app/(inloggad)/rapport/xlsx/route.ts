// GET /rapport/xlsx?namnd=…&period=… — the plan year as an Excel workbook (authorization in reportDownload).
import type { NextRequest } from 'next/server';
import { reportDownload } from '../report-download';

export function GET(request: NextRequest) {
  return reportDownload(request, 'xlsx');
}
