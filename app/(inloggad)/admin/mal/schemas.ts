// The fields of the goal and indicator forms, shared by their create and update actions.
import { z } from '@/lib/zod';
import type { IndicatorInput } from '@/db/admin/indicators';
import { checkbox, code, idList, optionalId, optionalText, optionalYear, requiredText, swedishNumber } from '../malomraden/fields';
import { SCHEDULES } from './labels';

export const boardGoalFields = {
  code,
  number: z
    .string()
    .trim()
    .regex(/^[1-9]\d{0,3}$/, 'Ange målets nummer, till exempel 1.')
    .transform(Number),
  text: requiredText('Skriv målet.', 4000),
  methodText: optionalText(20_000),
  rule: z.enum(['all', 'majority', 'manual'], 'Välj hur måluppfyllelsen bedöms.'),
  reportYearRow: checkbox,
  focusAreaId: z.uuid('Välj målområde.'),
  councilGoalIds: idList('Okänt KF-mål.'),
  unitIds: idList('Okänd enhet.').refine((ids) => ids.length > 0, 'Välj minst en ansvarig enhet.'),
  continuesId: optionalId,
};

export const indicatorFields = {
  code,
  name: requiredText('Ange måttets namn.', 500),
  unitOfMeasure: optionalText(60),
  decimals: z.string().trim().regex(/^[0-6]$/, 'Ange antal decimaler, 0–6.').transform(Number),
  comparator: z.enum(['lt', 'lte', 'gt', 'gte', 'eq', 'between', 'not_worse'], 'Välj hur utfallet jämförs med målvärdet.'),
  targetValue: swedishNumber,
  targetLow: swedishNumber,
  targetHigh: swedishNumber,
  direction: z
    .enum(['', 'higher', 'lower'], 'Välj vad som är bättre.')
    .default('')
    .transform((v) => v || null),
  tolerance: swedishNumber,
  trendTolerance: swedishNumber,
  targetLabel: z.string().trim().max(200, 'Texten får vara högst 200 tecken.').default(''),
  schedule: z.enum(SCHEDULES, 'Välj när måttet rapporteras.'),
  baselineValue: swedishNumber,
  baselineYear: optionalYear,
  source: z.enum(['manual', 'kolada', 'other'], 'Välj varifrån utfallet kommer.'),
  sourceRef: optionalText(200),
  responsibleUnitId: z.uuid('Välj ansvarig enhet.'),
  continuesId: optionalId,
};

/** The parsed form as the db/ input: the schedule becomes frequency and period kind. */
export function toIndicatorInput({ schedule, ...rest }: z.output<z.ZodObject<typeof indicatorFields>>): IndicatorInput {
  return {
    ...rest,
    frequency: schedule === 'every_period' ? 'every_period' : 'yearly',
    yearlyPeriodKind: schedule === 'every_period' ? null : (schedule.slice('yearly_'.length) as 'T1' | 'delar' | 'helar'),
  };
}
