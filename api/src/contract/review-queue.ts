import { createRoute, z } from '@hono/zod-openapi';
import { QUEUE_DEFAULTS } from '../curation/review-queue';
import { REVIEW_REASONS } from '../queries/review-candidates';
import { REVIEW_SAMPLE_RANGE } from '../queries/review-queue';
import { VERSION_LOOKBACK_DAYS } from '../queries/version-changes';
import { apiErrors, count, iso, json, jsonBody, scopeQuery } from './common';
import { bodyInteger, bodyNumber, name, queryInteger, queryNumber } from './ranges';

const REASONS = Object.keys(REVIEW_REASONS) as [
  keyof typeof REVIEW_REASONS,
  ...Array<keyof typeof REVIEW_REASONS>,
];
const MAX_ITEMS = 500;
/** Token logprobs are natural logs (≤ 0); a mean below −100 would flag nothing a reviewer could use. */
const LOGPROB_RANGE = { min: -100, max: 0 } as const;
const UNCERTAIN_DESCRIPTION = `A response whose mean token logprob (flywheel.response.mean_logprob) is below this is an uncertain output (default ${QUEUE_DEFAULTS.uncertainLogprob}, a mean token probability of about 0.37).`;

export const queueItem = z.object({
  requestId: z.string(),
  workload: z.string(),
  time: iso,
  language: z.string(),
  reasons: z.array(z.enum(REASONS)).describe('Why the item was chosen, most valuable first'),
  priority: z.number(),
  reviewersNeeded: count.describe('2 for the overlap share (agreement), else 1'),
  reviewedBy: z.array(z.string()),
  leasedTo: z.array(z.string()).describe('Reviewers holding an unexpired lease who have not reviewed yet'),
});

export const getReviewQueue = createRoute({
  method: 'get',
  path: '/api/v1/review-queue',
  operationId: 'getReviewQueue',
  tags: ['Labels'],
  summary: 'What to review next',
  description: `A stratified sample of gate-passed candidates (samplePercent of each workload, and at least one per workload and week) plus high-value items (judge and user disagree, corrections, the same input answered with the other outcome by another model version within the window and the ${VERSION_LOOKBACK_DAYS} days before it, judge score near the gate's threshold, uncertain outputs by token logprob, rare workload and language), ranked by priority. An item leaves the queue once enough reviewers posted to /api/v1/reviews or hold an unexpired lease. Default window: the ${QUEUE_DEFAULTS.windowDays} days before asOf.`,
  request: {
    query: z.strictObject({
      ...scopeQuery,
      limit: queryInteger(1, MAX_ITEMS).default(50),
      samplePercent: queryInteger(REVIEW_SAMPLE_RANGE.min, REVIEW_SAMPLE_RANGE.max).default(
        QUEUE_DEFAULTS.samplePercent,
      ),
      overlapShare: queryNumber(0, 1).default(QUEUE_DEFAULTS.overlapShare),
      uncertainLogprob: queryNumber(LOGPROB_RANGE.min, LOGPROB_RANGE.max)
        .default(QUEUE_DEFAULTS.uncertainLogprob)
        .describe(UNCERTAIN_DESCRIPTION),
    }),
  },
  responses: { 200: json(z.object({ items: z.array(queueItem) }), 'The queue, best first'), ...apiErrors },
});

export const claimBody = z.strictObject({
  reviewer: name,
  workload: name.optional(),
  limit: bodyInteger(1, 100).optional().describe('Default 10.'),
  leaseMinutes: bodyInteger(1, 24 * 60)
    .optional()
    .describe(
      `How long the items are held (default ${QUEUE_DEFAULTS.leaseMinutes}); then they return to the queue.`,
    ),
  samplePercent: bodyInteger(REVIEW_SAMPLE_RANGE.min, REVIEW_SAMPLE_RANGE.max).optional(),
  overlapShare: bodyNumber(0, 1).optional(),
  uncertainLogprob: bodyNumber(LOGPROB_RANGE.min, LOGPROB_RANGE.max)
    .optional()
    .describe(UNCERTAIN_DESCRIPTION),
});

export const postReviewClaim = createRoute({
  method: 'post',
  path: '/api/v1/review-queue/claim',
  operationId: 'claimReviewItems',
  tags: ['Labels'],
  summary: 'Lease the next items to a reviewer',
  description:
    'The reviewer’s own unexpired leases first (renewed), then the best items with a free reviewer slot they have not reviewed. Posting their review to /api/v1/reviews completes an item.',
  request: { body: jsonBody(claimBody) },
  responses: {
    200: json(z.object({ expiresAt: iso, items: z.array(queueItem) }), 'The leased items'),
    ...apiErrors,
  },
});
