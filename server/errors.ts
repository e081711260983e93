// lib/errors' one mapping, applied where Next.js needs it: a page shows Next's 404 page, a
// route handler answers with a status code and a Swedish sentence. (Actions get theirs
// from runAction in server/action.ts.) Unexpected errors are logged here, never shown.
import 'server-only';
import { notFound } from 'next/navigation';
import { describeCode, describeError, ForbiddenError, NotFoundError, type DescribedError, type ErrorCode, type ErrorMessages } from '@/lib/errors';

/**
 * For a page's reads: `await getThing(db, user, id).catch(notFoundOrThrow)`. Not found and
 * refused show Next's 404 page (the same page, so nothing is revealed); any other error
 * goes on to the error page.
 */
export function notFoundOrThrow(error: unknown): never {
  if (error instanceof NotFoundError || error instanceof ForbiddenError) notFound();
  throw error;
}

function textResponse(described: DescribedError): Response {
  return new Response(described.message, {
    status: described.status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}

/** A route handler's answer to a refusal that was not thrown (no session, a malformed query). */
export function codeResponse(code: ErrorCode, messages?: ErrorMessages): Response {
  return textResponse(describeCode(code, messages));
}

/** A route handler's answer to a thrown error; `context` names the route in the log. */
export function errorResponse(error: unknown, context: string, messages?: ErrorMessages): Response {
  const described = describeError(error, messages);
  if (!described.expected) console.error(`${context} failed`, error);
  return textResponse(described);
}
