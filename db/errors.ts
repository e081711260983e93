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
