// The frame of every signed-in page: the header and the main landmark ("Hoppa till
// innehållet" in the root layout leads here). The login page lies outside this group and
// has no header.
//
// A frame only, not an authorization boundary: a layout is not rendered again when the user
// navigates between the pages under it, so every page still authenticates (requireUser) and
// authorizes itself. What the header shows may lag until the next full load or save; what a
// page shows never does.
import type { ReactNode } from 'react';
import { requireSignedIn } from '@/server/session';
import { AppHeader } from '@/components/app-header';
import { DraftOwnerProvider } from '@/components/unsaved-changes';
import { logout } from '../logga-in/actions';

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await requireSignedIn(); // also one without a role: the overview tells them why they see nothing
  return (
    <>
      <AppHeader user={user} logout={logout} />
      <main id="innehall" className="mx-auto max-w-5xl px-4 py-8 print:p-0">
        <DraftOwnerProvider userId={user.id}>{children}</DraftOwnerProvider>
      </main>
    </>
  );
}
