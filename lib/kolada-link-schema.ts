// The zod schema of the Kolada link form (lib/kolada-link.ts has the words and types).
import { z } from '@/lib/zod';
import { kpiIdSchema, municipalityCodeSchema } from './kolada-response';
import { KOLADA_GENDERS, KOLADA_MEASURES, RANK_ORDERS } from './kolada-link';

const optionalMunicipality = z
  .string()
  .trim()
  .transform((v) => v || null)
  .pipe(municipalityCodeSchema.nullable());

export const koladaLinkSchema = z.object({
  indicatorId: z.uuid(),
  kpiId: kpiIdSchema,
  gender: z.enum(KOLADA_GENDERS),
  municipalityCode: optionalMunicipality,
  yearOffset: z.coerce.number().int().min(-5, 'Högst fem år bakåt.').max(0, 'Kolada har inga värden för kommande år.'),
  measure: z.enum(KOLADA_MEASURES),
  order: z.enum(RANK_ORDERS),
});
export type KoladaLinkInput = z.output<typeof koladaLinkSchema>;
