import type { GateBucket, VelocityBucket } from '@flywheel/api';
import { toChartData, type ChartDatum } from '../../../shared/lib/chart-data';

const dayStart = (bucket: string) => `${bucket}T00:00:00Z`;

export interface Frame {
  from?: number;
  to?: number;
  stepMs: number;
}

export function velocitySeries(buckets: VelocityBucket[], frame: Frame): ChartDatum[] {
  return toChartData(buckets, {
    time: (b) => dayStart(b.bucket),
    values: (b) => ({
      interactions: b.interactions,
      candidates: b.candidates,
      successRate: b.successRate,
      explicitRate: b.explicitRate,
      coverage: b.coverage,
      passRate: b.gate.passRate,
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

/** Signal kinds per bucket, when the server reports them (`signalMix` on velocity buckets). */
export function signalMixSeries(
  buckets: VelocityBucket[],
  frame: Frame,
): { data: ChartDatum[]; kinds: string[] } | null {
  const withMix = buckets.filter((b) => (b as { signalMix?: Record<string, number> }).signalMix);
  if (withMix.length === 0) return null;
  const mixOf = (b: VelocityBucket) => (b as { signalMix?: Record<string, number> }).signalMix ?? {};
  const kinds = [...new Set(withMix.flatMap((b) => Object.keys(mixOf(b))))].sort();
  const data = toChartData(withMix, {
    time: (b) => dayStart(b.bucket),
    values: (b) => Object.fromEntries(kinds.map((k) => [k, mixOf(b)[k] ?? 0])),
    series: kinds,
    ...frame,
  });
  return { data, kinds };
}
