import type { CheckQuery } from '@flywheel/api';
import type { ResolvedRange } from '../../../shared/lib/time-range';

/**
 * The checks' query. With a preset range (7, 30, 90 days, all) each check runs over its own rule window
 * before the newest data (28 days; the last 7 against the 28 before for drift) — the window the alarm
 * evaluator uses — so the Checks page, the Overview and the Alarms page give one verdict. A custom
 * from–to range (both in the URL) re-checks that span.
 */
export function checkQuery(
  scope: { workload: string | null; range: ResolvedRange },
  search: URLSearchParams,
): CheckQuery {
  const custom = search.get('from') && search.get('to') && scope.range.from && scope.range.to;
  return {
    ...(scope.workload ? { workload: scope.workload } : {}),
    ...(custom ? { from: scope.range.from!, to: scope.range.to! } : {}),
  };
}
