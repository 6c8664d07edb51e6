import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ClickHouseClient } from '@flywheel/storage';
import { getTrace } from '../contract/traces';
import { traceTree } from '../traces/tree';
import type { ApiEnv } from './env';
import { contractRouter } from './validation';

/** `GET /api/v1/traces/{traceId}`: the trace as its tree of pipeline nodes and model calls. */
export function tracesRoute(client: ClickHouseClient): OpenAPIHono<ApiEnv> {
  const app = contractRouter();
  app.openapi(getTrace, async (c) => {
    const traceId = c.req.valid('param').traceId.toLowerCase();
    const tree = await traceTree(client, { projectId: c.get('projectId'), traceId });
    return tree ? c.json(tree, 200) : c.json({ error: `no trace with id '${traceId}'` }, 404);
  });
  return app;
}
