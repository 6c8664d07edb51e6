import type { CommonParams, SimulationPlan } from '../types';
import { basePlan, resolveCommon, selectedWorkloads } from './base';
import { HEALTHY_DELTAS, chainsFor, type CycleParams } from './chain';

export type HealthyParams = CommonParams & CycleParams;

/** The control: every cycle gains 2–5 points of success rate, nothing goes wrong, nothing should alarm. */
export function healthyScenario(params: Partial<HealthyParams> = {}): SimulationPlan {
  const common = resolveCommon(params);
  const bases = selectedWorkloads(common);
  const cycles: CycleParams = { ...HEALTHY_DELTAS, ...params };
  const plan = basePlan('healthy', common);
  plan.versions = chainsFor(bases, common.days, common.seed, cycles);
  plan.params = { ...common, ...cycles };
  return plan;
}
