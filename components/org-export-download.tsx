'use client';
// The export's download with its progress: reads the route's NDJSON stream (each table
// read, each report built, the packing; lib/progress-stream.ts) into a progress bar, then saves the ZIP. Without
// JavaScript the link downloads the ZIP directly (no progress).
import { useState } from 'react';
import type { ExportStreamMessage } from '@/lib/org-export-format';
import { formatNumber } from '@/lib/swedish-number';
import { readNdjson } from '@/lib/progress-stream';

type State =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number; step: string }
  | { kind: 'done'; filename: string; bytes: number }
  | { kind: 'error'; message: string };

const FAILED = 'Exporten kunde inte skapas. Försök igen.';

function size(bytes: number): string {
  if (bytes < 1_000_000) return `${formatNumber(Math.max(1, Math.round(bytes / 1000)))} kB`;
  return `${formatNumber(bytes / 1_000_000, bytes < 10_000_000 ? 1 : 0)} MB`;
}

function save(filename: string, base64: string) {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/zip' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function OrgExportDownload({ href }: { href: string }) {
  const [state, setState] = useState<State>({ kind: 'idle' });

  async function run() {
    setState({ kind: 'running', done: 0, total: 1, step: 'Startar exporten' });
    try {
      const response = await fetch(`${href}?forlopp=1`);
      if (!response.ok || !response.body) {
        const text = response.headers.get('content-type')?.startsWith('text/plain') ? await response.text() : '';
        setState({ kind: 'error', message: text || FAILED });
        return;
      }
      for await (const message of readNdjson<ExportStreamMessage>(response.body)) {
        if (message.kind === 'progress') setState({ kind: 'running', done: message.done, total: message.total, step: message.step });
        else if (message.kind === 'error') return setState({ kind: 'error', message: message.message });
        else {
          save(message.filename, message.zip);
          return setState({ kind: 'done', filename: message.filename, bytes: message.bytes });
        }
      }
      setState({ kind: 'error', message: FAILED });
    } catch {
      setState({ kind: 'error', message: FAILED });
    }
  }

  const running = state.kind === 'running';
  return (
    <div className="mt-4">
      <a
        href={href}
        download
        onClick={(event) => {
          event.preventDefault();
          if (!running) void run();
        }}
        aria-disabled={running}
        className="inline-block rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 aria-disabled:opacity-70"
      >
        {running ? 'Exporten byggs …' : 'Ladda ner hela exporten (ZIP)'}
      </a>
      {running && (
        <div className="mt-3 max-w-xl">
          <label htmlFor="export-progress" className="block text-sm font-medium">
            {formatNumber(Math.floor((100 * state.done) / state.total))} % klart: {state.step}
          </label>
          <progress id="export-progress" className="mt-1 h-3 w-full accent-blue-800" max={state.total} value={state.done} />
        </div>
      )}
      <p role="status" className="mt-2 text-sm">
        {state.kind === 'running' && state.done === 0 ? 'Exporten byggs. Det kan ta några sekunder.' : ''}
        {state.kind === 'done' ? `Klar: ${state.filename} (${size(state.bytes)}) har laddats ner.` : ''}
      </p>
      {state.kind === 'error' && (
        <p role="alert" className="mt-2 text-sm text-red-800">
          {state.message}
        </p>
      )}
    </div>
  );
}
