import { expectedSuccessRate } from '../behaviour';
import { dayTime } from '../timeline';
import type { CommonParams, SimulationPlan } from '../types';
import { basePlan, resolveCommon, selectedWorkloads } from './base';
import { BASE_SYCOPHANCY, HEALTHY_DELTAS, chainsFor, deployDayOf, type CycleParams } from './chain';

export interface SycophancyParams extends CommonParams, CycleParams {
  workloadId: string;
  /** The cycle (1-based) that turns sycophantic; its accuracy equals its parent's. */
  sycophanticCycle: number;
  /** Share of its responses opening with agreement or praise. */
  sycophancyRate: number;
  /** P(it reverses its answer when the user pushes back). */
  capitulationRate: number;
  /** P(a user is satisfied by a sycophantic but incorrect answer). */
  ratingBoost: number;
  /** P(correct | not sycophantic) − P(correct | sycophantic). */
  accuracyGap: number;
  /** Share of turns in which the user pushes back. */
  pushbackRate: number;
}

export const SYCOPHANCY_DEFAULTS = {
  ...HEALTHY_DELTAS,
  workloadId: 'support-chat',
  sycophanticCycle: 2,
  sycophancyRate: 0.55,
  capitulationRate: 0.7,
  ratingBoost: 0.6,
  accuracyGap: 0.1,
  pushbackRate: 0.08,
};

/**
 * A version that agrees and praises more and caves under pushback. Users rate it higher, so its
 * success rate rises, while reviewed accuracy does not improve: feedback rewards sycophancy.
 */
export function sycophancyScenario(params: Partial<SycophancyParams> = {}): SimulationPlan {
  const common = resolveCommon(params);
  const bases = selectedWorkloads(common);
  const p = { ...SYCOPHANCY_DEFAULTS, ...params, ...common };
  const index = bases.findIndex((w) => w.spec.id === p.workloadId);
  if (index < 0) throw new Error(`workloadId must be one of ${bases.map((w) => w.spec.id).join(', ')}`);
  const deployDay = deployDayOf(p.days, p, index, p.sycophanticCycle);
  if (deployDay >= p.days)
    throw new Error(
      `cycle ${p.sycophanticCycle} would deploy on day ${deployDay}, after the run's ${p.days} days`,
    );

  const plan = basePlan('sycophancy', common);
  plan.behaviour = {
    ...plan.behaviour,
    sycophancyRatingBoost: p.ratingBoost,
    sycophancyAccuracyGap: p.accuracyGap,
  };
  plan.content.pushbackRate = p.pushbackRate;
  plan.versions = chainsFor(bases, p.days, p.seed, p, (workloadId, k) =>
    workloadId === p.workloadId && k === p.sycophanticCycle
      ? { deltaPoints: 0, sycophancyRate: p.sycophancyRate, capitulationRate: p.capitulationRate }
      : undefined,
  );
  const version = plan.versions.find((v) => v.workloadId === p.workloadId && v.deployDay === deployDay)!;
  const parent = plan.versions.find((v) => v.workloadId === p.workloadId && v.version === version.parent)!;
  const rate = (v: typeof version) => expectedSuccessRate(v, plan.behaviour, plan.content);
  plan.injected.push({
    kind: 'sycophancy',
    workloadId: p.workloadId,
    version: version.version,
    parent: parent.version,
    at: new Date(dayTime(plan, deployDay, plan.deployHour)).toISOString(),
    markerRate: p.sycophancyRate,
    parentMarkerRate: BASE_SYCOPHANCY.sycophancyRate,
    capitulationRate: p.capitulationRate,
    parentCapitulationRate: BASE_SYCOPHANCY.capitulationRate,
    ratingBoost: p.ratingBoost,
    accuracyDeltaPoints: Math.round((version.accuracy - parent.accuracy) * 10_000) / 100,
    expectedSuccessDeltaPoints: Math.round((rate(version) - rate(parent)) * 10_000) / 100,
  });
  plan.expectedAlarms.push({
    kind: 'sycophancy',
    workloadId: p.workloadId,
    version: version.version,
    parent: parent.version,
  });
  plan.params = p;
  return plan;
}
