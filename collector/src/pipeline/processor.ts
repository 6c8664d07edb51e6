import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { processBody, type BodyResult, type BodyTask } from './process-body';

/** Turns request bodies into encoded rows, on this thread or on a pool of worker threads. */
export interface BodyProcessor {
  process(task: BodyTask): Promise<BodyResult>;
  /** Bodies being processed or waiting for a thread. */
  readonly pending: number;
  close(): Promise<void>;
}

/** Every worker is busy and the pool's queue is full: refused at once with 429 and Retry-After. */
export class WorkersBusyError extends Error {
  readonly retryAfterSeconds = 1;
  constructor() {
    super('every ingest worker is busy');
  }
}

/** Processing on the calling thread: for tests and for a machine with one core. */
export function inlineProcessor(): BodyProcessor {
  let pending = 0;
  return {
    async process(task) {
      pending++;
      try {
        return await processBody(task);
      } finally {
        pending--;
      }
    },
    get pending() {
      return pending;
    },
    close: async () => {},
  };
}

export interface WorkerPoolOptions {
  /** Worker threads; default one per core. */
  threads?: number;
  /**
   * Body bytes the pool may hold, being processed or waiting; a body that would pass this while
   * others wait for a thread is refused with 429 (with a thread free, it is always taken). Counted in
   * bytes, not bodies, because work grows with bytes: a burst of small requests queues freely while
   * large ones are bounded. Default 8 MiB per thread, about 1,900 LLM spans of 4.4 KB: a fraction of
   * a second of a thread's work.
   */
  maxQueuedBytes?: number;
}

/**
 * A piscina pool of worker threads running `processBody`, so decoding, redaction and the content
 * checks use every core while the event loop only moves bytes and talks to the engine. The body is
 * transferred to the worker when it owns its memory, and the rows come back as transferred bytes.
 */
export function workerPool(options: WorkerPoolOptions = {}): BodyProcessor {
  const threads = options.threads ?? availableParallelism();
  const maxQueuedBytes = options.maxQueuedBytes ?? threads * 8 * 1024 * 1024;
  const pool = new Piscina({
    filename: new URL('./worker-entry.mjs', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    // A worker's heap is bounded: a body that would need more fails alone (500, the worker is
    // replaced) instead of growing the process until the system kills it. 512 MiB holds the decoded
    // form of the largest body admitted (20 MiB of OTLP/JSON).
    resourceLimits: { maxOldGenerationSizeMb: 512 },
    // Worker threads inherit the parent's flags; the loader for TypeScript is added when the parent
    // was started without it (a test runner with its own), so the worker can load this package.
    execArgv: workerExecArgv(),
  });
  let pending = 0;
  let queuedBytes = 0;
  return {
    async process(task) {
      const size = task.body.byteLength;
      if (pool.queueSize > 0 && queuedBytes + size > maxQueuedBytes) throw new WorkersBusyError();
      const owned = task.body.byteOffset === 0 && task.body.byteLength === task.body.buffer.byteLength;
      pending++;
      queuedBytes += size;
      try {
        return (await pool.run(
          task,
          owned ? { transferList: [task.body.buffer as ArrayBuffer] } : {},
        )) as BodyResult;
      } finally {
        pending--;
        queuedBytes -= size;
      }
    },
    get pending() {
      return pending;
    },
    close: () => pool.destroy(),
  };
}

function workerExecArgv(): string[] {
  const argv = process.execArgv;
  const loader = import.meta.resolve('tsx');
  const hasLoader = argv.some(
    (arg, i) => arg === '--import=tsx' || (argv[i - 1] === '--import' && (arg === 'tsx' || arg === loader)),
  );
  return hasLoader ? argv : [...argv, '--import', loader];
}

let shared: BodyProcessor | undefined;

/** One pool per process, created on first use: the cores are the process's, however many apps it runs. */
export function sharedWorkerPool(): BodyProcessor {
  return (shared ??= workerPool());
}
