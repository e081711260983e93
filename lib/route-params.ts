// Ids in URLs are checked before they reach a query: anything that is not a UUID is
// simply "not found" (never a database error).
import { z } from '@/lib/zod';

const uuid = z.uuid();

export function parseId(value: unknown): string | null {
  const parsed = uuid.safeParse(value);
  return parsed.success ? parsed.data : null;
}
