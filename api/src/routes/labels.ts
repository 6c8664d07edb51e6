import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ClickHouseClient } from '@flywheel/storage';
import { isoToEventTime, nowEventTime } from '../analytics/time';
import { itemsOf, postEvals, postJudgments, postReviews } from '../contract/labels';
import type { ExampleEmbeddings } from '../curation/example-embeddings';
import { refreshGoldExamples } from '../queries/gold-examples';
import { insertEvals, insertJudgments, insertReviews } from '../queries/labels';
import type { ApiEnv } from './env';
import { contractRouter } from './validation';

/** `POST /api/v1/reviews`, `/judgments`, `/evals`: one item or a batch each, idempotent per item. */
export function labelsRoute(client: ClickHouseClient, embeddings?: ExampleEmbeddings): OpenAPIHono<ApiEnv> {
  const app = contractRouter();

  app.openapi(postReviews, async (c) => {
    const items = itemsOf(c.req.valid('json'), 'reviews');
    const received = nowEventTime();
    await insertReviews(
      client,
      c.get('projectId'),
      items.map((r) => ({
        requestId: r.requestId,
        reviewer: r.reviewer,
        time: r.time ? isoToEventTime(r.time) : received,
        labels: r.labels as Record<string, boolean>,
        correction: r.correction ?? '',
      })),
    );
    // The gold examples follow the reviews: a pass or a correction adds one, a later failure withdraws it.
    const requestIds = [...new Set(items.map((r) => r.requestId))];
    await refreshGoldExamples(client, c.get('projectId'), requestIds, received);
    // Embedded after the answer, never in its way: a failure leaves them to the catch-up pass.
    embeddings?.embedLater(c.get('projectId'), requestIds);
    return c.json({ accepted: items.length }, 200);
  });

  app.openapi(postJudgments, async (c) => {
    const items = itemsOf(c.req.valid('json'), 'judgments');
    const received = nowEventTime();
    await insertJudgments(
      client,
      c.get('projectId'),
      items.map((j) => ({
        requestId: j.requestId,
        judgeId: j.judgeId,
        metric: j.metric,
        time: j.time ? isoToEventTime(j.time) : received,
        passed: j.passed ?? null,
        score: j.score ?? null,
        label: j.label ?? '',
      })),
    );
    return c.json({ accepted: items.length }, 200);
  });

  app.openapi(postEvals, async (c) => {
    const items = itemsOf(c.req.valid('json'), 'evals');
    await insertEvals(
      client,
      c.get('projectId'),
      items.map((e) => ({
        workloadId: e.workloadId ?? '',
        modelVersion: e.modelVersion,
        goldenSet: e.goldenSet,
        time: isoToEventTime(e.time),
        score: e.score,
        n: e.n ?? null,
      })),
    );
    return c.json({ accepted: items.length }, 200);
  });
  return app;
}
