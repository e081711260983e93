'use client';

/** Opens the browser's print dialog; the page's print CSS lays the report out on A4. */
export function PrintButton() {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded border border-slate-500 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700"
    >
      Skriv ut
    </button>
  );
}
