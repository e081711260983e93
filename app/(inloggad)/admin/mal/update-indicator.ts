// Edit an indicator. A new target or tolerance re-judges the newest value in open,
// unapproved periods as a new version; approved periods keep their snapshot.
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { authorizeInOwnOrganization } from '@/lib/policy';
import { updateIndicator } from '@/db/admin/indicators';
import { itemId } from '../malomraden/fields';
import { indicatorFields, toIndicatorInput } from './schemas';

export const updateIndicatorAction = defineAction({
  name: 'indicator.update',
  schema: z.object({ id: itemId, ...indicatorFields }),
  async run({ user, db }, { id, ...fields }) {
    authorizeInOwnOrganization(user, 'manage', 'indicator');
    const { name, reevaluated } = await updateIndicator(db, user, { id, ...toIndicatorInput(fields) });
    const n = reevaluated.length;
    const rejudged = n === 0 ? '' : n === 1 ? ' Värdet i en öppen period är bedömt mot det nya målvärdet.' : ` Värdena i ${n} öppna perioder är bedömda mot det nya målvärdet.`;
    return { status: 'ok', message: `Ändringarna i ”${name}” är sparade.${rejudged}` };
  },
});
