// What a server action answers a form: a success with a message (and maybe data), or an
// error with a Swedish message, field errors and, for a conflict, the newer version. Forms
// (client components) read it; server/action.ts produces it.
import type { ErrorCode } from './errors';

export type ActionResult<T = undefined> =
  | { status: 'ok'; message: string; data?: T }
  | {
      status: 'error';
      code: ErrorCode;
      message: string;
      fieldErrors?: Record<string, string[] | undefined>;
      newer?: unknown;
      /** What a refusal has to show beyond its message (an import refused: its problems). */
      data?: T;
    };
