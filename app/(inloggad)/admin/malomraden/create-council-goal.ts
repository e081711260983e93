// Create a KF-mål (council goal) under a målområde.
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { authorizeInOwnOrganization } from '@/lib/policy';
import { createCouncilGoal } from '@/db/admin/focus-areas';
import { councilGoalFields } from './schemas';

export const createCouncilGoalAction = defineAction({
  name: 'councilGoal.create',
  schema: z.object(councilGoalFields),
  async run({ user, db }, input) {
    authorizeInOwnOrganization(user, 'manage', 'organization');
    const { code } = await createCouncilGoal(db, user, input);
    return { status: 'ok', message: `KF-målet ${code} är skapat.` };
  },
});
