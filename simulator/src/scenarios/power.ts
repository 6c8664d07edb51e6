import { expectedSuccessRate } from '../behaviour';
import { normalCdf } from '../random';
import type { SimulationPlan, VersionSpec } from '../types';
import { churnFactor, expectedDailyVolume, workloadShares } from '../volume';

/** docs/design.md §8's regression test: the version's first W days against the parent's last W days, p < 0.01. */
const WINDOW_DAYS = 7;
const Z_TWO_SIDED_001 = 2.5758;

/**
 * How likely the regression alarm is to catch a version's drop: expected interactions with a known
 * outcome in each arm, and the power of the two-proportion z-test at p < 0.01. A drop of a few points
 * at a few hundred outcomes per arm is missed a fair share of the time; the ground truth says how often.
 */
export function regressionPower(plan: SimulationPlan, version: VersionSpec, parent: VersionSpec) {
  const deploy = version.deployDay!;
  const versionDays = Math.min(WINDOW_DAYS, (version.rollbackDay ?? plan.days) - deploy, plan.days - deploy);
  const outcomes = (from: number, to: number) => {
    let n = 0;
    for (let day = Math.max(0, Math.floor(from)); day < Math.ceil(to); day++) {
      const share = workloadShares(plan, day).get(version.workloadId) ?? 0;
      const volume = expectedDailyVolume(plan, day) * share * churnFactor(plan, day, version.workloadId);
      n += volume * plan.signals.coverage * (Math.min(to, day + 1) - Math.max(from, day));
    }
    return n;
  };
  const nVersion = outcomes(deploy, deploy + versionDays);
  // The parent arm is the parent's own traffic in the W days before the deploy.
  const nParent = outcomes(Math.max(deploy - WINDOW_DAYS, parent.deployDay ?? 0), deploy);
  const p1 = expectedSuccessRate(version, plan.behaviour, plan.content);
  const p2 = expectedSuccessRate(parent, plan.behaviour, plan.content);
  const se = Math.sqrt((p1 * (1 - p1)) / Math.max(1, nVersion) + (p2 * (1 - p2)) / Math.max(1, nParent));
  return {
    expectedOutcomes: { version: Math.round(nVersion), parent: Math.round(nParent) },
    detectionPower: Math.round(normalCdf(Math.abs(p1 - p2) / se - Z_TWO_SIDED_001) * 100) / 100,
  };
}
