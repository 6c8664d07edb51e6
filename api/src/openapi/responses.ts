import { z } from 'zod';

// Response shapes, for the OpenAPI document only (handlers build these objects; nothing parses them).
// A rate is null when its denominator is 0: the dashboard draws a gap, never a made-up 0.

const rate = z.number().min(0).max(1).nullable();
const iso = z.string().describe('ISO 8601, UTC, microseconds');
const window = z.object({ from: iso, to: iso, asOf: iso });
const verdict = z.enum(['ok', 'warn', 'alarm', 'insufficient_data']);

const activity = z.object({
  interactions: z.number().int(),
  candidates: z.number().int().describe('Interactions with a known outcome'),
  successes: z.number().int(),
  explicitRate: rate,
  coverage: rate.describe('candidates / interactions'),
  successRate: rate.describe('successes / candidates'),
});

const cycleDelta = z.object({
  id: z.string(),
  modelVersion: z.string(),
  deployedAt: iso.nullable(),
  delta: z.number(),
  significant: z.boolean(),
});

export const velocityResponse = z.object({
  window,
  workload: z.string().nullable(),
  bucket: z.enum(['day', 'week']),
  totals: activity,
  buckets: z.array(
    activity.extend({
      bucket: z.string().describe('First day of the bucket, YYYY-MM-DD'),
      complete: z.boolean().describe('The signal window of every interaction in the bucket closed by asOf'),
      gate: z.object({ evaluated: z.number().int(), passed: z.number().int(), passRate: rate }),
    }),
  ),
  workloads: z.array(
    z.object({
      workloadId: z.string(),
      phase: z.object({
        phase: z.enum(['cold_start', 'bootstrap', 'acceleration', 'maturity']),
        successRate: rate,
        candidates: z.number().int(),
        interactions: z.number().int(),
        windowDays: z.number().int(),
        reason: z.string(),
      }),
      stagnation: z.object({
        stagnating: z.boolean().nullable().describe('null: fewer than two measured cycles'),
        reason: z.string(),
        cycles: z.array(cycleDelta),
        causes: z.array(
          z.object({
            cause: z.enum(['gate_too_strict', 'review_queue_backed_up', 'feedback_too_sparse', 'saturation']),
            evidence: z.string(),
          }),
        ),
        evidence: z
          .object({
            windowDays: z.number().int(),
            gate: z.object({
              evaluated: z.number().int(),
              passed: z.number().int(),
              passRate: rate,
              passRateWithOutcome: rate,
            }),
            reviewQueue: z.object({
              pending: z.number().int(),
              oldestPendingDays: z.number().nullable(),
              reviewedPerDay: z.number(),
              backlogDays: z.number().nullable(),
            }),
            coverage: rate,
            successRate: rate,
            interactions: z.number().int(),
            candidates: z.number().int(),
          })
          .nullable()
          .describe('Measured only when stagnating'),
      }),
    }),
  ),
});

const cycleBase = z.object({
  id: z.string(),
  workloadId: z.string(),
  modelVersion: z.string(),
  parentVersion: z.string().nullable(),
  status: z.enum(['collecting', 'training', 'evaluating', 'deployed', 'rolled_back', 'rejected']),
  dataWindow: z.object({ from: iso, to: iso }),
  deployedAt: iso.nullable(),
  rolledBackAt: iso.nullable(),
  notes: z.string(),
});

export const cycleResponse = z.object({
  cycle: cycleBase.extend({ version: z.number().int().describe('Write sequence of this state') }),
});

const volume = z.object({
  total: z.number().int(),
  gold: z.number().int(),
  gatePassed: z.number().int(),
  correction: z.number().int(),
});

const cycleReport = cycleBase.extend({
  trainingVolume: volume,
  snapshot: z.object({ id: z.string(), at: iso }).nullable(),
  onlineDelta: z
    .object({
      delta: z.number(),
      ci: z.tuple([z.number(), z.number()]).describe('Newcombe hybrid score 95% interval'),
      significant: z.boolean(),
      n: z.object({ version: z.number().int(), parent: z.number().int() }),
      successRate: z.object({ version: z.number(), parent: z.number() }),
      windowClosed: z.boolean(),
    })
    .nullable(),
  offlineDelta: z.number().nullable(),
  timeToImprovementDays: z.number().nullable(),
  inHealthyBand: z.boolean().nullable(),
});

export const cycleListResponse = z.object({ asOf: iso, W: z.number().int(), items: z.array(cycleReport) });

export const cycleOneResponse = z.object({
  asOf: iso,
  W: z.number().int(),
  cycle: cycleReport.nullable(),
  history: z.array(cycleBase.extend({ version: z.number().int(), writtenAt: z.string() })),
});

export const snapshotResponse = z.object({
  snapshot: z.object({
    id: z.string(),
    cycleId: z.string(),
    at: iso,
    lagDays: z.number(),
    dataWindow: z.object({ from: iso, to: iso }),
    trainingVolume: volume,
  }),
});

export const acceptedResponse = z.object({ accepted: z.number().int() });

export const checkResponse = z.object({
  check: z.enum(['drift', 'sycophancy', 'latency-bias', 'survivorship']),
  workload: z.string().nullable(),
  window,
  statistics: z.record(z.string(), z.unknown()).describe('The check’s statistics (see docs/analytics.md)'),
  sampleSizes: z.record(z.string(), z.unknown()),
  verdict,
  findings: z
    .array(z.object({ rule: z.string(), verdict, detail: z.string() }))
    .describe('Every rule evaluated, with its verdict and the numbers behind it'),
  series: z.unknown().describe('What the dashboard plots'),
});

export const errorResponse = z.object({ error: z.string() });

/** Response types for typed clients and scenario tests. */
export type VelocityResponse = z.infer<typeof velocityResponse>;
export type CycleResponse = z.infer<typeof cycleResponse>;
export type CycleListResponse = z.infer<typeof cycleListResponse>;
export type CycleOneResponse = z.infer<typeof cycleOneResponse>;
export type SnapshotResponse = z.infer<typeof snapshotResponse>;
export type CheckResponse = z.infer<typeof checkResponse>;
