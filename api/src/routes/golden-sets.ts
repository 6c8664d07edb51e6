import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ClickHouseClient } from '@flywheel/storage';
import { DEFAULT_LAG_DAYS } from '../analytics/snapshots';
import { isoToEventTime } from '../analytics/time';
import { GOLDEN_DEFAULTS, getGoldenSet, listGoldenSetsRoute, postGoldenSet } from '../contract/golden-sets';
import { createGoldenSet, describeGoldenSet, listGoldenSets } from '../curation/golden-sets';
import { badRequest, resolveAsOf } from './scope';
import type { ApiEnv } from './env';
import { contractRouter } from './validation';

/** `/api/v1/golden-sets`: golden eval sets drawn from production (docs/design.md §9). */
export function goldenSetsRoute(client: ClickHouseClient): OpenAPIHono<ApiEnv> {
  const app = contractRouter();

  app.openapi(postGoldenSet, async (c) => {
    const body = c.req.valid('json');
    const projectId = c.get('projectId');
    const from = isoToEventTime(body.window.from);
    const to = isoToEventTime(body.window.to);
    if (from >= to) badRequest('window.from: must be before window.to');
    const outcome = await createGoldenSet(client, {
      projectId,
      name: body.name,
      workload: body.workload,
      from,
      to,
      at: await resolveAsOf(client, projectId, body.at),
      lagDays: body.lagDays ?? DEFAULT_LAG_DAYS,
      size: body.size ?? GOLDEN_DEFAULTS.size,
      stratifyBy: body.stratifyBy ?? GOLDEN_DEFAULTS.stratifyBy,
      seed: body.seed ?? 0,
    });
    if (outcome.kind === 'invalid') return badRequest(outcome.message);
    return c.json({ goldenSet: outcome.goldenSet }, outcome.kind === 'created' ? 201 : 200);
  });

  app.openapi(listGoldenSetsRoute, async (c) => {
    return c.json({ goldenSets: await listGoldenSets(client, c.get('projectId')) }, 200);
  });

  app.openapi(getGoldenSet, async (c) => {
    const { id } = c.req.valid('param');
    const goldenSet = await describeGoldenSet(client, c.get('projectId'), id);
    if (!goldenSet) return c.json({ error: `no golden set ${id}` }, 404);
    return c.json({ goldenSet }, 200);
  });
  return app;
}
