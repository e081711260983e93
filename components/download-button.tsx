'use client';
// Downloads a generated file, showing that it is being made (it can take a second or two),
// and says so in Swedish if it fails.
import { useState } from 'react';

export function DownloadButton({ href, label, filename }: { href: string; label: string; filename: string }) {
  const [state, setState] = useState<'idle' | 'pending' | 'error'>('idle');
  async function download() {
    setState('pending');
    try {
      const response = await fetch(href);
      if (!response.ok) throw new Error(String(response.status));
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = filename;
      link.click();
      URL.revokeObjectURL(url);
      setState('idle');
    } catch {
      setState('error');
    }
  }
  return (
    <span className="inline-flex items-center gap-2">
      <a
        href={href}
        download={filename}
        onClick={(event) => {
          event.preventDefault();
          void download();
        }}
        aria-disabled={state === 'pending'}
        className="rounded border border-slate-500 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700"
      >
        {state === 'pending' ? 'Skapar filen …' : label}
      </a>
      <span aria-live="polite" className="text-sm text-red-800">
        {state === 'error' ? 'Filen kunde inte skapas. Försök igen.' : ''}
      </span>
    </span>
  );
}
