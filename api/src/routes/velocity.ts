import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ClickHouseClient } from '@flywheel/storage';
import { velocityReport } from '../analytics/velocity';
import { getVelocity } from '../contract/velocity';
import { resolveScope } from './scope';
import type { ApiEnv } from './env';
import { contractRouter } from './validation';

/** Default window of the velocity view: the 90 days before asOf. */
const DEFAULT_DAYS = 90;

export function velocityRoute(client: ClickHouseClient): OpenAPIHono<ApiEnv> {
  return contractRouter().openapi(getVelocity, async (c) => {
    const q = c.req.valid('query');
    const projectId = c.get('projectId');
    const scope = await resolveScope(client, projectId, q, DEFAULT_DAYS);
    return c.json(await velocityReport(client, { projectId, ...scope, bucket: q.bucket, days: q.W }), 200);
  });
}
