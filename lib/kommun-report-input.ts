// The kommun report's forms (issue 15 item 4), shared by form and server: its introduction (the
// same text rules as a unit's text) and one change of its layout.
import { z } from '@/lib/zod';
import { narrativeSchema } from './narrative-input';
import { LAYOUT_CHANGES } from './kommun-document';

export const kommunIntroSchema = narrativeSchema.pick({ periodId: true, baseSeq: true, body: true });

export const kommunLayoutChangeSchema = z.object({
  periodId: z.uuid('Okänd period.'),
  baseSeq: z.coerce.number().int().min(0).max(1_000_000),
  boardId: z.uuid('Okänd nämnd.'),
  change: z.enum(LAYOUT_CHANGES, 'Okänd ändring.'),
});
