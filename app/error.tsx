'use client';
// Shown when a page fails. It never shows the error itself: production builds send no
// message or stack to the browser, only a digest that matches the server log.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="innehall" className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold">Något gick fel</h1>
      <p className="mt-2 text-slate-700">
        Sidan kunde inte visas. Försök igen om en stund. Om felet finns kvar, kontakta systemförvaltaren
        {error.digest ? ` och ange felkoden ${error.digest}` : ''}.
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-4 rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700"
      >
        Försök igen
      </button>
    </main>
  );
}
