// GET /admin/import/mall — the values template (XLSX) for the admin: instructions and one
// row per indicator that can be reported on in an open period, with its newest values.
import { getDb } from '@/db/client';
import { getValueTemplateRows } from '@/db/admin/value-import';
import { getCurrentUser } from '@/lib/session';
import { can } from '@/lib/policy';
import { XLSX_MIME } from '@/lib/report-xlsx';
import { buildValuesTemplate } from '@/lib/value-import';

export const dynamic = 'force-dynamic';

export async function GET() {
  const user = await getCurrentUser();
  if (!user) return new Response('Du är inte inloggad.', { status: 401, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  if (!can(user, 'manage', { kind: 'value', organizationId: user.organizationId })) {
    return new Response('Sidan finns inte.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  const rows = await getValueTemplateRows(await getDb(), user);
  const body = await buildValuesTemplate(rows);
  return new Response(new Uint8Array(body), {
    headers: {
      'content-type': XLSX_MIME,
      'content-disposition': 'attachment; filename="malbild-import-varden.xlsx"',
      'cache-control': 'no-store',
    },
  });
}
