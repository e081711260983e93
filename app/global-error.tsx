'use client';
// The last resort when even the root layout fails: no details, only a way back.
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="sv">
      <body style={{ fontFamily: 'system-ui, sans-serif', padding: '3rem 1rem', maxWidth: '36rem', margin: '0 auto' }}>
        <h1>Något gick fel</h1>
        <p>
          Målbild kunde inte visa sidan. Ladda om sidan om en stund
          {error.digest ? ` (felkod ${error.digest})` : ''}.
        </p>
      </body>
    </html>
  );
}
