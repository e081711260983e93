// A unit's återrapportering on an assignment for a period, shared by form and server.
import { z } from '@/lib/zod';
import { MAX_TEXT } from './indicator-value-input';

export const assignmentReportSchema = z
  .object({
    assignmentId: z.uuid('Okänt uppdrag.'),
    unitId: z.uuid('Okänd enhet.'),
    periodId: z.uuid('Okänd period.'),
    baseSeq: z.coerce.number().int().min(0).max(1_000_000),
    status: z.enum(['not_started', 'in_progress', 'done', 'cancelled'], { error: 'Välj uppdragets status.' }),
    // Shown only in some states, so it may be absent: absent is empty.
    cancelReason: z.string().trim().max(2_000, 'Skälet får vara högst 2 000 tecken.').default(''),
    heading: z.string().trim().max(300, 'Rubriken får vara högst 300 tecken.').default(''),
    body: z
      .string()
      .max(MAX_TEXT, `Texten får vara högst ${MAX_TEXT.toLocaleString('sv-SE')} tecken.`)
      .refine((v) => v.trim().length > 0, 'Skriv återrapporteringen.'),
  })
  .superRefine((value, ctx) => {
    if (value.status === 'cancelled' && !value.cancelReason) {
      ctx.addIssue({ code: 'custom', path: ['cancelReason'], message: 'Ange skälet till att uppdraget avförs.' });
    }
  });

export type AssignmentReportForm = z.input<typeof assignmentReportSchema>;
export type AssignmentReportInput = z.output<typeof assignmentReportSchema>;
