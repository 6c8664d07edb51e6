import { z } from '@hono/zod-openapi';
import { ALARM_KINDS } from '../alarms/types';
import { DRIFT_DIMENSIONS } from '../analytics/feedback-checks/drift';
import { count, iso, rate } from './common';

// What each check of docs/design.md §7 returns: the same envelope, with the check's own statistics and
// series. Rates and differences are fractions; a value is null when there was too little data for it.

export const CHECK_NAMES = ['drift', 'sycophancy', 'latency-bias', 'survivorship'] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

const verdict = z.enum(['ok', 'warn', 'alarm', 'insufficient_data']);
const maybe = z.number().nullable();

function envelope<N extends CheckName, S extends z.ZodType, T extends z.ZodType>(
  check: N,
  statistics: S,
  series: T,
) {
  return z.object({
    check: z.literal(check),
    workload: z.string().nullable(),
    window: z.object({ from: iso, to: iso, asOf: iso }),
    statistics,
    sampleSizes: z.record(z.string(), z.unknown()).describe('The counts behind each statistic'),
    verdict,
    findings: z
      .array(
        z.object({
          rule: z.string(),
          verdict,
          detail: z.string().describe('The numbers and the rule as applied to them'),
          alarmKind: z
            .enum(ALARM_KINDS)
            .nullable()
            .describe('The alarm this rule raises at alarm level; null for a rule that only warns'),
          nextStep: z.string().nullable().describe('What to do about a warning or alarm, in plain words'),
        }),
      )
      .describe(
        'Every rule evaluated, with its verdict and the numbers behind it. A finding is `alarm` only when its alarm kind is enabled for the project, so every alarm-level finding pages; the verdict is the worst finding',
      ),
    series: series.describe('What the dashboard plots'),
  });
}

const dimension = z.enum(DRIFT_DIMENSIONS);
const span = z.object({ from: iso, to: iso });

export const driftCheck = envelope(
  'drift',
  z.object({
    psi: z.partialRecord(dimension, maybe).describe('Population stability index per mix'),
    kappa: z.object({ current: maybe, baseline: maybe }).describe('Cohen’s kappa, judges against reviewers'),
    staleness: z.array(z.object({ goldenSet: z.string(), latestEval: iso, ageDays: z.number() })),
    windows: z.object({ current: span, baseline: span }),
  }),
  z.object({
    psi: z.array(
      z.object({
        dimension,
        psi: maybe,
        bins: z.array(z.object({ bin: z.string(), baseline: rate, current: rate })),
      }),
    ),
    kappa: z.array(z.object({ week: z.string(), n: count, kappa: maybe })),
  }),
);

const sycophancyVersion = z.object({
  modelVersion: z.string(),
  parentVersion: z.string().nullable(),
  markerRate: rate,
  judgedShare: rate,
  capitulationRate: rate,
  feedbackGap: maybe,
  feedbackGapP: maybe,
  accuracyGap: maybe,
  accuracyGapP: maybe,
  markerRiseP: maybe,
  capitulationRiseP: maybe,
  gatePassedShare: rate,
  allShare: rate,
});

export const sycophancyCheck = envelope(
  'sycophancy',
  z.object({
    markerRate: rate,
    capitulationRate: rate,
    gatePassedShare: rate,
    allShare: rate,
    versions: z.array(sycophancyVersion),
  }),
  z.array(sycophancyVersion),
);

const biasSummary = {
  difference: maybe.describe('Pooled Mantel–Haenszel difference of the extreme quintiles'),
  ci: z.tuple([z.number(), z.number()]).nullable(),
  p: maybe,
  crossoverDifference: maybe,
  crossoverP: maybe,
};
const quintileRow = z.object({
  quintile: count,
  correct: z.object({ n: count, positiveRate: rate }),
  incorrect: z.object({ n: count, positiveRate: rate }),
});

export const latencyBiasCheck = envelope(
  'latency-bias',
  z.object({
    latency: z.object({ ...biasSummary, quintileBoundsMs: z.array(z.number()) }),
    length: z.object({ ...biasSummary, quintileBoundsWords: z.array(z.number()) }),
  }),
  z.object({ latency: z.array(quintileRow), length: z.array(quintileRow) }),
);

export const survivorshipCheck = envelope(
  'survivorship',
  z.object({
    topDecileExplicitShare: rate,
    explicitSuccessRate: rate,
    implicitSuccessRate: rate,
    disagreement: maybe,
  }),
  z.array(
    z.object({
      segment: z.enum(['top_10', 'next_40', 'bottom_50']),
      users: count,
      interactions: count,
      explicitShare: rate,
      explicitSuccessRate: rate,
      implicitSuccessRate: rate,
    }),
  ),
);
