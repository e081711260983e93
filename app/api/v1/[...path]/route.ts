// Any other path under /api/v1, with any method: a problem in JSON (404), never Next's HTML page.
import { notFoundRoute } from '@/server/api-route';

const notFound = notFoundRoute();
export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
