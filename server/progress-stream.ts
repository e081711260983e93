// A route handler's answer that streams its progress (lib/progress-stream.ts): `produce`
// sends messages while it works; each leaves at once as one NDJSON line.
import 'server-only';
import { ndjsonLine } from '@/lib/progress-stream';

export function progressResponse<M>(produce: (send: (message: M) => void) => Promise<void>): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        await produce((message) => controller.enqueue(encoder.encode(ndjsonLine(message))));
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, {
    headers: {
      'content-type': 'application/x-ndjson; charset=utf-8',
      // no-transform: the server's gzip must not hold the progress lines back.
      'cache-control': 'private, no-store, no-transform',
      'x-content-type-options': 'nosniff',
    },
  });
}
