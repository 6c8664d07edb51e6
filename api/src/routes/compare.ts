import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ClickHouseClient } from '@flywheel/storage';
import { compareVersions } from '../analytics/compare';
import { getCompare } from '../contract/compare';
import { badRequest, resolveScope } from './scope';
import type { ApiEnv } from './env';
import { contractRouter } from './validation';

/** Default window, as velocity's: the 90 days before asOf. */
const DEFAULT_DAYS = 90;

export function compareRoute(client: ClickHouseClient): OpenAPIHono<ApiEnv> {
  return contractRouter().openapi(getCompare, async (c) => {
    const q = c.req.valid('query');
    if (q.baseline === q.candidate) badRequest('candidate: must differ from baseline');
    const projectId = c.get('projectId');
    const scope = await resolveScope(client, projectId, q, DEFAULT_DAYS);
    return c.json(
      await compareVersions(client, {
        projectId,
        workload: q.workload,
        baseline: q.baseline,
        candidate: q.candidate,
        from: scope.from,
        to: scope.to,
        asOf: scope.asOf,
        samples: q.samples,
      }),
      200,
    );
  });
}
