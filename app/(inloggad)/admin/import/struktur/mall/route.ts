// GET /admin/import/struktur/mall — the structure template (XLSX) for the admin: the
// instructions and one empty sheet per kind of item.
import { authorize } from '@/lib/policy';
import { XLSX_MIME } from '@/lib/report-xlsx';
import { buildStructureTemplate } from '@/lib/structure-import';
import { authenticatedRoute } from '@/server/route';

export const dynamic = 'force-dynamic';

export const GET = authenticatedRoute('structure template', async (user) => {
  authorize(user, 'manage', { kind: 'unit', organizationId: user.organizationId });
  const body = await buildStructureTemplate();
  return new Response(new Uint8Array(body), {
    headers: {
      'content-type': XLSX_MIME,
      'content-disposition': 'attachment; filename="malbild-import-struktur.xlsx"',
      'cache-control': 'no-store',
    },
  });
});
