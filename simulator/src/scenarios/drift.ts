import { dayTime } from '../timeline';
import type { CommonParams, SimulationPlan } from '../types';
import { basePlan, resolveCommon, selectedWorkloads } from './base';
import { HEALTHY_DELTAS, chainsFor, type CycleParams } from './chain';

export interface DriftParams extends CommonParams, CycleParams {
  /** Day index on which the input mix changes; default two thirds into the run. */
  driftDay?: number;
  /** Workload shares from the drift day on. */
  workloadShares: Record<string, number>;
  offLanguageRate: number;
  promptLengthFactor: number;
}

export const DRIFT_DEFAULTS = {
  ...HEALTHY_DELTAS,
  workloadShares: { 'support-chat': 0.25, 'code-assist': 0.6, 'doc-summary': 0.15 },
  offLanguageRate: 0.3,
  promptLengthFactor: 3,
};

/** On one day the input mix shifts: another workload dominates, more off-language and longer prompts. */
export function driftScenario(params: Partial<DriftParams> = {}): SimulationPlan {
  const common = resolveCommon(params);
  const bases = selectedWorkloads(common);
  const p = { ...DRIFT_DEFAULTS, ...params, ...common };
  const driftDay = p.driftDay ?? Math.round((p.days * 2) / 3);
  if (!Number.isInteger(driftDay) || driftDay < 1 || driftDay >= p.days) {
    throw new Error(`driftDay must be a day between 1 and ${p.days - 1}`);
  }
  const plan = basePlan('drift', common);
  plan.versions = chainsFor(bases, p.days, p.seed, p);
  plan.drift = {
    day: driftDay,
    workloadShares: p.workloadShares,
    offLanguageRate: p.offLanguageRate,
    promptLengthFactor: p.promptLengthFactor,
  };
  plan.injected.push({
    kind: 'drift',
    at: new Date(dayTime(plan, driftDay)).toISOString(),
    workloadSharesBefore: Object.fromEntries(plan.workloads.map((w) => [w.id, w.share])),
    workloadSharesAfter: p.workloadShares,
    offLanguageRateBefore: plan.content.offLanguageRate,
    offLanguageRateAfter: p.offLanguageRate,
    promptLengthFactorAfter: p.promptLengthFactor,
  });
  // Mix PSI is a project-wide check: '*' stands for "not one workload".
  plan.expectedAlarms.push({ kind: 'drift', workloadId: '*' });
  plan.params = { ...p, driftDay };
  return plan;
}
