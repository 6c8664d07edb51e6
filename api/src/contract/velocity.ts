import { createRoute, z } from '@hono/zod-openapi';
import { apiErrors, count, deltaDays, iso, json, rate, scopeQuery } from './common';
import { gateSummary } from './gate';

export const velocityQuery = z.strictObject({
  ...scopeQuery,
  bucket: z.enum(['day', 'week']).default('day').describe('Bucket size (UTC days; weeks start on Monday).'),
  W: deltaDays.describe('Days after and before a deploy for the cycles’ online deltas.'),
});

const activity = z.object({
  interactions: count,
  candidates: count.describe('Interactions with a known outcome'),
  successes: count,
  explicitRate: rate,
  coverage: rate.describe('candidates / interactions'),
  successRate: rate.describe('successes / candidates'),
});

const phase = z.object({
  phase: z.enum(['cold_start', 'bootstrap', 'acceleration', 'maturity']),
  successRate: rate,
  candidates: count,
  interactions: count,
  windowDays: count,
  reason: z.string(),
});

const stagnation = z.object({
  stagnating: z.boolean().nullable().describe('null: fewer than two measured cycles'),
  reason: z.string(),
  cycles: z.array(
    z.object({
      id: z.string(),
      modelVersion: z.string(),
      deployedAt: iso.nullable(),
      delta: z.number(),
      significant: z.boolean(),
    }),
  ),
  causes: z.array(
    z.object({
      cause: z.enum(['gate_too_strict', 'review_queue_backed_up', 'feedback_too_sparse', 'saturation']),
      evidence: z.string(),
    }),
  ),
  evidence: z
    .object({
      windowDays: count,
      gate: z.object({ evaluated: count, passed: count, passRate: rate, passRateWithOutcome: rate }),
      reviewQueue: z.object({
        pending: count,
        oldestPendingDays: z.number().nullable(),
        reviewedPerDay: z.number(),
        backlogDays: z.number().nullable(),
      }),
      coverage: rate,
      successRate: rate,
      interactions: count,
      candidates: count,
    })
    .nullable()
    .describe('Measured only when stagnating'),
});

export const velocityReport = z.object({
  window: z.object({ from: iso, to: iso, asOf: iso }),
  workload: z.string().nullable(),
  bucket: z.enum(['day', 'week']),
  totals: activity,
  buckets: z.array(
    activity.extend({
      bucket: z.string().describe('First day of the bucket, YYYY-MM-DD'),
      complete: z.boolean().describe('The signal window of every interaction in the bucket closed by asOf'),
      gate: z.object({ evaluated: count, passed: count, passRate: rate }),
    }),
  ),
  workloads: z.array(
    z.object({
      workloadId: z.string(),
      phase,
      stagnation,
      gate: gateSummary.describe('The gate over the window, with the workload’s own configuration'),
      buckets: z
        .array(activity.extend({ bucket: z.string().describe('First day of the bucket, YYYY-MM-DD') }))
        .describe('The workload’s own collection and quality per bucket (no gate: see the gate endpoint)'),
    }),
  ),
});

export const getVelocity = createRoute({
  method: 'get',
  path: '/api/v1/velocity',
  operationId: 'getVelocity',
  tags: ['Flywheel'],
  summary: 'Flywheel velocity, phase and stagnation diagnosis',
  description:
    'Per bucket: interactions, candidates (known outcome), explicit-signal rate, signal coverage, success rate and gate pass rate. Per workload: its phase (success-rate band over the 28 days before asOf, cold start below 200 known outcomes), its gate pass rate and band over the window and, when the last two cycles moved less than +2 points or not significantly, the likely causes with their evidence.',
  request: { query: velocityQuery },
  responses: { 200: json(velocityReport, 'Velocity report'), ...apiErrors },
});
