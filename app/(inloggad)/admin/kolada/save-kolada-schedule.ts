// The daily scheduled fetch: on or off and the time of day (Swedish time), saved as a new
// version in the admin's name (the fetch runs in their name), then put in force in the job
// queue (server/kolada-schedule.ts) when this server runs it.
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { authorizeInOwnOrganization } from '@/lib/policy';
import { saveKoladaSchedule } from '@/db/kolada-schedule';
import { scheduleTimeSchema } from '@/lib/kolada-schedule';
import { applySavedSchedule } from '@/server/kolada-schedule';
import { checkbox } from '../malomraden/fields';

export const saveKoladaScheduleAction = defineAction({
  name: 'kolada.schedule',
  schema: z.object({
    enabled: checkbox,
    timeOfDay: scheduleTimeSchema,
    basedOn: z
      .string()
      .trim()
      .max(100)
      .transform((v) => v || null)
      .pipe(z.uuid('Uppgiften har fel format.').nullable()),
  }),
  async run({ user, db }, input) {
    authorizeInOwnOrganization(user, 'manage', 'organization');
    const saved = await saveKoladaSchedule(db, user, input);
    await applySavedSchedule(user.organizationId, saved);
    return {
      status: 'ok',
      message: saved.enabled
        ? `Hämtningen från Kolada görs varje dag kl. ${saved.timeOfDay}, i ditt namn.`
        : 'Den schemalagda hämtningen är avstängd.',
      data: { id: saved.id },
    };
  },
});
