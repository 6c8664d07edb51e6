import { Hono } from 'hono';
import { z } from 'zod';
import type { ClickHouseClient } from '@flywheel/storage';
import { isoToEventTime, microsToEventTime } from '../analytics/time';
import { insertEvals, insertJudgments, insertReviews } from '../queries/labels';
import type { Operation } from '../openapi/operation';
import { acceptedResponse } from '../openapi/responses';
import { batchSchema, parseBatch } from './batch';
import { isoTime } from './scope';
import type { ApiEnv } from './env';

const id = z.string().min(1).max(200);
const labelName = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'label names are 1–64 letters, digits, _ . -');
const review = z.strictObject({
  requestId: id,
  reviewer: id,
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
});
const judgment = z
  .strictObject({
    requestId: id,
    judgeId: id,
    metric: labelName.describe("e.g. 'accuracy', 'helpfulness', 'sycophancy'"),
    passed: z.boolean().optional().describe('For sycophancy: true = not sycophantic.'),
    score: z.number().finite().optional(),
    label: z.string().max(200).optional(),
    time: isoTime.optional().describe('Default: when it is received.'),
  })
  .refine((j) => j.passed !== undefined || j.score !== undefined || j.label !== undefined, {
    message: 'a judgment needs passed, score or label',
    path: ['passed'],
  });
const evaluation = z.strictObject({
  modelVersion: id,
  goldenSet: id,
  score: z.number().min(0).max(1),
  n: z.number().int().min(0).optional(),
  time: isoTime,
  workloadId: id.optional().describe('Omit for a golden set shared by every workload.'),
});

const now = () => microsToEventTime(BigInt(Date.now()) * 1000n);
const accepted = {
  200: { description: 'Stored; re-posting the same item replaces it', schema: acceptedResponse },
};

export const labelOperations: Operation[] = [
  {
    method: 'post',
    path: '/api/v1/reviews',
    tag: 'Labels',
    summary: 'Human review labels',
    description:
      'One review or { "reviews": [...] }. One review per request and reviewer: a re-post replaces it.',
    body: batchSchema('reviews', review),
    responses: accepted,
  },
  {
    method: 'post',
    path: '/api/v1/judgments',
    tag: 'Labels',
    summary: 'Automated (LLM-as-judge or code) verdicts',
    description:
      'One judgment or { "judgments": [...] }. One per request, metric and judge: a re-post replaces it.',
    body: batchSchema('judgments', judgment),
    responses: accepted,
  },
  {
    method: 'post',
    path: '/api/v1/evals',
    tag: 'Cycles',
    summary: 'Offline eval results on a golden set',
    description:
      'One result or { "evals": [...] }. Same version, set, workload and time: a re-post replaces it.',
    body: batchSchema('evals', evaluation),
    responses: accepted,
  },
];

export function labelsRoute(client: ClickHouseClient): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  app.post('/api/v1/reviews', async (c) => {
    const items = await parseBatch(c, 'reviews', review);
    const received = now();
    await insertReviews(
      client,
      c.get('projectId'),
      items.map((r) => ({
        requestId: r.requestId,
        reviewer: r.reviewer,
        time: r.time ? isoToEventTime(r.time) : received,
        labels: r.labels as Record<string, boolean>,
      })),
    );
    return c.json({ accepted: items.length });
  });

  app.post('/api/v1/judgments', async (c) => {
    const items = await parseBatch(c, 'judgments', judgment);
    const received = now();
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
    return c.json({ accepted: items.length });
  });

  app.post('/api/v1/evals', async (c) => {
    const items = await parseBatch(c, 'evals', evaluation);
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
    return c.json({ accepted: items.length });
  });
  return app;
}
