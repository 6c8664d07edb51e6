import type { CheckQuery } from '@flywheel/api';
import { DAY_MS } from './chart-data';
import type { ResolvedRange } from './time-range';

/** The API query for a page's workload and time range. */
export function scopeQuery(scope: { workload: string | null; range: ResolvedRange }): CheckQuery {
  return {
    ...(scope.workload ? { workload: scope.workload } : {}),
    ...(scope.range.from ? { from: scope.range.from } : {}),
    ...(scope.range.to ? { to: scope.range.to } : {}),
  };
}

/** Days for ranges up to four months, weeks beyond: a chart stays readable either way. */
export function bucketFor(range: ResolvedRange, latestEventMs: number | null): 'day' | 'week' {
  const from = range.fromMs;
  const to = range.toMs ?? latestEventMs;
  if (from === undefined || to === undefined || to === null) return 'day';
  return to - from > 120 * DAY_MS ? 'week' : 'day';
}

export function bucketMs(bucket: 'day' | 'week'): number {
  return bucket === 'week' ? 7 * DAY_MS : DAY_MS;
}
