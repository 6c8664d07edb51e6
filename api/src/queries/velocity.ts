import type { ClickHouseClient } from '@flywheel/storage';
import { CUT_OUTCOME_ROWS_SQL, planParams, rawOutcomesSql, SEALED_OUTCOMES_SQL } from '../read-model/sources';
import { planRead, planReadCutAt, type ReadPlan } from '../read-model/split';
import { scopeParams, type Scope } from './outcomes';

export interface ActivityCounts {
  interactions: number;
  /** Interactions with a known outcome (success or failure). */
  candidates: number;
  successes: number;
  /** Interactions with at least one explicit signal. */
  explicit: number;
}

export interface ActivityBucket extends ActivityCounts {
  /** First day of the bucket, `YYYY-MM-DD` (UTC; weeks start on Monday). */
  bucket: string;
}

interface CountsRow {
  n_interactions: string;
  n_candidates: string;
  n_successes: string;
  n_explicit: string;
}

// Aggregates get names apart from the columns they read: ClickHouse resolves aliases in WHERE too.
const COUNTS_SQL = `
  count() AS n_interactions,
  countIf(outcome != 'unknown') AS n_candidates,
  countIf(outcome = 'success') AS n_successes,
  countIf(has_explicit) AS n_explicit`;

// The same counts over sealed `daily_outcomes` rows: they hold per-day sums of exactly these.
const SEALED_COUNTS_SQL = `
  sum(interactions) AS n_interactions,
  sum(candidates) AS n_candidates,
  sum(successes) AS n_successes,
  sum(explicit) AS n_explicit`;

// Sums of the two halves of a planned read.
const TOTAL_COUNTS_SQL = `
  sum(n_interactions) AS n_interactions,
  sum(n_candidates) AS n_candidates,
  sum(n_successes) AS n_successes,
  sum(n_explicit) AS n_explicit`;

/**
 * SQL: the counts of a scope grouped by `key` (an SQL expression over `time`, `workload_id`), each day
 * sealed in the read model read from it — a day the plan cuts row by row — and the rest from raw rows
 * (`planRead`).
 */
function plannedCountsSql(key: (time: string) => string, plan: ReadPlan): string {
  const cut =
    plan.cut.length > 0
      ? `UNION ALL
      SELECT ${key('time')} AS k, ${COUNTS_SQL}
      FROM (${CUT_OUTCOME_ROWS_SQL}) GROUP BY k`
      : '';
  return `
    SELECT k, ${TOTAL_COUNTS_SQL} FROM (
      SELECT ${key('day')} AS k, ${SEALED_COUNTS_SQL}
      FROM (${SEALED_OUTCOMES_SQL}) GROUP BY k
      ${cut}
      UNION ALL
      SELECT ${key('time')} AS k, ${COUNTS_SQL}
      FROM (${rawOutcomesSql(plan, ['workload_id'])}) GROUP BY k
    ) GROUP BY k ORDER BY k`;
}

const counts = (row: CountsRow): ActivityCounts => ({
  interactions: Number(row.n_interactions),
  candidates: Number(row.n_candidates),
  successes: Number(row.n_successes),
  explicit: Number(row.n_explicit),
});

/** One workload's counts in one bucket. */
export interface WorkloadActivityBucket extends ActivityBucket {
  workloadId: string;
}

/**
 * Data collection per workload and day or week (docs/design.md §6): interactions, candidates, explicit
 * signals, successes. One scan serves the project's series and every workload's own.
 */
export async function activityBucketsByWorkload(
  client: ClickHouseClient,
  scope: Scope,
  bucket: 'day' | 'week',
): Promise<WorkloadActivityBucket[]> {
  const start = (time: string) => `toString(${bucket === 'week' ? 'toMonday' : 'toDate'}(${time}))`;
  const plan = await planRead(client, scope);
  const result = await client.query({
    query: plannedCountsSql((time) => `(toString(workload_id), ${start(time)})`, plan),
    query_params: { ...scopeParams(scope), ...planParams(plan) },
    format: 'JSONEachRow',
  });
  const rows = await result.json<CountsRow & { k: [string, string] }>();
  return rows.map((row) => ({ workloadId: row.k[0], bucket: row.k[1], ...counts(row) }));
}

/**
 * `activityBucketsByWorkload` over the scope and `activityByWorkload` over `recent` (the phase's 28
 * days) in one statement, when the two ranges meet: each row is counted under the bucket it falls in
 * and flagged for the range(s) it lies in. A sealed day a range boundary cuts is read row by row
 * (`planReadCutAt`), so every day counted whole lies wholly inside or outside each range.
 */
export async function activityWithRecent(
  client: ClickHouseClient,
  scope: Scope,
  bucket: 'day' | 'week',
  recent: { from: string; to: string },
): Promise<{ buckets: WorkloadActivityBucket[]; recent: Array<ActivityCounts & { workloadId: string }> }> {
  if (recent.from > scope.to || scope.from > recent.to)
    return {
      buckets: await activityBucketsByWorkload(client, scope, bucket),
      recent: await activityByWorkload(client, { ...scope, ...recent }),
    };
  const union = {
    ...scope,
    from: scope.from < recent.from ? scope.from : recent.from,
    to: scope.to > recent.to ? scope.to : recent.to,
  };
  const plan = await planReadCutAt(client, union, [scope.from, scope.to, recent.from, recent.to]);
  const key = (column: string) => {
    const time = column === 'day' ? "toDateTime64(day, 6, 'UTC')" : column;
    const inside = (from: string, to: string) =>
      `${time} >= {${from}:DateTime64(6, 'UTC')} AND ${time} < {${to}:DateTime64(6, 'UTC')}`;
    return `(toString(workload_id), toString(${bucket === 'week' ? 'toMonday' : 'toDate'}(${time})),
      ${inside('windowFrom', 'windowTo')}, ${inside('recentFrom', 'recentTo')})`;
  };
  const result = await client.query({
    query: plannedCountsSql(key, plan),
    query_params: {
      ...scopeParams(union),
      ...planParams(plan),
      windowFrom: scope.from,
      windowTo: scope.to,
      recentFrom: recent.from,
      recentTo: recent.to,
    },
    format: 'JSONEachRow',
  });
  const rows = await result.json<CountsRow & { k: [string, string, number | boolean, number | boolean] }>();
  const add = (sum: ActivityCounts, c: ActivityCounts) => {
    sum.interactions += c.interactions;
    sum.candidates += c.candidates;
    sum.successes += c.successes;
    sum.explicit += c.explicit;
  };
  const empty = () => ({ interactions: 0, candidates: 0, successes: 0, explicit: 0 });
  const buckets = new Map<string, WorkloadActivityBucket>();
  const byWorkload = new Map<string, ActivityCounts & { workloadId: string }>();
  for (const row of rows) {
    const [workloadId, start, inWindow, inRecent] = row.k;
    if (Number(inWindow) === 1) {
      const id = `${workloadId}\u0000${start}`;
      const b = buckets.get(id) ?? { workloadId, bucket: start, ...empty() };
      add(b, counts(row));
      buckets.set(id, b);
    }
    if (Number(inRecent) === 1) {
      const w = byWorkload.get(workloadId) ?? { workloadId, ...empty() };
      add(w, counts(row));
      byWorkload.set(workloadId, w);
    }
  }
  const order = (a: WorkloadActivityBucket, b: WorkloadActivityBucket) =>
    a.workloadId < b.workloadId ? -1 : a.workloadId > b.workloadId ? 1 : a.bucket < b.bucket ? -1 : 1;
  return { buckets: [...buckets.values()].sort(order), recent: [...byWorkload.values()] };
}

/** The counts of every workload summed per bucket, in bucket order. */
export function sumByBucket(rows: readonly ActivityBucket[]): ActivityBucket[] {
  const sums = new Map<string, ActivityBucket>();
  for (const row of rows) {
    const sum = sums.get(row.bucket) ?? {
      bucket: row.bucket,
      interactions: 0,
      candidates: 0,
      successes: 0,
      explicit: 0,
    };
    sum.interactions += row.interactions;
    sum.candidates += row.candidates;
    sum.successes += row.successes;
    sum.explicit += row.explicit;
    sums.set(row.bucket, sum);
  }
  return [...sums.values()].sort((a, b) => a.bucket.localeCompare(b.bucket));
}

/** Data collection per day or week over the scope's workloads. */
export async function activityBuckets(
  client: ClickHouseClient,
  scope: Scope,
  bucket: 'day' | 'week',
): Promise<ActivityBucket[]> {
  return sumByBucket(await activityBucketsByWorkload(client, scope, bucket));
}

/** The same counts per workload over the scope (phase and stagnation evidence). */
export async function activityByWorkload(
  client: ClickHouseClient,
  scope: Scope,
): Promise<Array<ActivityCounts & { workloadId: string }>> {
  const plan = await planRead(client, scope);
  const result = await client.query({
    query: plannedCountsSql(() => 'toString(workload_id)', plan),
    query_params: { ...scopeParams(scope), ...planParams(plan) },
    format: 'JSONEachRow',
  });
  const rows = await result.json<CountsRow & { k: string }>();
  return rows.map((row) => ({ workloadId: row.k, ...counts(row) }));
}
