import { createRoute, z } from '@hono/zod-openapi';
import { apiErrors, count, json, rate, scopeQuery } from './common';

export const metricAgreement = z.object({
  metric: z.string().describe('A review label (sub-metric); accuracy, helpfulness and safety first'),
  items: count.describe('Items two reviewers or more labelled with it (the overlap)'),
  observed: rate.describe('Share of those items where the first two reviewers agree'),
  kappa: z
    .number()
    .nullable()
    .describe('Cohen’s kappa of the first two reviewers; null without overlap or when chance agreement is 1'),
});

export const reviewAgreementBody = z.object({
  metrics: z.array(metricAgreement),
  gate: z
    .object({
      reviewed: count.describe('Evaluated interactions of the window with a review'),
      gatePassed: count,
      gold: count.describe('Every review passes every label'),
      both: count,
      precision: rate.describe('Gold among the reviewed items the gate passed'),
      recall: rate.describe('Gate-passed among the reviewed gold items'),
    })
    .describe('The quality gate against the reviewers'),
});

export const getReviewAgreement = createRoute({
  method: 'get',
  path: '/api/v1/reviews/agreement',
  operationId: 'getReviewAgreement',
  tags: ['Labels'],
  summary: 'Reviewer agreement and the gate against reviewers',
  description:
    'Per sub-metric, Cohen’s kappa of two reviewers on the overlap (items the queue gave to two); and the quality gate’s precision and recall for gold (every label passing) over the reviewed interactions of the window. Reviews sample mostly gate-passed items, so recall is measured where the gate already passed most. Default window: the 28 days before asOf.',
  request: { query: z.strictObject({ ...scopeQuery }) },
  responses: { 200: json(reviewAgreementBody, 'Agreement and gate calibration'), ...apiErrors },
});
