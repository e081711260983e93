'use client';
// Shown when a signed-in page fails, inside the frame (whose <main> this is in), so the menu stays.
import { ErrorNotice } from '@/components/page-notices';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-xl py-8">
      <ErrorNotice digest={error.digest} message={error.message} reset={reset} />
    </div>
  );
}
