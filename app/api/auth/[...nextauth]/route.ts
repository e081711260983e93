// next-auth's own endpoints (session, CSRF token, callbacks).
import { handlers } from '@/server/auth';

export const { GET, POST } = handlers;
