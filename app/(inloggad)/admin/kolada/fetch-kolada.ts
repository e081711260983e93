// Fetch from Kolada for one indicator, one board or the whole organization: the dry run
// ("Förhandsgranska") lists what would change and writes nothing; "Hämta och spara" writes
// every changed value as a new version, or nothing (server/kolada-sync.ts). Posted to
// ./hamta, the same action streams its steps as it goes ("Hämtar nyckeltal 3 av 12 …").
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { authorizeInOwnOrganization } from '@/lib/policy';
import { runKoladaFetch, type FetchResult } from '@/server/kolada-sync';

export const fetchKoladaAction = defineAction({
  name: 'kolada.fetch',
  schema: z.object({
    scope: z.enum(['indicator', 'board', 'organization']),
    scopeId: z.string().trim().transform((v) => v || null).pipe(z.uuid().nullable()),
    step: z.enum(['dryRun', 'apply']),
  }),
  async run({ user, db, progress }, input) {
    authorizeInOwnOrganization(user, 'manage', 'indicator');
    if (input.scope !== 'organization' && !input.scopeId) {
      return { status: 'error', code: 'invalid', message: 'Välj vad som ska hämtas.' };
    }
    const scope = input.scope === 'organization' ? ({ kind: 'organization' } as const) : { kind: input.scope, id: input.scopeId! };
    const result: FetchResult = await runKoladaFetch(db, user, scope, { dryRun: input.step === 'dryRun', progress });
    return result.ok
      ? { status: 'ok', message: result.message, data: result }
      : { status: 'error', code: 'unavailable', message: result.message, data: result };
  },
});
