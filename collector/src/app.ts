import { Hono } from 'hono';
import type { KeyRing } from './auth';
import type { ChecksConfig } from './content-checks';
import { IngestCounters } from './routes/counters';
import { signalsRoute } from './routes/signals';
import { tracesRoute } from './routes/traces';
import type { BatchWriter, Rows } from './writer';

export interface CollectorOptions {
  keys: KeyRing;
  writer: BatchWriter<Rows>;
  counters?: IngestCounters;
  memorySoftLimitBytes?: number;
  maxBodyBytes?: number;
  checks?: ChecksConfig;
}

export const DEFAULT_MEMORY_SOFT_LIMIT_BYTES = 4 * 1024 * 1024 * 1024;

/** The OTLP/HTTP receiver (`/v1/traces`) plus the JSON signals endpoint, as one Hono app. */
export function createCollectorApp(options: CollectorOptions): Hono {
  const counters = options.counters ?? new IngestCounters();
  const app = new Hono();
  app.route(
    '/',
    tracesRoute({
      keys: options.keys,
      writer: options.writer,
      counters,
      memorySoftLimitBytes: options.memorySoftLimitBytes ?? DEFAULT_MEMORY_SOFT_LIMIT_BYTES,
      ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}),
      ...(options.checks ? { checks: options.checks } : {}),
    }),
  );
  app.route('/', signalsRoute({ keys: options.keys, writer: options.writer, counters }));
  return app;
}
