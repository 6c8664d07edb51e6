import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ClickHouseClient } from '@flywheel/storage';
import { nowEventTime } from '../analytics/time';
import { getReviewQueue, postReviewClaim } from '../contract/review-queue';
import { claimItems, openQueue, QUEUE_DEFAULTS } from '../curation/review-queue';
import { resolveScope } from './scope';
import type { ApiEnv } from './env';
import { contractRouter } from './validation';

/** `GET /api/v1/review-queue` and `POST /api/v1/review-queue/claim` (docs/design.md §9). */
export function reviewQueueRoute(client: ClickHouseClient): OpenAPIHono<ApiEnv> {
  const app = contractRouter();

  app.openapi(getReviewQueue, async (c) => {
    const q = c.req.valid('query');
    const projectId = c.get('projectId');
    const scope = await resolveScope(client, projectId, q, QUEUE_DEFAULTS.windowDays);
    const items = await openQueue(client, {
      ...QUEUE_DEFAULTS,
      ...scope,
      projectId,
      now: nowEventTime(),
      samplePercent: q.samplePercent,
      overlapShare: q.overlapShare,
      uncertainLogprob: q.uncertainLogprob,
      limit: q.limit,
    });
    return c.json({ items }, 200);
  });

  app.openapi(postReviewClaim, async (c) => {
    const body = c.req.valid('json');
    const projectId = c.get('projectId');
    const scope = await resolveScope(
      client,
      projectId,
      { workload: body.workload },
      QUEUE_DEFAULTS.windowDays,
    );
    const claimed = await claimItems(client, {
      ...QUEUE_DEFAULTS,
      ...scope,
      projectId,
      now: nowEventTime(),
      reviewer: body.reviewer,
      limit: body.limit ?? 10,
      leaseMinutes: body.leaseMinutes ?? QUEUE_DEFAULTS.leaseMinutes,
      samplePercent: body.samplePercent ?? QUEUE_DEFAULTS.samplePercent,
      overlapShare: body.overlapShare ?? QUEUE_DEFAULTS.overlapShare,
      uncertainLogprob: body.uncertainLogprob ?? QUEUE_DEFAULTS.uncertainLogprob,
    });
    return c.json(claimed, 200);
  });
  return app;
}
