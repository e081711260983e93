// Every message zod writes itself is Swedish (lib/zod.ts), including on fields the user
// does not type in (hidden fields, selects), and text with control characters is refused
// (lib/safe-text.ts).
import { describe, expect, it } from 'vitest';
import { z } from '@/lib/zod';
import { hasUnsafeText, safeText, unsafeTextFields, UNSAFE_TEXT_MESSAGE } from '@/lib/safe-text';

const ENGLISH = /\b(expected|invalid|required|too (small|big)|received|must|string|number|array|object)\b/i;

describe('zod in Swedish', () => {
  const schema = z.object({
    id: z.uuid(),
    amount: z.coerce.number().int().min(0).max(100),
    kind: z.enum(['a', 'b']),
    flag: z.literal('true'),
    name: z.string().min(3).max(5),
    list: z.array(z.string()).min(1).max(2),
    email: z.email(),
  });

  it('words every issue in Swedish, for wrong values and for missing ones', () => {
    const inputs = [
      { id: 'x', amount: 'abc', kind: 'c', flag: 1, name: 'ab', list: [], email: 'x' },
      { id: 1, amount: -1, kind: null, flag: 'false', name: 'abcdefgh', list: ['a', 'b', 'c'], email: 5 },
      { amount: 1.5 },
      {},
    ];
    for (const input of inputs) {
      const result = schema.safeParse(input);
      expect(result.success).toBe(false);
      for (const issue of result.error!.issues) expect(issue.message, JSON.stringify(issue)).not.toMatch(ENGLISH);
    }
    expect(z.flattenError(schema.safeParse({ amount: -1, name: 'abcdefgh' }).error!).fieldErrors).toMatchObject({
      id: ['Uppgiften saknas.'],
      amount: ['Ange ett tal som är minst 0.'],
      kind: ['Välj ett av alternativen.'],
      name: ['Texten får vara högst 5 tecken.'],
    });
  });

  it('keeps a schema’s own message', () => {
    expect(z.string().min(1, 'Ange ett namn.').safeParse('').error!.issues[0]!.message).toBe('Ange ett namn.');
  });
});

describe('safe text', () => {
  it('refuses NUL, the other control characters and lone surrogates; keeps tab, line breaks and all text', () => {
    for (const bad of ['\u0000', 'a\u0001', '\u0008', '\u000b', '\u000c', '\u001f', '\u007f', '\u0085', '\ud83c', 'x\udfafy']) {
      expect(hasUnsafeText(bad), JSON.stringify(bad)).toBe(true);
    }
    for (const good of ['', 'Rad\r\n\tRad', 'Åsa Öberg', '🎯', '−5\u00a0117,5', '\u200b', '中文']) {
      expect(hasUnsafeText(good), JSON.stringify(good)).toBe(false);
    }
  });

  it('names each field with unsafe text, nested values too', () => {
    expect(unsafeTextFields({ a: 'ok', b: 'x\u0000', c: ['fine', { d: '\u0007' }], e: 3 })).toEqual({
      b: [UNSAFE_TEXT_MESSAGE],
      c: [UNSAFE_TEXT_MESSAGE],
    });
    expect(unsafeTextFields({ a: 'ok' })).toBeNull();
    expect(unsafeTextFields(null)).toBeNull();
    expect(safeText().safeParse('a\u0000').error!.issues[0]!.message).toBe(UNSAFE_TEXT_MESSAGE);
  });
});
