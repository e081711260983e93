// Find a KPI (or a municipality group) by its title in Kolada: reads Kolada, writes nothing.
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { authorizeInOwnOrganization } from '@/lib/policy';
import { KoladaClient, KoladaError } from '@/server/kolada-client';

export interface KoladaHit {
  id: string;
  title: string;
  description: string;
}

const MAX_HITS = 50;

export const searchKoladaAction = defineAction({
  name: 'kolada.search',
  schema: z.object({
    kind: z.enum(['kpi', 'group']),
    title: z.string().trim().min(2, 'Skriv minst två tecken.').max(100),
  }),
  async run({ user }, input) {
    authorizeInOwnOrganization(user, 'manage', 'indicator');
    const client = new KoladaClient();
    try {
      const hits: KoladaHit[] =
        input.kind === 'kpi'
          ? (await client.searchKpis(input.title)).map((k) => ({ id: k.id, title: k.title, description: k.description }))
          : (await client.municipalityGroups(input.title)).map((g) => ({
              id: g.id,
              title: g.title,
              description: g.members.map((m) => m.title).join(', '),
            }));
      const shown = hits.slice(0, MAX_HITS);
      const message = !hits.length
        ? `Inget i Kolada heter något med ”${input.title}”.`
        : hits.length > MAX_HITS
          ? `${hits.length} träffar; de första ${MAX_HITS} visas. Skriv mer av namnet för att se färre.`
          : `${hits.length} ${hits.length === 1 ? 'träff' : 'träffar'}.`;
      return { status: 'ok', message, data: shown };
    } catch (error) {
      if (!(error instanceof KoladaError)) throw error;
      return { status: 'error', code: 'invalid', message: error.userMessage };
    }
  },
});
