// Any address no route answers, for a signed-in user: "not found" inside the frame, exactly
// as for what exists but is not the user's. (Without a session the proxy sends the visitor
// to the login page first; the page still authenticates itself.)
import { notFound } from 'next/navigation';
import { requireUser } from '@/server/session';

export default async function UnknownAddress(): Promise<never> {
  await requireUser();
  notFound();
}
