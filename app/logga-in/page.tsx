import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/server/session';
import { safeRedirectPath } from '@/lib/safe-redirect';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: 'Logga in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ till?: string }> }) {
  const { till } = await searchParams;
  if (await getCurrentUser()) redirect(safeRedirectPath(till));
  return (
    <main id="innehall" className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <p className="text-xl font-bold text-blue-900">Målbild</p>
        <h1 className="mt-1 text-lg font-semibold">Logga in</h1>
        <p className="mt-1 text-sm text-slate-700">Uppföljning av mål, mått och uppdrag.</p>
        <LoginForm returnTo={safeRedirectPath(till)} />
        <p className="mt-6 border-t border-slate-200 pt-4 text-sm">
          <Link href="/tillganglighet" className="text-blue-800 underline underline-offset-2">
            Tillgänglighetsredogörelse
          </Link>
        </p>
      </div>
    </main>
  );
}
