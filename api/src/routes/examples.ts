import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ClickHouseClient } from '@flywheel/storage';
import { getSimilarExamples } from '../contract/examples';
import type { ExampleEmbeddings } from '../curation/example-embeddings';
import { findSimilarExamples } from '../curation/examples';
import type { ApiEnv } from './env';
import { contractRouter } from './validation';

/** `GET /api/v1/examples/similar`: few-shot examples from the gold set (docs/design.md §9). */
export function examplesRoute(client: ClickHouseClient, embeddings?: ExampleEmbeddings): OpenAPIHono<ApiEnv> {
  const app = contractRouter();
  app.openapi(getSimilarExamples, async (c) => {
    const q = c.req.valid('query');
    const found = await findSimilarExamples(
      client,
      { projectId: c.get('projectId'), workload: q.workload, text: q.text, k: q.k },
      embeddings,
    );
    return c.json(found, 200);
  });
  return app;
}
