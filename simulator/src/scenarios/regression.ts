import { dayTime } from '../timeline';
import type { CommonParams, SimulationPlan } from '../types';
import { basePlan, resolveCommon, selectedWorkloads, type WorkloadBase } from './base';
import { HEALTHY_DELTAS, chainsFor, deployDayOf, resolveSchedule, type CycleParams } from './chain';
import { regressionPower } from './power';

export interface RegressionParams extends CommonParams, CycleParams {
  /** The workload whose cycle regresses. */
  workloadId: string;
  /** Which of its cycles (1-based) regresses. */
  regressedCycle: number;
  /** Points of accuracy (and so success rate) the regressed version loses against its parent. */
  dropPoints: number;
  /** Days until the rollback; null: never rolled back. Default 6, or a day less than a short cycle. */
  rollbackAfterDays: number | null;
}

export const REGRESSION_DEFAULTS = {
  ...HEALTHY_DELTAS,
  workloadId: 'support-chat',
  regressedCycle: 2,
  dropPoints: 15,
};

const DEFAULT_ROLLBACK_AFTER_DAYS = 6;

/** A deployed version loses `dropPoints` of success rate and is rolled back (a PATCH) after a few days. */
export function regressionScenario(params: Partial<RegressionParams> = {}): SimulationPlan {
  const common = resolveCommon(params);
  const bases = selectedWorkloads(common);
  const merged = { ...REGRESSION_DEFAULTS, ...params, ...common };
  const rollbackAfterDays =
    params.rollbackAfterDays !== undefined
      ? params.rollbackAfterDays
      : Math.min(DEFAULT_ROLLBACK_AFTER_DAYS, resolveSchedule(merged.days, merged).cycleDays - 1);
  const p = { ...merged, rollbackAfterDays };
  const plan = basePlan('regression', common);
  const bad = regressedVersion(p, bases);
  plan.versions = chainsFor(bases, p.days, p.seed, p, (workloadId, k) =>
    workloadId === p.workloadId && k === p.regressedCycle
      ? { deltaPoints: -p.dropPoints, rollbackAfterDays: p.rollbackAfterDays }
      : undefined,
  );
  const badSpec = plan.versions.find((v) => v.version === bad.version)!;
  const parentSpec = plan.versions.find((v) => v.version === bad.parent)!;
  plan.injected.push({
    kind: 'regression',
    workloadId: p.workloadId,
    version: bad.version,
    parent: bad.parent,
    at: new Date(dayTime(plan, bad.deployDay, plan.deployHour)).toISOString(),
    rolledBackAt:
      p.rollbackAfterDays === null
        ? null
        : new Date(dayTime(plan, bad.deployDay + p.rollbackAfterDays, plan.deployHour)).toISOString(),
    effectPoints: -p.dropPoints,
    ...regressionPower(plan, badSpec, parentSpec),
  });
  plan.expectedAlarms.push(
    { kind: 'regression_after_deploy', workloadId: p.workloadId, version: bad.version, parent: bad.parent },
    { kind: 'negative_cycle_delta', workloadId: p.workloadId, version: bad.version, parent: bad.parent },
  );
  plan.params = p;
  return plan;
}

/** Where the regressed cycle lands, checked against the run's length. */
export function regressedVersion(
  p: Pick<RegressionParams, 'workloadId' | 'regressedCycle' | 'rollbackAfterDays' | 'days'> & CycleParams,
  bases: readonly WorkloadBase[],
): { version: string; parent: string; deployDay: number } {
  const index = bases.findIndex((w) => w.spec.id === p.workloadId);
  if (index < 0) throw new Error(`workloadId must be one of ${bases.map((w) => w.spec.id).join(', ')}`);
  if (!Number.isInteger(p.regressedCycle) || p.regressedCycle < 1)
    throw new Error('regressedCycle must be 1 or more');
  const deployDay = deployDayOf(p.days, p, index, p.regressedCycle);
  if (deployDay >= p.days) {
    throw new Error(
      `cycle ${p.regressedCycle} of ${p.workloadId} would deploy on day ${deployDay}, after the run's ${p.days} days`,
    );
  }
  const { cycleDays } = resolveSchedule(p.days, p);
  if (p.rollbackAfterDays !== null && (p.rollbackAfterDays < 1 || p.rollbackAfterDays >= cycleDays)) {
    throw new Error(
      `rollbackAfterDays must be between 1 and ${cycleDays - 1} (the next cycle deploys after ${cycleDays} days)`,
    );
  }
  // Healthy cycles before it all deploy, so its parent is the previous cycle's version.
  const version = `${p.workloadId}-v${p.regressedCycle}`;
  return { version, parent: `${p.workloadId}-v${p.regressedCycle - 1}`, deployDay };
}
