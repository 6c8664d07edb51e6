import type { CommonParams, SimulationPlan } from '../types';
import { basePlan, resolveCommon, selectedWorkloads } from './base';
import { HEALTHY_DELTAS, chainsFor, type CycleParams } from './chain';

export interface LatencyBiasParams extends CommonParams, CycleParams {
  /** P(satisfied) = accuracy + slope × (0.5 − latency percentile): fastest +slope/2, slowest −slope/2. */
  latencySlope: number;
}

export const LATENCY_BIAS_DEFAULTS = { ...HEALTHY_DELTAS, latencySlope: 0.4 };

/** Users rate fast answers up and slow ones down, whether or not they are correct. */
export function latencyBiasScenario(params: Partial<LatencyBiasParams> = {}): SimulationPlan {
  const common = resolveCommon(params);
  const bases = selectedWorkloads(common);
  const p = { ...LATENCY_BIAS_DEFAULTS, ...params, ...common };
  if (!(p.latencySlope > 0 && p.latencySlope <= 1)) throw new Error('latencySlope must be in (0, 1]');
  const plan = basePlan('latency-bias', common);
  plan.behaviour = { ...plan.behaviour, rating: 'latency', latencySlope: p.latencySlope };
  plan.versions = chainsFor(bases, p.days, p.seed, p);
  plan.injected.push({
    kind: 'latency_bias',
    latencySlope: p.latencySlope,
    fastestQuintileBonusPoints: Math.round(p.latencySlope * 40 * 100) / 100,
    slowestQuintilePenaltyPoints: Math.round(p.latencySlope * 40 * 100) / 100,
    ratingDependsOnCorrectness: false,
  });
  for (const w of bases) plan.expectedAlarms.push({ kind: 'latency_bias', workloadId: w.spec.id });
  plan.params = p;
  return plan;
}
