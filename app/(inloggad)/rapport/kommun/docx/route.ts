// GET /rapport/kommun/docx?period=… — the kommun's report as one Word document: authenticate
// (server/route.ts), parse the query with zod, read through db/ (which asks the policy), build.
import { z } from '@/lib/zod';
import { getDb } from '@/db/client';
import { getKommunDocument } from '@/db/kommun-document';
import { NotFoundError } from '@/lib/errors';
import { buildKommunDocumentDocx, DOCX_MIME } from '@/lib/report-docx';
import { kommunDocumentKindName } from '@/lib/kommun-document';
import { reportFilename } from '@/lib/report-filename';
import { authenticatedRoute } from '@/server/route';

const querySchema = z.object({ period: z.uuid() });

const MESSAGES = {
  not_found: 'Rapporten finns inte, eller så saknar du behörighet till den.',
  failed: 'Filen kunde inte skapas. Försök igen.',
};

export const GET = authenticatedRoute(
  'kommun report docx',
  async (user, request) => {
    const parsed = querySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
    if (!parsed.success) throw new NotFoundError('report');
    const kommun = await getKommunDocument(await getDb(), user, parsed.data.period);
    const body = await buildKommunDocumentDocx(kommun);
    const name = reportFilename(kommun.organizationName, kommun.period.label, 'docx', kommunDocumentKindName(kommun.period.kind));
    return new Response(new Uint8Array(body), {
      headers: {
        'Content-Type': DOCX_MIME,
        'Content-Disposition': `attachment; filename="${name}"`,
        'Cache-Control': 'private, no-store',
      },
    });
  },
  MESSAGES,
);
