import { describe, expect, it } from 'vitest';
import { ndjsonLine, readNdjson } from '@/lib/progress-stream';

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(encoder.encode(c));
      controller.close();
    },
  });
}

async function all<M>(body: ReadableStream<Uint8Array>): Promise<M[]> {
  const out: M[] = [];
  for await (const m of readNdjson<M>(body)) out.push(m);
  return out;
}

describe('the progress stream (NDJSON)', () => {
  it('reads each message whole, however the bytes are cut', async () => {
    const text = [{ kind: 'progress', done: 1, total: 3, step: 'Hämtar nyckeltal 1 av 2 …' }, { kind: 'result', ok: true }].map(ndjsonLine).join('');
    const expected = [{ kind: 'progress', done: 1, total: 3, step: 'Hämtar nyckeltal 1 av 2 …' }, { kind: 'result', ok: true }];
    expect(await all(streamOf([text]))).toEqual(expected);
    // Cut everywhere, also inside "ä" (two bytes in UTF-8): the decoder waits for the rest.
    const bytes = new TextEncoder().encode(text);
    const cut = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 3) controller.enqueue(bytes.slice(i, i + 3));
        controller.close();
      },
    });
    expect(await all(cut)).toEqual(expected);
  });

  it('reads a last line without its newline, and skips empty lines', async () => {
    expect(await all(streamOf(['\n{"a":1}\n\n', '{"b":2}']))).toEqual([{ a: 1 }, { b: 2 }]);
  });
});
