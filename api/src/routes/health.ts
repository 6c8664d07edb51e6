import { Hono } from 'hono';
import type { ClickHouseClient } from '@flywheel/storage';
import type { BatchWriter, IngestCounters, Rows } from '@flywheel/collector';

/** `GET /healthz`: the engine answers, plus the ingest counters. Needs no key, reveals no data. */
export function healthRoute(
  client: ClickHouseClient,
  writer: BatchWriter<Rows>,
  counters: IngestCounters,
): Hono {
  const app = new Hono();
  app.get('/healthz', async (c) => {
    const ping = await client.ping();
    const body = {
      status: ping.success ? 'ok' : 'unavailable',
      ingest: counters.snapshot(),
      writer: writer.stats,
    };
    return c.json(body, ping.success ? 200 : 503);
  });
  return app;
}
