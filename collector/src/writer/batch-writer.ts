/**
 * Bounded, batching writer with the semantics of OpenTelemetry's BatchSpanProcessor: a bounded queue,
 * a maximum batch size, a scheduled flush, an export timeout and a drain on shutdown. Unlike the span
 * processor it tells each caller when its items are committed, because the collector acknowledges a
 * request only after its rows are stored.
 */
export interface BatchWriterOptions {
  /** Items (spans and signals) that may wait; a write that would exceed it is refused. */
  maxQueueSize: number;
  /** Items per insert; a flush starts as soon as this many wait. */
  maxBatchSize: number;
  /** How long a partial batch waits for company before it is flushed. */
  scheduledDelayMs: number;
  /** A flush that takes longer fails its callers (who retry; re-delivery never double counts). */
  exportTimeoutMs: number;
}

export const DEFAULT_BATCH_WRITER_OPTIONS: BatchWriterOptions = {
  maxQueueSize: 200_000,
  maxBatchSize: 20_000,
  scheduledDelayMs: 50,
  exportTimeoutMs: 30_000,
};

export class QueueFullError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('the write queue is full');
  }
}

export class WriterClosedError extends Error {
  constructor() {
    super('the writer is shutting down');
  }
}

/** A flush failed or timed out: nothing of the batch may be assumed stored, and the caller should retry. */
export class FlushError extends Error {
  constructor(cause: unknown) {
    super(`storage did not commit the batch: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
  }
}

export interface WriterStats {
  queuedItems: number;
  writtenItems: number;
  droppedItems: number;
  /** Items storage refused for their content; the rest of their batches committed. */
  refusedItems: number;
  failedFlushes: number;
}

/** The last failed flush: its error and when it happened. */
export interface FlushFailure {
  message: string;
  at: Date;
}

/** An item of one caller's batch (by position) that storage refused for its content. */
export interface RefusedItem {
  index: number;
  reason: string;
}

/** What became of a caller's batch: committed, except the refused items. */
export interface WriteReceipt {
  refused: RefusedItem[];
}

/**
 * Stores several callers' batches in one go and throws if anything may not be stored. It may instead
 * return, per batch and in order, the items refused for their content while everything else committed.
 */
export type FlushFunction<T> = (batches: T[]) => Promise<void | ReadonlyArray<readonly RefusedItem[]>>;

interface Pending<T> {
  batch: T;
  size: number;
  resolve(receipt: WriteReceipt): void;
  reject(error: Error): void;
}

export class BatchWriter<T> {
  readonly #options: BatchWriterOptions;
  readonly #flush: FlushFunction<T>;
  readonly #onFirstDrop: (() => void) | undefined;
  #queue: Pending<T>[] = [];
  #queuedItems = 0;
  #inFlight: Promise<void> | null = null;
  #timer: NodeJS.Timeout | null = null;
  #closed = false;
  #lastFailure: FlushFailure | null = null;
  #stats: WriterStats = {
    queuedItems: 0,
    writtenItems: 0,
    droppedItems: 0,
    refusedItems: 0,
    failedFlushes: 0,
  };

  /**
   * @param flush stores several callers' batches in one go (see FlushFunction).
   * @param size counts the items of one caller's batch.
   */
  constructor(
    flush: FlushFunction<T>,
    private readonly size: (batch: T) => number,
    options: Partial<BatchWriterOptions> = {},
    onFirstDrop?: () => void,
  ) {
    this.#flush = flush;
    this.#options = { ...DEFAULT_BATCH_WRITER_OPTIONS, ...options };
    this.#onFirstDrop = onFirstDrop;
  }

  /**
   * Resolves once `batch` is committed, with the items storage refused for their content (if any);
   * rejects with QueueFullError at once if it cannot be queued.
   */
  write(batch: T): Promise<WriteReceipt> {
    if (this.#closed) return Promise.reject(new WriterClosedError());
    const size = this.size(batch);
    if (size === 0) return Promise.resolve({ refused: [] });
    if (this.#queuedItems + size > this.#options.maxQueueSize && this.#queuedItems > 0) {
      if (this.#stats.droppedItems === 0) this.#onFirstDrop?.();
      this.#stats.droppedItems += size;
      return Promise.reject(
        new QueueFullError(Math.max(1, Math.ceil(this.#options.scheduledDelayMs / 1000))),
      );
    }
    return new Promise<WriteReceipt>((resolve, reject) => {
      this.#queue.push({ batch, size, resolve, reject });
      this.#queuedItems += size;
      this.#schedule();
    });
  }

  get stats(): WriterStats {
    return { ...this.#stats, queuedItems: this.#queuedItems };
  }

  /** Why the last flush failed, until a later one commits; null while writes succeed (for /healthz). */
  get lastFailure(): FlushFailure | null {
    return this.#lastFailure;
  }

  /** Refuses new writes, then flushes everything queued. */
  async shutdown(): Promise<void> {
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    while (this.#inFlight || this.#queue.length > 0) {
      if (this.#inFlight) await this.#inFlight;
      else this.#startFlush();
    }
  }

  #schedule(): void {
    if (this.#inFlight) return; // the running flush re-schedules when it ends
    if (this.#queuedItems >= this.#options.maxBatchSize || this.#closed) {
      this.#startFlush();
    } else if (!this.#timer) {
      this.#timer = setTimeout(() => {
        this.#timer = null;
        if (!this.#inFlight) this.#startFlush();
      }, this.#options.scheduledDelayMs);
    }
  }

  #startFlush(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    const taken: Pending<T>[] = [];
    let items = 0;
    while (
      this.#queue.length > 0 &&
      (taken.length === 0 || items + this.#queue[0]!.size <= this.#options.maxBatchSize)
    ) {
      const next = this.#queue.shift()!;
      taken.push(next);
      items += next.size;
    }
    this.#queuedItems -= items;
    if (taken.length === 0) return;
    this.#inFlight = this.#run(taken, items).finally(() => {
      this.#inFlight = null;
      if (this.#queue.length > 0) this.#schedule();
    });
  }

  async #run(taken: Pending<T>[], items: number): Promise<void> {
    let timeout: NodeJS.Timeout | undefined;
    try {
      const refused = await Promise.race([
        this.#flush(taken.map((p) => p.batch)),
        new Promise<never>((_, reject) => {
          timeout = setTimeout(
            () => reject(new Error(`insert timed out after ${this.#options.exportTimeoutMs} ms`)),
            this.#options.exportTimeoutMs,
          );
        }),
      ]);
      let refusedItems = 0;
      taken.forEach((p, i) => {
        const own = refused?.[i] ?? [];
        refusedItems += own.length;
        p.resolve({ refused: [...own] });
      });
      this.#stats.refusedItems += refusedItems;
      this.#stats.writtenItems += items - refusedItems;
      this.#lastFailure = null;
    } catch (error) {
      this.#stats.failedFlushes++;
      const failure = new FlushError(error);
      this.#lastFailure = { message: failure.message, at: new Date() };
      for (const p of taken) p.reject(failure);
    } finally {
      clearTimeout(timeout);
    }
  }
}
