// The one way to write a route handler that needs a signed-in user: it authenticates,
// runs the handler and maps what it throws with lib/errors (server/errors.ts): a refusal or
// a missing item is 404, a database outage 503, anything unexpected is logged and answered with 500. The handler
// authorizes with lib/policy (or through a db/ function that does) before it reads data.
import 'server-only';
import type { NextRequest } from 'next/server';
import type { CurrentUser } from '@/lib/current-user';
import type { ErrorMessages } from '@/lib/errors';
import { codeResponse, errorResponse } from './errors';
import { getCurrentUser } from './session';

export function authenticatedRoute(
  context: string,
  handler: (user: CurrentUser, request: NextRequest) => Promise<Response>,
  messages?: ErrorMessages,
): (request: NextRequest) => Promise<Response> {
  return async (request) => {
    try {
      // The user lookup reads the database: inside the error handling, so that an outage
      // answers with a Swedish sentence (503) rather than Next's error page.
      const user = await getCurrentUser();
      if (!user) return codeResponse('unauthenticated', messages);
      return await handler(user, request);
    } catch (error) {
      return errorResponse(error, context, messages);
    }
  };
}
