import { gateConfigFor } from '../../analytics/gate-settings';
import { addDays, addMicros, eventTimeToIso } from '../../analytics/time';
import { compareArms } from '../../queries/arms';
import { versionSpans, versionTraffic } from '../../queries/deploys';
import { SEVERITY } from '../rules';
import type { Condition } from '../types';
import type { DetectorContext } from './context';

/** A significant drop of a version against its parent, whether or not it has been rolled back since. */
export interface QualityDrop {
  workloadId: string;
  modelVersion: string;
  parentVersion: string;
  deployedAt: string;
  rolledBack: boolean;
  evidence: Record<string, unknown>;
}

const pct = (s: number, n: number) => (n > 0 ? (100 * s) / n : 0);
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * docs/design.md §8 `regression_after_deploy`: a version's success rate over its first W days (so far) is at least
 * `minDropPoints` below its parent's over the W days before the deploy, p < `maxPValue`, n ≥ `minSamplesPerArm`
 * per arm. A deploy is the cycle's registered deploy time, else the version's first traffic in the workload;
 * the parent is the cycle's parent, else the version that served most of the workload just before.
 */
export async function findQualityDrops(ctx: DetectorContext): Promise<QualityDrop[]> {
  const rule = ctx.rules.regression_after_deploy;
  const spans = await versionSpans(ctx.client, ctx.projectId, ctx.asOf);
  const drops: QualityDrop[] = [];
  for (const span of spans) {
    // The version's arm counts some of these interactions, never more: a version short of samples
    // overall cannot qualify, and is passed over without a query (the junk workloads and versions a
    // misbehaving sender leaves behind would otherwise cost four queries each).
    if (span.interactions < rule.minSamplesPerArm) continue;
    const registered = ctx.deploys.find(
      (d) => d.workloadId === span.workloadId && d.modelVersion === span.modelVersion,
    );
    const deployedAt = registered?.deployedAt ?? span.firstSeen;
    if (deployedAt < addDays(ctx.asOf, -rule.lookbackDays) || deployedAt > ctx.asOf) continue;
    const before = await versionTraffic(ctx.client, {
      projectId: ctx.projectId,
      workload: span.workloadId,
      from: addDays(deployedAt, -rule.windowDays),
      to: deployedAt,
    });
    const parent =
      registered?.parentVersion || before.find((v) => v.modelVersion !== span.modelVersion)?.modelVersion;
    if (!parent) continue; // the workload's first version has nothing to regress from
    const windowEnd = addDays(deployedAt, rule.windowDays);
    const justAfterAsOf = addMicros(ctx.asOf, 1n);
    const versionWindow = { from: deployedAt, to: windowEnd < justAfterAsOf ? windowEnd : justAfterAsOf };
    const parentWindow = { from: addDays(deployedAt, -rule.windowDays), to: deployedAt };
    // Outcomes count the signals the workload's gate counts (docs/design.md §3, §5).
    const { signalWindowHours } = await gateConfigFor(ctx.client, ctx.projectId, span.workloadId);
    const cmp = await compareArms(ctx.client, {
      projectId: ctx.projectId,
      asOf: ctx.asOf,
      signalWindowHours,
      a: { workload: span.workloadId, modelVersion: span.modelVersion, ...versionWindow },
      b: { workload: span.workloadId, modelVersion: parent, ...parentWindow },
    });
    if (cmp.a.n < rule.minSamplesPerArm || cmp.b.n < rule.minSamplesPerArm || cmp.pValue === null) continue;
    const deltaPoints = pct(cmp.a.successes, cmp.a.n) - pct(cmp.b.successes, cmp.b.n);
    if (deltaPoints > -rule.minDropPoints || cmp.pValue >= rule.maxPValue) continue;
    const lastDay = await versionTraffic(ctx.client, {
      projectId: ctx.projectId,
      workload: span.workloadId,
      from: addDays(ctx.asOf, -1),
      to: justAfterAsOf,
    });
    const total = lastDay.reduce((n, v) => n + v.interactions, 0);
    const share =
      total > 0 ? (lastDay.find((v) => v.modelVersion === span.modelVersion)?.interactions ?? 0) / total : 0;
    drops.push({
      workloadId: span.workloadId,
      modelVersion: span.modelVersion,
      parentVersion: parent,
      deployedAt,
      rolledBack: share < rule.rolledBackShare || Boolean(registered?.rolledBackAt),
      evidence: {
        deployedAt: eventTimeToIso(deployedAt),
        deploySource: registered ? 'cycle' : 'first_traffic',
        parentVersion: parent,
        windowDays: rule.windowDays,
        version: {
          successRatePercent: round(pct(cmp.a.successes, cmp.a.n)),
          successes: cmp.a.successes,
          n: cmp.a.n,
          from: eventTimeToIso(versionWindow.from),
          to: eventTimeToIso(versionWindow.to),
        },
        parent: {
          successRatePercent: round(pct(cmp.b.successes, cmp.b.n)),
          successes: cmp.b.successes,
          n: cmp.b.n,
          from: eventTimeToIso(parentWindow.from),
          to: eventTimeToIso(parentWindow.to),
        },
        deltaPoints: round(deltaPoints),
        pValue: cmp.pValue,
        trafficShareLastDay: round(share, 3),
      },
    });
  }
  return drops;
}

/** Regressions of versions that still serve traffic; a rollback resolves the alarm. */
export function regressionConditions(drops: QualityDrop[]): Condition[] {
  return drops
    .filter((d) => !d.rolledBack)
    .map((d) => {
      const e = d.evidence as {
        version: { successRatePercent: number; n: number };
        parent: { successRatePercent: number; n: number };
        deltaPoints: number;
        pValue: number;
      };
      return {
        kind: 'regression_after_deploy',
        severity: SEVERITY.regression_after_deploy,
        workloadId: d.workloadId,
        modelVersion: d.modelVersion,
        evidence: d.evidence,
        recommendation:
          `Roll back ${d.workloadId} to ${d.parentVersion}: ${d.modelVersion} succeeds ${e.version.successRatePercent}% ` +
          `against ${e.parent.successRatePercent}% for ${d.parentVersion} (${e.deltaPoints} points, p = ${e.pValue.toPrecision(2)}, ` +
          `n = ${e.version.n} / ${e.parent.n}).`,
      };
    });
}
