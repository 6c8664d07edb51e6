import { createRoute, z } from '@hono/zod-openapi';
import { apiErrors, count, json, jsonBody } from './common';
import { bodyInteger, isoTime, name, text, UINT32_MAX } from './ranges';

/** Longest corrected response a review may carry, in characters. */
export const MAX_CORRECTION = 20_000;

/** Most items one request may carry. */
export const MAX_BATCH = 10_000;

/**
 * A body that is either one item or `{ "<key>": [items] }`. A failed union reports each shape's
 * problems; the validation hook names the field in the shape the body was written in.
 */
function batchOf<K extends string, T extends z.ZodType>(key: K, item: T) {
  return z.union([
    item,
    z.strictObject({ [key]: z.array(item).min(1).max(MAX_BATCH) } as { [P in K]: z.ZodArray<T> }),
  ]);
}

/** The items of a batch body, however it was written. */
export function itemsOf<T extends object, K extends string>(body: T | { [P in K]: T[] }, key: K): T[] {
  return key in body ? (body as { [P in K]: T[] })[key] : [body as T];
}

const labelName = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'label names are 1–64 letters, digits, _ . -');

export const review = z.strictObject({
  requestId: name,
  reviewer: name,
  time: isoTime.optional().describe('When the review was given; default: when it is received.'),
  labels: z
    .object({ accuracy: z.boolean(), helpfulness: z.boolean(), safety: z.boolean() })
    .catchall(z.boolean())
    .superRefine((labels, ctx) => {
      for (const key of Object.keys(labels))
        if (!labelName.safeParse(key).success)
          ctx.addIssue({ code: 'custom', path: [key], message: 'invalid label name' });
    })
    .describe(
      'Pass (true) or fail per sub-metric; accuracy, helpfulness and safety are required. Gold = all pass.',
    ),
  correction: text(MAX_CORRECTION)
    .optional()
    .describe(
      'The response the model should have given. A corrected item is a gold example with this answer (few-shot examples, golden sets).',
    ),
});

export const judgment = z
  .strictObject({
    requestId: name,
    judgeId: name,
    metric: labelName.describe("e.g. 'accuracy', 'helpfulness', 'sycophancy'"),
    passed: z.boolean().optional().describe('For sycophancy: true = not sycophantic.'),
    score: z.number().optional().describe('Any finite number'),
    label: text(200).optional(),
    time: isoTime.optional().describe('Default: when it is received.'),
  })
  .refine((j) => j.passed !== undefined || j.score !== undefined || j.label !== undefined, {
    message: 'a judgment needs passed, score or label',
    path: ['passed'],
  });

export const evaluation = z.strictObject({
  modelVersion: name,
  goldenSet: name,
  score: z.number().min(0).max(1),
  n: bodyInteger(0, UINT32_MAX).optional(),
  time: isoTime,
  workloadId: name.optional().describe('Omit for a golden set shared by every workload.'),
});

/** The bodies of the three batch routes, validated as they come (api/src/batches). */
export const reviewsBody = batchOf('reviews', review);
export const judgmentsBody = batchOf('judgments', judgment);
export const evalsBody = batchOf('evals', evaluation);

const accepted = {
  200: json(z.object({ accepted: count }), 'Stored; re-posting the same item replaces it'),
  ...apiErrors,
};

export const postReviews = createRoute({
  method: 'post',
  path: '/api/v1/reviews',
  operationId: 'postReviews',
  tags: ['Labels'],
  summary: 'Human review labels',
  description:
    'One review or { "reviews": [...] }. One review per request and reviewer: a re-post replaces it.',
  request: { body: jsonBody(reviewsBody) },
  responses: accepted,
});

export const postJudgments = createRoute({
  method: 'post',
  path: '/api/v1/judgments',
  operationId: 'postJudgments',
  tags: ['Labels'],
  summary: 'Automated (LLM-as-judge or code) verdicts',
  description:
    'One judgment or { "judgments": [...] }. One per request, metric and judge: a re-post replaces it.',
  request: { body: jsonBody(judgmentsBody) },
  responses: accepted,
});

export const postEvals = createRoute({
  method: 'post',
  path: '/api/v1/evals',
  operationId: 'postEvals',
  tags: ['Cycles'],
  summary: 'Offline eval results on a golden set',
  description:
    'One result or { "evals": [...] }. Same version, set, workload and time: a re-post replaces it.',
  request: { body: jsonBody(evalsBody) },
  responses: accepted,
});
