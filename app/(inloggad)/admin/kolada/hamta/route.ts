// POST /admin/kolada/hamta — the fetch form's action (kolada.fetch, ../fetch-kolada.ts) with
// its progress: NDJSON lines (lib/progress-stream.ts) for each step while Kolada answers,
// then the action's result, as the export's download does. The form posts here when the
// page's JavaScript runs; without it, the form posts to the server action (no progress).
// The body is a form (multipart), so proxy.ts refuses a post from another site as it does
// for every server action.
import { getDb } from '@/db/client';
import type { ActionResult } from '@/lib/action';
import type { StreamProgress } from '@/lib/progress-stream';
import { formFields, runAction } from '@/server/action';
import { authenticatedRoute } from '@/server/route';
import { progressResponse } from '@/server/progress-stream';
import type { FetchResult } from '@/server/kolada-sync';
import { fetchKoladaAction } from '../fetch-kolada';

export const dynamic = 'force-dynamic';

export type KoladaFetchStreamMessage = ({ kind: 'progress' } & StreamProgress) | { kind: 'result'; result: ActionResult<FetchResult> };

const UNREADABLE_FORM = 'Formuläret kunde inte läsas och inget hämtades. Ladda om sidan och försök igen.';

export const POST = authenticatedRoute('kolada fetch', async (user, request) => {
  // runAction authorizes (the definition asks the policy first) and never throws.
  const fields = formFields(await request.formData().catch(() => null));
  const db = await getDb();
  return progressResponse<KoladaFetchStreamMessage>(async (send) => {
    const result: ActionResult<FetchResult> = fields
      ? await runAction(fetchKoladaAction, user, fields, db, { progress: (p) => send({ kind: 'progress', ...p }) })
      : { status: 'error', code: 'invalid', message: UNREADABLE_FORM };
    send({ kind: 'result', result });
  });
});
