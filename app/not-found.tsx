import Link from 'next/link';

/** The one "not found" page: for what does not exist and for what is not the user's alike. */
export default function NotFound() {
  return (
    <main id="innehall" className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold">Sidan finns inte</h1>
      <p className="mt-2 text-slate-700">
        Det du söker finns inte, eller så saknar du behörighet till det. Kontrollera adressen eller gå tillbaka
        till översikten.
      </p>
      <p className="mt-4">
        <Link href="/" className="text-blue-800 underline">
          Till översikten
        </Link>
      </p>
    </main>
  );
}
