import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ClickHouseClient } from '@flywheel/storage';
import { gateReport } from '../analytics/gate-report';
import { gateSettings, saveGateConfig } from '../analytics/gate-settings';
import { EARLIEST, LATEST, isoToEventTime } from '../analytics/time';
import { getGate, getGateConfig, putGateConfig } from '../contract/gate';
import { resolveAsOf } from './scope';
import type { ApiEnv } from './env';
import { contractRouter } from './validation';

/** `GET /api/v1/gate`, `GET|PUT /api/v1/gate/config`: the quality gate's pass rate and its configuration. */
export function gateRoute(client: ClickHouseClient): OpenAPIHono<ApiEnv> {
  const app = contractRouter();

  app.openapi(getGate, async (c) => {
    const { workload, from, to, asOf, bucket, ...overrides } = c.req.valid('query');
    const projectId = c.get('projectId');
    const report = await gateReport(client, {
      projectId,
      workload: workload ?? '',
      from: from ? isoToEventTime(from) : EARLIEST,
      to: to ? isoToEventTime(to) : LATEST,
      asOf: await resolveAsOf(client, projectId, asOf),
      bucket,
      overrides,
    });
    return c.json(report, 200);
  });

  app.openapi(getGateConfig, async (c) => {
    const { workload } = c.req.valid('query');
    return c.json(await gateSettings(client, c.get('projectId'), workload ?? ''), 200);
  });

  app.openapi(putGateConfig, async (c) => {
    const { workload, config } = c.req.valid('json');
    return c.json(await saveGateConfig(client, c.get('projectId'), workload ?? '', config), 200);
  });
  return app;
}
