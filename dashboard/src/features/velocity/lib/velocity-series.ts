import type { GateBucket, SignalMixReport, VelocityBucket, WorkloadVelocity } from '@flywheel/api';
import { toChartData, type ChartDatum } from '../../../shared/lib/chart-data';

const dayStart = (bucket: string) => `${bucket}T00:00:00Z`;

export interface Frame {
  from?: number;
  to?: number;
  stepMs: number;
}

/** A project's buckets carry the gate's pass rate; a workload's own series (on the Overview) does not. */
export function velocitySeries(
  buckets: Array<WorkloadVelocity['buckets'][number] & Partial<Pick<VelocityBucket, 'gate'>>>,
  frame: Frame,
): ChartDatum[] {
  return toChartData(buckets, {
    time: (b) => dayStart(b.bucket),
    values: (b) => ({
      interactions: b.interactions,
      candidates: b.candidates,
      successRate: b.successRate,
      explicitRate: b.explicitRate,
      coverage: b.coverage,
      passRate: b.gate?.passRate ?? null,
    }),
    series: ['interactions', 'candidates', 'successRate', 'explicitRate', 'coverage', 'passRate'],
    ...frame,
  });
}

/** Rejections per reason and bucket; reasons ordered by their total, largest first. */
export function rejectionSeries(
  buckets: GateBucket[],
  frame: Frame,
): { data: ChartDatum[]; reasons: string[] } {
  const totals = new Map<string, number>();
  for (const b of buckets)
    for (const [r, n] of Object.entries(b.rejections)) totals.set(r, (totals.get(r) ?? 0) + n);
  const reasons = [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([r]) => r);
  const data = toChartData(buckets, {
    time: (b) => dayStart(b.bucket),
    values: (b) => Object.fromEntries(reasons.map((r) => [r, b.rejections[r] ?? 0])),
    series: reasons,
    ...frame,
  });
  return { data, reasons };
}

/**
 * Signal kinds per bucket, kinds ordered by their total (largest first, so the stack's base is the
 * commonest), and the explicit share per bucket. A bucket without signals is a gap.
 */
export function signalMixSeries(
  report: SignalMixReport,
  frame: Frame,
): { data: ChartDatum[]; kinds: string[] } {
  const kinds = report.kinds.map((k) => k.kind);
  const data = toChartData(report.buckets, {
    time: (b) => dayStart(b.bucket),
    values: (b) => ({
      ...Object.fromEntries(kinds.map((k) => [k, b.kinds[k] ?? 0])),
      explicitShare: b.signals > 0 ? b.explicit / b.signals : null,
    }),
    series: [...kinds, 'explicitShare'],
    ...frame,
  });
  return { data, kinds };
}
