import type { ClickHouseClient } from '@flywheel/storage';
import { gateBuckets, type GateBucket, type GateConfig } from '../queries/gate';
import { gateConfigHistory } from '../queries/gate-config';
import { gateBand } from './gate-band';
import { effectiveGateConfig, gateConfigFor } from './gate-settings';
import { eventTimeToIso } from './time';

export interface GateReportParams {
  projectId: string;
  /** '' for every workload. */
  workload: string;
  /** Event-time window [from, to) and the evaluation time, DateTime64 text. */
  from: string;
  to: string;
  asOf: string;
  bucket: 'day' | 'week';
  /** Thresholds tried for this request only, over the stored configuration. */
  overrides: Partial<GateConfig>;
}

/** Sums buckets; the pass rate is null when nothing was evaluated (a gap, never a made-up 0). */
export function gateTotal(buckets: GateBucket[]): Omit<GateBucket, 'bucket'> {
  const evaluated = buckets.reduce((n, b) => n + b.evaluated, 0);
  const passed = buckets.reduce((n, b) => n + b.passed, 0);
  const rejections: Record<string, number> = {};
  for (const b of buckets)
    for (const [k, v] of Object.entries(b.rejections)) rejections[k] = (rejections[k] ?? 0) + v;
  return { evaluated, passed, passRate: evaluated > 0 ? passed / evaluated : null, rejections };
}

/** Counts and pass rate with its band, without the rejection reasons: what a workload's card shows. */
export function gateSummary(total: Pick<GateBucket, 'evaluated' | 'passed' | 'passRate'>) {
  return {
    evaluated: total.evaluated,
    passed: total.passed,
    passRate: total.passRate,
    band: gateBand(total.passRate),
  };
}

/** The gate's pass rate per bucket and over the window, each with its band (docs/design.md §5). */
export async function gateReport(client: ClickHouseClient, p: GateReportParams) {
  const history = await gateConfigHistory(client, p.projectId, p.workload);
  const config = effectiveGateConfig(history, p.workload, p.overrides);
  const buckets = await gateBuckets(client, {
    projectId: p.projectId,
    ...(p.workload ? { workload: p.workload } : {}),
    from: p.from,
    to: p.to,
    asOf: p.asOf,
    bucket: p.bucket,
    config,
  });
  const total = gateTotal(buckets);
  return {
    workload: p.workload || null,
    asOf: eventTimeToIso(p.asOf),
    config,
    buckets: buckets.map((b) => ({ ...b, band: gateBand(b.passRate) })),
    total: { ...total, band: gateBand(total.passRate) },
  };
}

/** One workload's gate over a window, with the workload's own configuration: what its card shows. */
export async function workloadGate(
  client: ClickHouseClient,
  p: { projectId: string; workload: string; from: string; to: string; asOf: string },
) {
  const config = await gateConfigFor(client, p.projectId, p.workload);
  // Weekly buckets: only the total is kept, so the fewest rows will do.
  return gateSummary(gateTotal(await gateBuckets(client, { ...p, bucket: 'week', config })));
}
