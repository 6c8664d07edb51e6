import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ClickHouseClient } from '@flywheel/storage';
import type { BatchWriter, IngestCounters, Rows } from '@flywheel/collector';
import { getHealth } from '../contract/health';
import { writePathProblems, type HealthProblem } from '../health/write-path';
import type { ApiEnv } from './env';
import { contractRouter } from './validation';

/**
 * `GET /healthz`: 200 only when the engine answers and writes can succeed (last insert, data directory,
 * disk space); otherwise 503 with the problems named, so an orchestrator acts. Needs no key, reveals no
 * data.
 */
export function healthRoute(
  client: ClickHouseClient,
  writer: BatchWriter<Rows>,
  counters: IngestCounters,
  options: { dataDir?: string | undefined; minFreeDiskBytes?: number | undefined } = {},
): OpenAPIHono<ApiEnv> {
  return contractRouter().openapi(getHealth, async (c) => {
    const [ping, writes] = await Promise.all([
      client.ping(),
      writePathProblems({ lastFailure: () => writer.lastFailure, ...options }),
    ]);
    const problems: HealthProblem[] = ping.success
      ? writes
      : [{ check: 'storage_engine', detail: 'the storage engine does not answer' }, ...writes];
    const body = {
      status: problems.length === 0 ? ('ok' as const) : ('unavailable' as const),
      problems,
      ingest: counters.snapshot(),
      writer: { ...writer.stats },
    };
    return problems.length === 0 ? c.json(body, 200) : c.json(body, 503);
  });
}
