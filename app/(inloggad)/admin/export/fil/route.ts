// GET /admin/export/fil — the organization's full export as a ZIP (admin only; the export
// is audited). With ?forlopp=1 the answer is a stream of NDJSON lines: the progress of
// each step while the export builds, then the ZIP itself (base64) or a Swedish error, so
// the page can show how far it has come (components/org-export-download.tsx). Without
// JavaScript the plain link gives the ZIP directly.
import { z } from '@/lib/zod';
import { getDb } from '@/db/client';
import { exportOrganization } from '@/db/org-export';
import { describeError, NotFoundError } from '@/lib/errors';
import type { ExportStreamMessage } from '@/lib/org-export-format';
import { authorize } from '@/lib/policy';
import { authenticatedRoute } from '@/server/route';
import { progressResponse } from '@/server/progress-stream';

export const dynamic = 'force-dynamic';

const querySchema = z.object({ forlopp: z.literal('1').optional() });

const MESSAGES = { failed: 'Exporten kunde inte skapas. Försök igen.' };

export const GET = authenticatedRoute(
  'organization export',
  async (user, request) => {
    authorize(user, 'manage', { kind: 'organization', organizationId: user.organizationId });
    const parsed = querySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
    if (!parsed.success) throw new NotFoundError('export');
    const db = await getDb();

    if (!parsed.data.forlopp) {
      const result = await exportOrganization(db, user);
      return new Response(new Uint8Array(result.zip), {
        headers: {
          'content-type': 'application/zip',
          'content-disposition': `attachment; filename="${result.filename}"`,
          'cache-control': 'private, no-store',
        },
      });
    }

    return progressResponse<ExportStreamMessage>(async (send) => {
      try {
        const result = await exportOrganization(db, user, (p) => send({ kind: 'progress', ...p }));
        send({ kind: 'done', filename: result.filename, bytes: result.zip.length, zip: result.zip.toString('base64') });
      } catch (error) {
        const described = describeError(error, MESSAGES);
        if (!described.expected) console.error('organization export failed', error);
        send({ kind: 'error', message: described.message });
      }
    });
  },
  MESSAGES,
);
