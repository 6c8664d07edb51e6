import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ClickHouseClient } from '@flywheel/storage';
import { signalMixReport } from '../analytics/signal-mix';
import { getSignalMix } from '../contract/signal-mix';
import { resolveScope } from './scope';
import type { ApiEnv } from './env';
import { contractRouter } from './validation';

/** Default window, as velocity's: the 90 days before asOf. */
const DEFAULT_DAYS = 90;

export function signalMixRoute(client: ClickHouseClient): OpenAPIHono<ApiEnv> {
  return contractRouter().openapi(getSignalMix, async (c) => {
    const q = c.req.valid('query');
    const projectId = c.get('projectId');
    const scope = await resolveScope(client, projectId, q, DEFAULT_DAYS);
    return c.json(await signalMixReport(client, { projectId, ...scope, bucket: q.bucket }), 200);
  });
}
