// The progress stream of a long request (the organization's export, a fetch from Kolada):
// the server writes one JSON message a line (NDJSON) while it works — its progress, then
// its result — and the page reads them as they arrive (server/progress-stream.ts writes).

/** How far a long request has come: `done` of `total` steps, the current one in Swedish. */
export interface StreamProgress {
  done: number;
  total: number;
  step: string;
}

/** The messages of a byte stream of NDJSON, each as soon as its line is complete. */
export async function* readNdjson<M>(body: ReadableStream<Uint8Array>): AsyncGenerator<M> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    // stream: a character cut between two chunks waits for its other bytes.
    buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) yield JSON.parse(line) as M;
    if (done) {
      if (buffer.trim()) yield JSON.parse(buffer) as M;
      return;
    }
  }
}

/** A message as one NDJSON line. */
export function ndjsonLine(message: unknown): string {
  return `${JSON.stringify(message)}\n`;
}
