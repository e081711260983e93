// GET /admin/import/struktur/mall — the structure template (XLSX) for the admin: the
// instructions and one empty sheet per kind of item.
import { getCurrentUser } from '@/lib/session';
import { can } from '@/lib/policy';
import { XLSX_MIME } from '@/lib/report-xlsx';
import { buildStructureTemplate } from '@/lib/structure-import';

export const dynamic = 'force-dynamic';

export async function GET() {
  const user = await getCurrentUser();
  if (!user) return new Response('Du är inte inloggad.', { status: 401, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  if (!can(user, 'manage', { kind: 'unit', organizationId: user.organizationId })) {
    return new Response('Sidan finns inte.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  const body = await buildStructureTemplate();
  return new Response(new Uint8Array(body), {
    headers: {
      'content-type': XLSX_MIME,
      'content-disposition': 'attachment; filename="malbild-import-struktur.xlsx"',
      'cache-control': 'no-store',
    },
  });
}
