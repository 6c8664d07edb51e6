import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ClickHouseClient } from '@flywheel/storage';
import { findInteractions } from '../analytics/interactions';
import { EARLIEST, LATEST, isoToEventTime } from '../analytics/time';
import { getInteraction, listInteractions } from '../contract/interactions';
import { resolveAsOf } from './scope';
import type { ApiEnv } from './env';
import { contractRouter } from './validation';

/** `GET /api/v1/interactions` (newest first) and `GET /api/v1/interactions/{requestId}`. */
export function interactionsRoute(client: ClickHouseClient): OpenAPIHono<ApiEnv> {
  const app = contractRouter();

  app.openapi(listInteractions, async (c) => {
    const { q, from, to, asOf, ...filters } = c.req.valid('query');
    const projectId = c.get('projectId');
    const items = await findInteractions(client, {
      projectId,
      ...filters,
      text: q,
      from: from ? isoToEventTime(from) : EARLIEST,
      to: to ? isoToEventTime(to) : LATEST,
      asOf: await resolveAsOf(client, projectId, asOf),
    });
    return c.json({ items }, 200);
  });

  app.openapi(getInteraction, async (c) => {
    const { requestId } = c.req.valid('param');
    const projectId = c.get('projectId');
    const [item] = await findInteractions(client, {
      projectId,
      requestId,
      limit: 1,
      from: EARLIEST,
      to: LATEST,
      asOf: await resolveAsOf(client, projectId, c.req.valid('query').asOf),
    });
    return item
      ? c.json({ item }, 200)
      : c.json({ error: `no interaction with request id '${requestId}'` }, 404);
  });
  return app;
}
