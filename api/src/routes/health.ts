import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ClickHouseClient } from '@flywheel/storage';
import type { BatchWriter, IngestCounters, Rows } from '@flywheel/collector';
import { getHealth } from '../contract/health';
import type { ApiEnv } from './env';
import { contractRouter } from './validation';

/** `GET /healthz`: the engine answers, plus the ingest counters. Needs no key, reveals no data. */
export function healthRoute(
  client: ClickHouseClient,
  writer: BatchWriter<Rows>,
  counters: IngestCounters,
): OpenAPIHono<ApiEnv> {
  return contractRouter().openapi(getHealth, async (c) => {
    const ping = await client.ping();
    const body = {
      status: ping.success ? ('ok' as const) : ('unavailable' as const),
      ingest: counters.snapshot(),
      writer: { ...writer.stats },
    };
    return ping.success ? c.json(body, 200) : c.json(body, 503);
  });
}
