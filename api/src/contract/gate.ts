import { createRoute, z } from '@hono/zod-openapi';
import { SIGNAL_KINDS } from '@flywheel/semconv';
import { GATE_BANDS } from '../analytics/gate-band';
import { apiErrors, count, iso, json, jsonBody, rate, scopeQuery } from './common';
import { bodyInteger, bodyNumber, name, queryInteger, queryNumber, UINT32_MAX } from './ranges';

/** A comma-separated list in a query string, each item validated. */
const list = (item: z.ZodType<string>) =>
  z.string().transform((s, ctx) => {
    const items = s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
    for (const value of items) {
      const parsed = item.safeParse(value);
      if (!parsed.success)
        ctx.addIssue({ code: 'custom', message: `'${value}': ${parsed.error.issues[0]!.message}` });
    }
    return items;
  });
const language = z.string().regex(/^[a-z]{2,3}$/, 'must be an ISO 639 code such as en');

/** Most hours after a response that its signals may count (90 days). */
const MAX_SIGNAL_WINDOW_HOURS = 24 * 90;

/**
 * Thresholds of the quality gate (docs/design.md §5), shared by the query string (GET, where every value
 * is text) and the stored configuration (PUT, where a number must be a JSON number: "7" is a 400).
 * Counts are compared with UInt32 columns, so they stay within one.
 */
function thresholds<N extends z.ZodType<number, unknown>>(
  number: (min: number, max: number) => N,
  integer: (min: number, max: number) => N,
) {
  const fraction = number(0, 1);
  return {
    allowedOutcomeKinds: z.array(z.enum(SIGNAL_KINDS)),
    minResponseWords: integer(0, UINT32_MAX),
    minQualityScore: fraction,
    minGroundingScore: fraction,
    maxToxicity: fraction,
    minPromptChars: integer(0, UINT32_MAX),
    maxPromptChars: integer(0, UINT32_MAX),
    allowedLanguages: z.array(language).describe('Empty: every language is allowed.'),
    minTopicRelevance: fraction,
    signalWindowHours: number(0, MAX_SIGNAL_WINDOW_HOURS).describe(
      'Signals within this many hours after the response count.',
    ),
  };
}
const gateConfig = z.object(thresholds(bodyNumber, bodyInteger)).extend({
  allowedOutcomeKinds: z.array(z.string()),
  allowedLanguages: z.array(z.string()),
  signalWindowHours: z.number(),
});
const overrides = z.strictObject(thresholds(bodyNumber, bodyInteger)).partial();

export const gateQuery = z.strictObject({
  ...scopeQuery,
  from: scopeQuery.from.describe('Start of the event-time window (inclusive). Default: no start.'),
  to: scopeQuery.to.describe('End of the event-time window (exclusive). Default: no end.'),
  bucket: z.enum(['day', 'week']).default('day'),
  ...z
    .strictObject(thresholds(queryNumber, queryInteger))
    .partial()
    .extend({
      allowedOutcomeKinds: list(z.enum(SIGNAL_KINDS)).optional().describe('Comma-separated signal kinds.'),
      allowedLanguages: list(language).optional().describe('Comma-separated ISO 639 codes.'),
    }).shape,
});

const band = z
  .enum(GATE_BANDS)
  .describe(
    'healthy: 20–30% pass; below_band 10–20%, above_band 30–50%; too_strict below 10%, too_loose above 50%',
  );
const counts = {
  evaluated: count.describe('Interactions whose signal window closed by asOf'),
  passed: count,
  passRate: rate,
  rejections: z
    .record(z.string(), count)
    .describe('Rejected interactions per rule; one counts under every rule it failed'),
  band,
};

export const gateReport = z.object({
  workload: z.string().nullable(),
  asOf: iso,
  config: gateConfig.describe('The configuration the verdicts were computed with'),
  buckets: z.array(
    z.object({ bucket: z.string().describe('First day of the bucket, YYYY-MM-DD'), ...counts }),
  ),
  total: z.object(counts),
});

/** A workload's gate over a window, as its card shows it. */
export const gateSummary = z.object({
  evaluated: counts.evaluated,
  passed: counts.passed,
  passRate: counts.passRate,
  band: counts.band,
});

export const getGate = createRoute({
  method: 'get',
  path: '/api/v1/gate',
  operationId: 'getGate',
  tags: ['Gate'],
  summary: "The quality gate's pass rate per bucket, its band and rejection reasons",
  description:
    'Verdicts are recomputed at query time, so threshold parameters try a configuration on history without storing it. Without from/to every interaction up to asOf counts.',
  request: { query: gateQuery },
  responses: { 200: json(gateReport, 'Pass rate per bucket and in total'), ...apiErrors },
});

const workloadQuery = z.strictObject({ workload: scopeQuery.workload });

export const getGateConfig = createRoute({
  method: 'get',
  path: '/api/v1/gate/config',
  operationId: 'getGateConfig',
  tags: ['Gate'],
  summary: 'The gate configuration in force and its stored versions',
  request: { query: workloadQuery },
  responses: {
    200: json(
      z.object({
        workload: z.string().nullable(),
        config: gateConfig,
        history: z.array(
          z.object({
            workload: z.string().nullable(),
            version: count,
            config: gateConfig.partial(),
            createdAt: z.string(),
          }),
        ),
      }),
      'Defaults, then the project’s latest version, then the workload’s; history newest first',
    ),
    ...apiErrors,
  },
});

export const putGateConfig = createRoute({
  method: 'put',
  path: '/api/v1/gate/config',
  operationId: 'putGateConfig',
  tags: ['Gate'],
  summary: 'Store a new version of the project’s or a workload’s gate configuration',
  description:
    'Thresholds left out keep the project’s (or the default) value. History is re-scored at query time.',
  request: { body: jsonBody(z.strictObject({ workload: name.optional(), config: overrides })) },
  responses: {
    200: json(
      z.object({ workload: z.string().nullable(), version: count, config: gateConfig }),
      'The configuration now in force',
    ),
    ...apiErrors,
  },
});
