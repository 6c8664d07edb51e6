import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ClickHouseClient } from '@flywheel/storage';
import { dataMeta } from '../analytics/data-meta';
import { getMeta } from '../contract/meta';
import type { ApiEnv } from './env';
import { contractRouter } from './validation';

/** `GET /api/v1/meta`: what data exists, for a client's first request. */
export function metaRoute(client: ClickHouseClient): OpenAPIHono<ApiEnv> {
  return contractRouter().openapi(getMeta, async (c) =>
    c.json(await dataMeta(client, c.get('projectId')), 200),
  );
}
