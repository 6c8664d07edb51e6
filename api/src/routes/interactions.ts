import { chunkedBody } from './chunked-body';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ClickHouseClient } from '@flywheel/storage';
import { decodeCursor } from '../analytics/interaction-cursor';
import { findInteraction } from '../analytics/interaction-detail';
import { findInteractions, interactionFilter } from '../analytics/interactions';
import { EARLIEST, LATEST, isoToEventTime } from '../analytics/time';
import { exportInteractions, getInteraction, listInteractions } from '../contract/interactions';
import type { GateReason } from '../queries/gate';
import { exportInteractionsCsv } from '../queries/interactions-export';
import { metaRoute } from './meta';
import { resolveAsOf } from './scope';
import type { ApiEnv } from './env';
import { contractRouter } from './validation';

/**
 * `GET /api/v1/meta` (what interactions exist), `GET /api/v1/interactions` (newest first, paged by
 * cursor), `GET /api/v1/interactions/export` (CSV) and `GET /api/v1/interactions/{requestId}`. The export
 * is registered before the detail route, whose path would otherwise take `export` for a request id.
 */
export function interactionsRoute(client: ClickHouseClient): OpenAPIHono<ApiEnv> {
  const app = contractRouter();
  app.route('/', metaRoute(client));

  async function search(
    projectId: string,
    query: {
      q?: string | undefined;
      from?: string | undefined;
      to?: string | undefined;
      asOf?: string | undefined;
      workload?: string | undefined;
      modelVersion?: string | undefined;
      outcome?: 'success' | 'failure' | 'unknown' | undefined;
      gate?: 'passed' | 'rejected' | 'pending' | undefined;
      gateReason?: GateReason | undefined;
    },
  ) {
    const { q, from, to, asOf, ...filters } = query;
    return {
      projectId,
      ...filters,
      text: q,
      from: from ? isoToEventTime(from) : EARLIEST,
      to: to ? isoToEventTime(to) : LATEST,
      asOf: await resolveAsOf(client, projectId, asOf),
    };
  }

  app.openapi(listInteractions, async (c) => {
    const { limit, cursor, ...query } = c.req.valid('query');
    const page = await findInteractions(client, await search(c.get('projectId'), query), {
      limit,
      // Checked by the contract: a cursor that does not decode is a 400 before this runs.
      cursor: cursor ? decodeCursor(cursor) : null,
    });
    return c.json(page, 200);
  });

  app.openapi(exportInteractions, async (c) => {
    const filter = await interactionFilter(client, await search(c.get('projectId'), c.req.valid('query')));
    const stream = await exportInteractionsCsv(client, filter);
    return new Response(chunkedBody(stream), {
      status: 200,
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="interactions.csv"',
      },
    }) as never;
  });

  app.openapi(getInteraction, async (c) => {
    const { requestId } = c.req.valid('param');
    const projectId = c.get('projectId');
    const item = await findInteraction(client, {
      projectId,
      requestId,
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
