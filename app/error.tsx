'use client';
// Shown when a page fails outside the signed-in frame, or the frame itself fails.
import { ErrorNotice } from '@/components/page-notices';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="innehall" className="mx-auto max-w-xl px-4 py-16">
      <ErrorNotice digest={error.digest} message={error.message} reset={reset} />
    </main>
  );
}
