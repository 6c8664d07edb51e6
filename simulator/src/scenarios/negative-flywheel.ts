import { dayTime } from '../timeline';
import type { SimulationPlan } from '../types';
import { basePlan, resolveCommon, selectedWorkloads } from './base';
import { chainsFor } from './chain';
import { regressionPower } from './power';
import { REGRESSION_DEFAULTS, regressedVersion, type RegressionParams } from './regression';

export interface NegativeFlywheelParams extends Omit<RegressionParams, 'rollbackAfterDays'> {
  /** Users start leaving this many days after the bad deploy. */
  churnLagDays: number;
  /** Volume of the workload is multiplied by this each week while users leave (0.7: −30% week over week). */
  weeklyVolumeFactor: number;
  churnWeeks: number;
}

export const NEGATIVE_FLYWHEEL_DEFAULTS = {
  ...REGRESSION_DEFAULTS,
  dropPoints: 10,
  churnLagDays: 2,
  weeklyVolumeFactor: 0.7,
  churnWeeks: 3,
};

/**
 * A regression nobody rolls back, after which users leave: worse answers, fewer users, less data. The
 * workload's volume falls by (1 − weeklyVolumeFactor) week over week for `churnWeeks` weeks and no
 * further cycle ships for it.
 */
export function negativeFlywheelScenario(params: Partial<NegativeFlywheelParams> = {}): SimulationPlan {
  const common = resolveCommon(params);
  const bases = selectedWorkloads(common);
  const p = { ...NEGATIVE_FLYWHEEL_DEFAULTS, ...params, ...common, rollbackAfterDays: null };
  if (!(p.weeklyVolumeFactor > 0 && p.weeklyVolumeFactor < 1))
    throw new Error('weeklyVolumeFactor must be between 0 and 1');
  const plan = basePlan('negative-flywheel', common);
  const bad = regressedVersion(p, bases);
  plan.versions = chainsFor(bases, p.days, p.seed, p, (workloadId, k) =>
    workloadId === p.workloadId && k === p.regressedCycle
      ? { deltaPoints: -p.dropPoints, last: true }
      : undefined,
  );
  const churnStart = bad.deployDay + p.churnLagDays;
  plan.volume.churn = {
    startDay: churnStart,
    weeklyFactor: p.weeklyVolumeFactor,
    weeks: p.churnWeeks,
    workloadIds: [p.workloadId],
  };
  const at = (day: number, hour = 0) => new Date(dayTime(plan, day, hour)).toISOString();
  const badSpec = plan.versions.find((v) => v.version === bad.version)!;
  const parentSpec = plan.versions.find((v) => v.version === bad.parent)!;
  plan.injected.push(
    {
      kind: 'regression',
      workloadId: p.workloadId,
      version: bad.version,
      parent: bad.parent,
      at: at(bad.deployDay, plan.deployHour),
      rolledBackAt: null,
      effectPoints: -p.dropPoints,
      ...regressionPower(plan, badSpec, parentSpec),
    },
    {
      kind: 'churn',
      workloadId: p.workloadId,
      at: at(churnStart),
      until: at(Math.min(p.days, churnStart + 7 * p.churnWeeks)),
      weeklyVolumeChange: Math.round((p.weeklyVolumeFactor - 1) * 10_000) / 10_000,
      weeks: p.churnWeeks,
    },
  );
  plan.expectedAlarms.push(
    { kind: 'regression_after_deploy', workloadId: p.workloadId, version: bad.version, parent: bad.parent },
    { kind: 'negative_cycle_delta', workloadId: p.workloadId, version: bad.version, parent: bad.parent },
    { kind: 'negative_flywheel', workloadId: p.workloadId, version: bad.version, parent: bad.parent },
  );
  plan.params = p;
  return plan;
}
