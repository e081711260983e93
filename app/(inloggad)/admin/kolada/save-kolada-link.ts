// Link an indicator to a Kolada KPI (or change the link).
import { defineAction } from '@/server/action';
import { authorizeInOwnOrganization } from '@/lib/policy';
import { saveKoladaLink } from '@/db/kolada';
import { koladaLinkSchema } from '@/lib/kolada-link-schema';

export const saveKoladaLinkAction = defineAction({
  name: 'kolada.link',
  schema: koladaLinkSchema,
  async run({ user, db }, input) {
    authorizeInOwnOrganization(user, 'manage', 'indicator');
    const { name } = await saveKoladaLink(db, user, input);
    return { status: 'ok', message: `”${name}” hämtar sina värden från ${input.kpiId} i Kolada.` };
  },
});
