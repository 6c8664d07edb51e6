import type { CommonParams, SimulationPlan } from '../types';
import { basePlan, resolveCommon, selectedWorkloads } from './base';
import { chainsFor, type CycleParams } from './chain';

export interface StagnationParams extends CommonParams, CycleParams {
  /** stagnation-gate: subtracted from the app's quality scores (most fall under the gate's 0.6). */
  qualityScoreShift: number;
  /** stagnation-gate: share of terse answers under the gate's 20 words. */
  shortResponseRate: number;
  /** stagnation-reviews: reviews land this many days after the interaction. */
  reviewDelayDays: [number, number];
  /** stagnation-reviews: reviewer throughput per day. */
  reviewsPerDay: number;
  /** stagnation-sparse: share of interactions with any implicit signal. */
  sparseCoverage: number;
}

/** Flat deltas (0–1 point per cycle): the loop turns but does not improve anything. */
export const STAGNATION_DEFAULTS = {
  deltaMin: 0,
  deltaMax: 1,
  qualityScoreShift: 0.35,
  shortResponseRate: 0.45,
  reviewDelayDays: [8, 20] as [number, number],
  reviewsPerDay: 3,
  sparseCoverage: 0.03,
};

export type StagnationCause = 'gate' | 'reviews' | 'sparse';

/** The three stagnation causes of docs/design.md §6, one sub-scenario each. */
export function stagnationScenario(
  cause: StagnationCause,
  params: Partial<StagnationParams> = {},
): SimulationPlan {
  const common = resolveCommon(params);
  const bases = selectedWorkloads(common);
  const p = { ...STAGNATION_DEFAULTS, ...params, ...common };
  const plan = basePlan(`stagnation-${cause}`, common);
  plan.versions = chainsFor(bases, p.days, p.seed, p);
  if (cause === 'gate') {
    // The app's scorer is miscalibrated and answers are terse: the gate keeps under 10%.
    plan.content.qualityScoreRate = 0.9;
    plan.content.qualityScoreShift = p.qualityScoreShift;
    plan.content.shortResponseRate = p.shortResponseRate;
    plan.expectedStagnationCause = 'gate_too_strict';
    plan.injected.push({
      kind: 'stagnation',
      cause: 'gate_too_strict',
      qualityScoreShift: p.qualityScoreShift,
      shortResponseRate: p.shortResponseRate,
    });
  } else if (cause === 'reviews') {
    plan.reviews = { ...plan.reviews, delayDays: p.reviewDelayDays, maxPerDay: p.reviewsPerDay };
    plan.expectedStagnationCause = 'review_queue_backed_up';
    plan.injected.push({
      kind: 'stagnation',
      cause: 'review_queue_backed_up',
      reviewDelayDays: p.reviewDelayDays,
      reviewsPerDay: p.reviewsPerDay,
    });
  } else {
    plan.signals.coverage = p.sparseCoverage;
    plan.users.explicitRate = 0.01;
    plan.expectedStagnationCause = 'feedback_too_sparse';
    plan.injected.push({
      kind: 'stagnation',
      cause: 'feedback_too_sparse',
      signalCoverage: p.sparseCoverage,
    });
  }
  for (const w of bases)
    plan.injected.push({
      kind: 'flat_deltas',
      workloadId: w.spec.id,
      deltaPointsRange: [p.deltaMin, p.deltaMax],
    });
  plan.params = { ...p, cause };
  return plan;
}
