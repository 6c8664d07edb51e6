import type { Readable } from 'node:stream';

/** Bytes per chunk of a streamed answer. */
export const ANSWER_CHUNK_BYTES = 64 * 1024;

/**
 * An answer body that hands the stream's bytes to the server in chunks of at most `chunkBytes`, without
 * copying them. Why: the embedded engine returns an export's whole result as one buffer (tens of MB for
 * a CSV of large prompts), and `Readable.toWeb` copies each chunk it gets into a new array, so that
 * buffer was copied in one piece, and written in one piece, on the event loop: one pause of 0.3–0.8 s.
 * In small chunks, one event-loop turn apart, the server answers others between them.
 */
export function chunkedBody(stream: Readable, chunkBytes = ANSWER_CHUNK_BYTES): ReadableStream<Uint8Array> {
  const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>;
  let current: Uint8Array = new Uint8Array(0);
  let at = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        while (at >= current.byteLength) {
          const next = await chunks.next();
          if (next.done) {
            controller.close();
            return;
          }
          current = next.value;
          at = 0;
        }
        // A socket that drains at once asks for the next chunk at once: without a turn of the event loop
        // between chunks, a 19 MB row was written in one stretch while other requests waited.
        await new Promise((resolve) => setImmediate(resolve));
        controller.enqueue(current.subarray(at, at + chunkBytes));
        at += chunkBytes;
      },
      // The client went away: the stream is destroyed and its result released.
      async cancel() {
        await chunks.return?.();
      },
    },
    // Nothing is read ahead: a chunk is cut only when the server asks for the next one.
    { highWaterMark: 0 },
  );
}
