import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { parseBatch, type BatchResult, type BatchTask } from './parse-batch';

/**
 * Bodies up to this size are parsed on the event loop: about 10 ms of work at most, less than handing
 * them to a thread costs. Larger ones (a batch may weigh 16 MiB: about a second of JSON.parse, zod and
 * encoding) go to a worker thread, so /healthz and every other request are answered meanwhile.
 */
export const INLINE_BATCH_BYTES = 256 * 1024;

/** Bodies waiting for a thread beyond which another is refused (each may weigh 16 MiB). */
const MAX_QUEUED = 4;

/** Every batch thread is busy and the queue is full: refused with 429 and Retry-After. */
export class BatchWorkersBusyError extends Error {
  readonly retryAfterSeconds = 1;
  constructor() {
    super('body: every batch parser is busy; retry shortly');
  }
}

let pool: Piscina | undefined;

/**
 * Label batches are rare and bursty (a labelling tool's export, an eval run), so the pool is created on
 * the first large one and keeps one warm thread; at most two, as the collector's pool has the cores.
 */
function batchPool(): Piscina {
  return (pool ??= new Piscina({
    filename: new URL('./worker-entry.mjs', import.meta.url).href,
    minThreads: 1,
    maxThreads: Math.min(2, availableParallelism()),
    // The largest body's parsed form is some 150 MiB; a body that would need more fails alone.
    resourceLimits: { maxOldGenerationSizeMb: 512 },
  }));
}

/** Parses a batch body on this thread when small, else on a worker thread (see INLINE_BATCH_BYTES). */
export async function parseBatchBody(task: BatchTask): Promise<BatchResult> {
  if (task.body.byteLength <= INLINE_BATCH_BYTES) return parseBatch(task);
  const threads = batchPool();
  if (threads.queueSize >= MAX_QUEUED) throw new BatchWorkersBusyError();
  // Moved, not copied, when the body owns its memory (read whole, it does).
  const owned = task.body.byteOffset === 0 && task.body.byteLength === task.body.buffer.byteLength;
  return (await threads.run(
    task,
    owned ? { transferList: [task.body.buffer as ArrayBuffer] } : {},
  )) as BatchResult;
}
