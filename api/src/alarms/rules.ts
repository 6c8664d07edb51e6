import { z } from 'zod';
import { UINT32_MAX } from '../contract/ranges';
import type { AlarmKind } from './types';

/** Default thresholds of docs/design.md §8; each can be overridden per project and rule. */
export const regressionRule = z.object({
  enabled: z.boolean().default(true),
  /** Success-rate drop, in points, that counts as a regression. */
  minDropPoints: z.number().min(0).max(100).default(2),
  maxPValue: z.number().gt(0).max(1).default(0.01),
  minSamplesPerArm: z.number().int().min(1).max(UINT32_MAX).default(200),
  /** The version's first W days against the parent's last W days before the deploy. */
  windowDays: z.number().min(0.1).max(90).default(7),
  /** Only versions deployed this recently are watched. */
  lookbackDays: z.number().min(1).max(365).default(30),
  /** Below this share of the workload's traffic over the last day a version counts as rolled back. */
  rolledBackShare: z.number().min(0).max(1).default(0.05),
});
export const negativeFlywheelRule = z.object({
  enabled: z.boolean().default(true),
  /** Interactions per day down at least this much week over week, for `weeks` weeks in a row. */
  minWeeklyDrop: z.number().min(0).max(1).default(0.2),
  weeks: z.number().int().min(1).max(8).default(2),
});
export const regenerationSpikeRule = z.object({
  enabled: z.boolean().default(true),
  minRelativeIncrease: z.number().min(0).max(1000).default(0.5),
  maxPValue: z.number().gt(0).max(1).default(0.01),
  minSamples: z.number().int().min(1).max(UINT32_MAX).default(200),
  /** The last `recentHours` against the `baselineDays` before them. */
  recentHours: z
    .number()
    .min(1)
    .max(24 * 14)
    .default(24),
  baselineDays: z.number().min(1).max(90).default(7),
});
export const passRateCollapseRule = z.object({
  enabled: z.boolean().default(true),
  minRelativeDrop: z.number().min(0).max(1).default(0.5),
  minEvaluatedPerDay: z.number().int().min(1).max(UINT32_MAX).default(100),
  /** The drop must also be significant: day-to-day noise at low volume is not a collapse. */
  maxPValue: z.number().gt(0).max(1).default(0.01),
});

const toggle = (enabled: boolean) => z.object({ enabled: z.boolean().default(enabled) }).default({ enabled });

export const rulesSchema = z.object({
  negative_cycle_delta: toggle(true),
  drift: toggle(true),
  latency_bias: toggle(true),
  // Opt-in: on the 90-day healthy control these checks' alarm verdicts fired on chance (marker-rate rises
  // at p ≈ 0.02–0.05 per version pair, kappa over 40–90 review pairs), evaluated daily. They stay on the
  // dashboard's Checks page; a team that wants them to page turns them on.
  sycophancy: toggle(false),
  judge_agreement: toggle(false),
  regression_after_deploy: regressionRule.default(regressionRule.parse({})),
  negative_flywheel: negativeFlywheelRule.default(negativeFlywheelRule.parse({})),
  regeneration_spike: regenerationSpikeRule.default(regenerationSpikeRule.parse({})),
  pass_rate_collapse: passRateCollapseRule.default(passRateCollapseRule.parse({})),
});
export type Rules = z.infer<typeof rulesSchema>;
export const DEFAULT_RULES: Rules = rulesSchema.parse({});

export const SEVERITY: Record<AlarmKind, 'critical' | 'warning'> = {
  regression_after_deploy: 'critical',
  negative_flywheel: 'critical',
  regeneration_spike: 'warning',
  pass_rate_collapse: 'warning',
  negative_cycle_delta: 'warning',
  drift: 'warning',
  sycophancy: 'warning',
  latency_bias: 'warning',
  judge_agreement: 'warning',
};
