import { NotFoundNotice } from '@/components/page-notices';

/** The one "not found" page outside the signed-in frame (app/(inloggad)/not-found.tsx is the same inside it). */
export default function NotFound() {
  return (
    <main id="innehall" className="mx-auto max-w-xl px-4 py-16">
      <NotFoundNotice />
    </main>
  );
}
