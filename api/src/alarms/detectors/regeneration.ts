import { addDays, addHours, eventTimeToIso } from '../../analytics/time';
import { signalRateChanges } from '../../queries/arms';
import { SEVERITY } from '../rules';
import type { Condition } from '../types';
import type { DetectorContext } from './context';

/** docs/design.md §8 `regeneration_spike`: the share of responses users regenerate rose by ≥ 50% relative, significantly. */
export async function regenerationConditions(ctx: DetectorContext): Promise<Condition[]> {
  const rule = ctx.rules.regeneration_spike;
  const recentFrom = addHours(ctx.asOf, -rule.recentHours);
  const baselineFrom = addDays(recentFrom, -rule.baselineDays);
  // Every workload at once; those short of samples in either window are left out by the query.
  const rates = await signalRateChanges(ctx.client, {
    projectId: ctx.projectId,
    kind: 'regenerated',
    asOf: ctx.asOf,
    baselineFrom,
    recentFrom,
    minSamples: rule.minSamples,
  });
  const conditions: Condition[] = [];
  for (const r of rates) {
    const workload = r.workloadId;
    if (r.recent.n < rule.minSamples || r.baseline.n < rule.minSamples || r.pValue === null) continue;
    const recentRate = r.recent.hits / r.recent.n;
    const baselineRate = r.baseline.hits / r.baseline.n;
    if (recentRate <= baselineRate * (1 + rule.minRelativeIncrease) || r.pValue >= rule.maxPValue) continue;
    const round = (x: number) => Math.round(x * 1000) / 10;
    conditions.push({
      kind: 'regeneration_spike',
      severity: SEVERITY.regeneration_spike,
      workloadId: workload,
      modelVersion: '',
      evidence: {
        recent: {
          from: eventTimeToIso(recentFrom),
          to: eventTimeToIso(ctx.asOf),
          regenerated: r.recent.hits,
          n: r.recent.n,
          ratePercent: round(recentRate),
        },
        baseline: {
          from: eventTimeToIso(baselineFrom),
          to: eventTimeToIso(recentFrom),
          regenerated: r.baseline.hits,
          n: r.baseline.n,
          ratePercent: round(baselineRate),
        },
        relativeIncreasePercent: baselineRate > 0 ? Math.round((recentRate / baselineRate - 1) * 100) : null,
        pValue: r.pValue,
      },
      recommendation: `Users of ${workload} regenerate ${round(recentRate)}% of responses against ${round(baselineRate)}% before: check the latest deploy, prompt or provider change.`,
    });
  }
  return conditions;
}
