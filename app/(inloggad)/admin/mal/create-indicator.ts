// Create an indicator (mått) under a nämndmål, with a structured target.
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { authorizeInOwnOrganization } from '@/lib/policy';
import { createIndicator } from '@/db/admin/indicators';
import { indicatorFields, toIndicatorInput } from './schemas';

export const createIndicatorAction = defineAction({
  name: 'indicator.create',
  schema: z.object({ goalId: z.uuid('Okänt mål.'), ...indicatorFields }),
  async run({ user, db }, { goalId, ...fields }) {
    authorizeInOwnOrganization(user, 'manage', 'indicator');
    const { name } = await createIndicator(db, user, { goalId, ...toIndicatorInput(fields) });
    return { status: 'ok', message: `Måttet ”${name}” är skapat.` };
  },
});
