import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import Link from 'next/link';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Målbild', template: '%s – Målbild' },
  description: 'Uppföljning av mål, mått och uppdrag',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="sv">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <a
          href="#innehall"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow"
        >
          Hoppa till innehållet
        </a>
        {children}
        <footer className="mx-auto max-w-5xl border-t border-slate-200 px-4 py-6 text-sm text-slate-700 print:hidden">
          <Link href="/tillganglighet" className="text-blue-800 underline underline-offset-2">
            Tillgänglighetsredogörelse
          </Link>
        </footer>
      </body>
    </html>
  );
}
