import { Hono } from 'hono';
import type { KeyRing } from './auth';
import type { ChecksConfig } from './content-checks';
import type { EncodedDetails } from './details';
import {
  BytesInFlight,
  bytesInFlightBudget,
  DEFAULT_MEMORY_SOFT_LIMIT_BYTES,
} from './routes/bytes-in-flight';
import { sharedWorkerPool, type BodyProcessor } from './pipeline/processor';
import { IngestCounters } from './routes/counters';
import { logsRoute } from './routes/logs';
import { signalsRoute } from './routes/signals';
import { tracesRoute } from './routes/traces';
import type { BatchWriter, Rows } from './writer';

export interface CollectorOptions {
  keys: KeyRing;
  writer: BatchWriter<Rows>;
  /**
   * Writer of the detail tables (pipeline nodes, judgments, messages carried by events; see
   * createDetailWriter). With it `/v1/logs` is served and the pipeline nodes of `/v1/traces` are
   * stored; without it (apps that only test interactions and signals) neither is.
   */
  details?: BatchWriter<EncodedDetails>;
  counters?: IngestCounters;
  memorySoftLimitBytes?: number;
  /**
   * Decoded request bytes that may be in flight at once; by default what keeps resident memory under
   * the soft limit given what is resident when the app is created (see bytesInFlightBudget).
   */
  bytesInFlightLimit?: number;
  maxBodyBytes?: number;
  checks?: ChecksConfig;
  /**
   * Where OTLP bodies are processed; by default the process's worker pool (one thread per core).
   * `inlineProcessor()` keeps the work on the event loop.
   */
  processor?: BodyProcessor;
}

export { DEFAULT_MEMORY_SOFT_LIMIT_BYTES };

/** The OTLP/HTTP receiver (`/v1/traces`, `/v1/logs`) plus the JSON signals endpoint, as one Hono app. */
export function createCollectorApp(options: CollectorOptions): Hono {
  const counters = options.counters ?? new IngestCounters();
  const memorySoftLimitBytes = options.memorySoftLimitBytes ?? DEFAULT_MEMORY_SOFT_LIMIT_BYTES;
  // One budget for both endpoints: they share the process's memory.
  const admission = new BytesInFlight(
    options.bytesInFlightLimit ?? bytesInFlightBudget(memorySoftLimitBytes, process.memoryUsage.rss()),
  );
  const app = new Hono();
  app.route(
    '/',
    tracesRoute({
      keys: options.keys,
      writer: options.writer,
      counters,
      memorySoftLimitBytes,
      admission,
      processor: options.processor ?? sharedWorkerPool(),
      details: options.details,
      ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}),
      ...(options.checks ? { checks: options.checks } : {}),
    }),
  );
  if (options.details) {
    app.route(
      '/',
      logsRoute({
        keys: options.keys,
        writer: options.writer,
        details: options.details,
        counters,
        memorySoftLimitBytes,
        admission,
        ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}),
      }),
    );
  }
  app.route('/', signalsRoute({ keys: options.keys, writer: options.writer, counters, admission }));
  return app;
}
