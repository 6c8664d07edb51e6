import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ClickHouseClient } from '@flywheel/storage';
import { DEFAULT_LAG_DAYS, takeSnapshot } from '../analytics/snapshots';
import { postSnapshot } from '../contract/snapshot';
import { resolveAsOf } from './scope';
import type { ApiEnv } from './env';
import { contractRouter } from './validation';

/** `POST /api/v1/cycles/{id}/snapshot`: 404 without the cycle, 409 when its window breaks the lag. */
export function snapshotRoute(client: ClickHouseClient): OpenAPIHono<ApiEnv> {
  return contractRouter().openapi(postSnapshot, async (c) => {
    const { id } = c.req.valid('param');
    // Without a body (it is optional) the validated body is {}: every default.
    const body = c.req.valid('json');
    const projectId = c.get('projectId');
    const outcome = await takeSnapshot(client, {
      projectId,
      cycleId: id,
      at: await resolveAsOf(client, projectId, body.at),
      lagDays: body.lagDays ?? c.req.valid('query').lagDays ?? DEFAULT_LAG_DAYS,
    });
    if (outcome.kind === 'no_cycle') return c.json({ error: `no cycle ${id}` }, 404);
    if (outcome.kind === 'lag') return c.json({ error: outcome.message }, 409);
    return c.json({ snapshot: outcome.snapshot }, 201);
  });
}
