// The administration's frame: only for the organization's administrators; anyone else gets
// the same "not found" as for what does not exist. Not the authorization boundary either
// (see ../layout.tsx): every admin page checks the user and the policy itself, and every
// action does.
import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { requireUser } from '@/server/session';
import { can } from '@/lib/policy';

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  if (!can(user, 'manage', { kind: 'organization', organizationId: user.organizationId })) notFound();
  return children;
}
