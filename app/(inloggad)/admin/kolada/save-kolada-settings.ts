// The organization's kommun in Kolada and its group of "liknande kommuner".
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { authorizeInOwnOrganization } from '@/lib/policy';
import { saveKoladaSettings } from '@/db/kolada';
import { municipalityCodeSchema } from '@/lib/kolada-response';

const optional = (max: number) => z.string().trim().max(max).transform((v) => v || null);

export const saveKoladaSettingsAction = defineAction({
  name: 'kolada.settings',
  schema: z.object({
    municipalityCode: municipalityCodeSchema,
    comparisonGroupId: optional(20),
    comparisonGroupTitle: optional(200),
  }),
  async run({ user, db }, input) {
    authorizeInOwnOrganization(user, 'manage', 'organization');
    await saveKoladaSettings(db, user, input);
    return { status: 'ok', message: 'Inställningarna för Kolada är sparade.' };
  },
});
