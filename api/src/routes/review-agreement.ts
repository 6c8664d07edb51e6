import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ClickHouseClient } from '@flywheel/storage';
import { getReviewAgreement } from '../contract/review-agreement';
import { reviewCalibration } from '../curation/review-agreement';
import { QUEUE_DEFAULTS } from '../curation/review-queue';
import { resolveScope } from './scope';
import type { ApiEnv } from './env';
import { contractRouter } from './validation';

/** `GET /api/v1/reviews/agreement` (docs/design.md §9). */
export function reviewAgreementRoute(client: ClickHouseClient): OpenAPIHono<ApiEnv> {
  const app = contractRouter();
  app.openapi(getReviewAgreement, async (c) => {
    const projectId = c.get('projectId');
    const scope = await resolveScope(client, projectId, c.req.valid('query'), QUEUE_DEFAULTS.windowDays);
    return c.json(await reviewCalibration(client, { ...scope, projectId }), 200);
  });
  return app;
}
