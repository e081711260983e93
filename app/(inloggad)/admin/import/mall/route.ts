// GET /admin/import/mall — the values template (XLSX) for the admin: instructions and one
// row per indicator that can be reported on in an open period, with its newest values.
import { getDb } from '@/db/client';
import { getValueTemplateRows } from '@/db/admin/value-import';
import { authorize } from '@/lib/policy';
import { XLSX_MIME } from '@/lib/report-xlsx';
import { buildValuesTemplate } from '@/lib/value-import';
import { authenticatedRoute } from '@/server/route';

export const dynamic = 'force-dynamic';

export const GET = authenticatedRoute('values template', async (user) => {
  authorize(user, 'manage', { kind: 'value', organizationId: user.organizationId });
  const rows = await getValueTemplateRows(await getDb(), user);
  const body = await buildValuesTemplate(rows);
  return new Response(new Uint8Array(body), {
    headers: {
      'content-type': XLSX_MIME,
      'content-disposition': 'attachment; filename="malbild-import-varden.xlsx"',
      'cache-control': 'no-store',
    },
  });
});
