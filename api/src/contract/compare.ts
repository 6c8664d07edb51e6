import { createRoute, z } from '@hono/zod-openapi';
import { apiErrors, count, iso, json, rate } from './common';
import { isoTime, name, queryInteger } from './ranges';

export const compareQuery = z.strictObject({
  workload: name.describe('The workload both versions served.'),
  baseline: name.describe('The version compared against (e.g. the parent).'),
  candidate: name.describe('The version being judged.'),
  from: isoTime
    .optional()
    .describe('Start of the event-time window (inclusive). Default: 90 days before asOf.'),
  to: isoTime.optional().describe('End of the event-time window (exclusive). Default: just after asOf.'),
  asOf: isoTime
    .optional()
    .describe("Outcomes and gate verdicts as of this event time. Default: the project's latest event time."),
  samples: queryInteger(0, 20).default(6).describe('Pairs of responses to similar prompts.'),
});

/** A difference of two proportions with its 95% interval (Newcombe's hybrid score, as the cycles use). */
const proportionDelta = z.object({
  delta: z.number(),
  ci: z.tuple([z.number(), z.number()]),
  significant: z.boolean().describe('The interval excludes 0'),
});

const quantiles = z.object({ p50: z.number(), p95: z.number(), mean: z.number() });

const profile = z.object({
  modelVersion: z.string(),
  interactions: count,
  candidates: count.describe('Interactions with a known outcome'),
  successes: count,
  successRate: rate,
  gate: z.object({ evaluated: count, passed: count, passRate: rate }),
  latencyMs: quantiles.nullable(),
  responseWords: quantiles.nullable(),
  signals: z.object({
    total: count,
    explicit: count,
    implicit: count,
    kinds: z
      .array(z.object({ kind: z.string(), count, perInteraction: z.number() }))
      .describe('Most frequent first'),
  }),
});

const sample = z.object({
  requestId: z.string(),
  time: iso,
  prompt: z.string(),
  response: z.string(),
  outcome: z.enum(['success', 'failure', 'unknown']),
  latencyMs: z.number(),
  responseWords: count,
});

export const compareReport = z.object({
  window: z.object({ from: iso, to: iso, asOf: iso }),
  workload: z.string(),
  baseline: profile,
  candidate: profile,
  deltas: z
    .object({
      successRate: proportionDelta.nullable(),
      gatePassRate: proportionDelta.nullable(),
      latencyP50Ms: z.number().nullable(),
      responseWordsMean: z.number().nullable(),
    })
    .describe('Candidate minus baseline; null when either side has no data'),
  samples: z
    .array(
      z.object({
        similarity: z.number().describe('Lexical similarity of the two prompts, 0–1, by the engine'),
        baseline: sample,
        candidate: sample,
      }),
    )
    .describe('The most similar prompts the two versions answered, each response used once'),
});

export const getCompare = createRoute({
  method: 'get',
  path: '/api/v1/compare',
  operationId: 'compareVersions',
  tags: ['Flywheel'],
  summary: 'Two versions of a workload side by side',
  description:
    'Over the same window: success rate, gate pass rate, latency, response length and signal mix of each version, the candidate’s success-rate and pass-rate deltas with their 95% intervals, and responses of both versions to similar prompts (paired by the engine’s lexical similarity of the prompts).',
  request: { query: compareQuery },
  responses: { 200: json(compareReport, 'The comparison'), ...apiErrors },
});
