// GET /admin/import/struktur/export — the structure template (XLSX) filled with the
// organization's current structure, for the admin: edit it without looking codes up and
// upload it; untouched, it imports as "nothing changes".
import { getDb } from '@/db/client';
import { getStructureExport } from '@/db/admin/structure-import';
import { authorize } from '@/lib/policy';
import { XLSX_MIME } from '@/lib/report-xlsx';
import { buildStructureTemplate } from '@/lib/structure-import';
import { authenticatedRoute } from '@/server/route';

export const dynamic = 'force-dynamic';

export const GET = authenticatedRoute('structure export', async (user) => {
  authorize(user, 'manage', { kind: 'unit', organizationId: user.organizationId });
  const body = await buildStructureTemplate(await getStructureExport(await getDb(), user));
  return new Response(new Uint8Array(body), {
    headers: {
      'content-type': XLSX_MIME,
      'content-disposition': 'attachment; filename="malbild-struktur.xlsx"',
      'cache-control': 'no-store',
    },
  });
});
