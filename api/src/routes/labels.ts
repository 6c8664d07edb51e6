import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ClickHouseClient } from '@flywheel/storage';
import { nowEventTime } from '../analytics/time';
import { BatchWorkersBusyError, parseBatchBody } from '../batches/batch-parser';
import { postEvals, postJudgments, postReviews } from '../contract/labels';
import type { ExampleEmbeddings } from '../curation/example-embeddings';
import { JSON_TYPE } from '../guards/writes';
import { refreshGoldExamples } from '../queries/gold-examples';
import type { LabelTable } from '../queries/label-rows';
import { insertLabelLines } from '../queries/labels';
import type { ApiEnv } from './env';
import { contractRouter } from './validation';

/** A request without a content type and without a body is validated as `{}`, as the contract's are. */
const EMPTY_OBJECT = new TextEncoder().encode('{}');

/**
 * `POST /api/v1/reviews`, `/judgments`, `/evals`: one item or a batch each, idempotent per item.
 * Described by the contract like every route, but validated by `parseBatchBody` with the contract's
 * schemas rather than by the router's validator: a batch of 10,000 items is parsed, validated and
 * encoded on a worker thread, never on the event loop. Same answers: 415 for a body that is not JSON,
 * 400 for one that does not parse, 400 naming the first bad field (`reviews[4137].time: …`).
 */
export function labelsRoute(client: ClickHouseClient, embeddings?: ExampleEmbeddings): OpenAPIHono<ApiEnv> {
  const app = contractRouter();

  /** The batch's rows, encoded, or the answer refusing it. */
  async function batch(c: Context<ApiEnv>, table: LabelTable) {
    const type = c.req.header('content-type');
    const body = new Uint8Array(await c.req.arrayBuffer());
    // The app's error handler words these as the contract's validator's refusals are worded.
    if (type ? !JSON_TYPE.test(type) : body.byteLength > 0) throw new HTTPException(415);
    const received = nowEventTime();
    try {
      const result = await parseBatchBody({
        table,
        body: type ? body : EMPTY_OBJECT,
        projectId: c.get('projectId'),
        received,
      });
      if ('malformed' in result) throw new HTTPException(400);
      if ('invalid' in result) return { refused: c.json({ error: result.invalid }, 400) };
      return { ...result, received };
    } catch (error) {
      if (!(error instanceof BatchWorkersBusyError)) throw error;
      c.header('retry-after', String(error.retryAfterSeconds));
      return { refused: c.json({ error: error.message }, 429) };
    }
  }

  app.openAPIRegistry.registerPath(postReviews);
  app.post(postReviews.path, async (c) => {
    const result = await batch(c, 'reviews');
    if ('refused' in result) return result.refused;
    await insertLabelLines(client, 'reviews', result.lines);
    // The gold examples follow the reviews: a pass or a correction adds one, a later failure withdraws it.
    await refreshGoldExamples(client, c.get('projectId'), result.requestIds, result.received);
    // Embedded after the answer, never in its way: a failure leaves them to the catch-up pass.
    embeddings?.embedLater(c.get('projectId'), result.requestIds);
    return c.json({ accepted: result.accepted }, 200);
  });

  for (const [route, table] of [
    [postJudgments, 'judgments'],
    [postEvals, 'evals'],
  ] as const) {
    app.openAPIRegistry.registerPath(route);
    app.post(route.path, async (c) => {
      const result = await batch(c, table);
      if ('refused' in result) return result.refused;
      await insertLabelLines(client, table, result.lines);
      return c.json({ accepted: result.accepted }, 200);
    });
  }
  return app;
}
