// Typed errors that db/ functions throw; callers map them to Swedish messages without
// ever showing database details.
export class NotFoundError extends Error {
  constructor(what = 'item') {
    super(`${what} not found`);
    this.name = 'NotFoundError';
  }
}

/** A write based on an older version than the newest one. */
export class ConflictError<T = unknown> extends Error {
  constructor(readonly newer: T) {
    super('conflict: the item changed since it was read');
    this.name = 'ConflictError';
  }
}

/** Input that breaks a domain rule found only with the data (a locked period, an item not due). */
export class ValidationError extends Error {
  constructor(
    readonly userMessage: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(`validation: ${userMessage}`);
    this.name = 'ValidationError';
  }
}

/** True for a unique-key violation from either driver (drizzle wraps the driver's error). */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: string }).code === '23505') return true;
  }
  return false;
}
