// A unit's text for a chapter part of the board's document, shared by form and server.
import { z } from '@/lib/zod';
import { MAX_TEXT } from './indicator-value-input';

export const narrativeSchema = z.object({
  partId: z.uuid('Okänd del av rapporten.'),
  periodId: z.uuid('Okänd period.'),
  baseSeq: z.coerce.number().int().min(0).max(1_000_000),
  body: z
    .string()
    .max(MAX_TEXT, `Texten får vara högst ${MAX_TEXT.toLocaleString('sv-SE')} tecken.`)
    .refine((v) => v.trim().length > 0, 'Skriv texten.'),
});

export type NarrativeInput = z.output<typeof narrativeSchema>;
