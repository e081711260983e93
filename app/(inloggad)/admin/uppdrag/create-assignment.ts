// Create an assignment (uppdrag). The form's fields and their checks are shared with the edit.
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { authorize } from '@/lib/policy';
import { parseSwedishNumber } from '@/lib/swedish-number';
import { MAX_TEXT } from '@/lib/indicator-value-input';
import { createAssignment } from '@/db/admin/assignments';

const isoDate = z.iso.date();
const uuid = z.uuid();

/** An optional 'YYYY-MM-DD' date (input type=date); empty is null. */
const optionalDate = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || isoDate.safeParse(v).success, `Ange ${label} som ÅÅÅÅ-MM-DD, till exempel 2024-12-31.`)
    .transform((v) => v || null);

/** An optional one-line text; empty is null. */
const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((v) => v || null);

/** The assignment's fields as the form sends them (every value a string). */
export const assignmentFieldsSchema = z
  .object({
    code: z
      .string('Ange en kod.')
      .trim()
      .min(1, 'Ange en kod.')
      .max(60, 'Koden får vara högst 60 tecken.')
      .regex(/^[\p{L}\p{N}._-]+$/u, 'Koden får bara innehålla bokstäver, siffror, punkt, bindestreck och understreck.'),
    // 'council' (Kommunfullmäktige) or the id of the issuing board.
    issuer: z
      .string('Välj uppdragsgivare.')
      .refine((v) => v === 'council' || uuid.safeParse(v).success, 'Välj uppdragsgivare.'),
    decisionDate: optionalDate('beslutsdatum'),
    diaryNumber: optionalText(100, 'Diarienumret får vara högst 100 tecken.'),
    title: z.string('Ange uppdragets titel.').trim().min(1, 'Ange uppdragets titel.').max(2_000, 'Titeln får vara högst 2 000 tecken.'),
    description: z
      .string()
      .max(MAX_TEXT, `Beskrivningen får vara högst ${MAX_TEXT.toLocaleString('sv-SE')} tecken.`)
      .optional()
      .transform((v) => (v?.trim() ? v.trim() : null)),
    focusAreaId: z
      .string()
      .optional()
      .refine((v) => !v || uuid.safeParse(v).success, 'Välj ett målområde i listan.')
      .transform((v) => v || null),
    groupLabel: optionalText(200, 'Grupperingen får vara högst 200 tecken.'),
    // The responsible units in order, as comma-separated ids.
    unitIds: z
      .string()
      .optional()
      .transform((v) => (v ?? '').split(',').map((id) => id.trim()).filter(Boolean))
      .pipe(
        z
          .array(z.uuid('Okänd enhet.'))
          .min(1, 'Välj minst en ansvarig enhet.')
          .max(50, 'Välj högst 50 enheter.')
          .refine((ids) => new Set(ids).size === ids.length, 'En enhet kan bara väljas en gång.'),
      ),
    dueDate: optionalDate('slutdatum'),
    sortOrder: z
      .string()
      .optional()
      .transform((v, ctx) => {
        const parsed = parseSwedishNumber(v ?? '');
        const value = parsed.ok ? (parsed.value ?? 0) : NaN;
        if (!Number.isInteger(value) || Math.abs(value) > 1_000_000) {
          ctx.addIssue({ code: 'custom', message: 'Ange sorteringsordningen som ett heltal, till exempel 10.' });
          return z.NEVER;
        }
        return value;
      }),
  })
  .superRefine((value, ctx) => {
    if (value.decisionDate && value.dueDate && value.dueDate < value.decisionDate) {
      ctx.addIssue({ code: 'custom', path: ['dueDate'], message: 'Slutdatum kan inte ligga före beslutsdatum.' });
    }
  })
  .transform(({ issuer, ...rest }) => ({
    ...rest,
    issuer: issuer === 'council' ? ('council' as const) : ('board' as const),
    issuerBoardId: issuer === 'council' ? null : issuer,
  }));

export const createAssignmentAction = defineAction<typeof assignmentFieldsSchema, { id: string }>({
  name: 'assignment.create',
  schema: assignmentFieldsSchema,
  async run({ user, db }, input) {
    authorize(user, 'manage', { kind: 'assignment', organizationId: user.organizationId });
    const { id, code } = await createAssignment(db, user, input);
    return { status: 'ok', message: `Uppdraget ${code} är skapat.`, data: { id } };
  },
});
