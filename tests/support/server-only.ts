// Tests run db/ queries outside Next.js, where the real `server-only` would throw.
export {};
