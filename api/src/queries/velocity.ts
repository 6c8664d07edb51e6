import type { ClickHouseClient } from '@flywheel/storage';
import { interactionOutcomesSql, scopeParams, type Scope } from './outcomes';

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

const counts = (row: CountsRow): ActivityCounts => ({
  interactions: Number(row.n_interactions),
  candidates: Number(row.n_candidates),
  successes: Number(row.n_successes),
  explicit: Number(row.n_explicit),
});

/** Data collection per day or week (docs/design.md §6): interactions, candidates, explicit signals, successes. */
export async function activityBuckets(
  client: ClickHouseClient,
  scope: Scope,
  bucket: 'day' | 'week',
): Promise<ActivityBucket[]> {
  const start = bucket === 'week' ? 'toMonday(time)' : 'toDate(time)';
  const result = await client.query({
    query: `
      SELECT toString(${start}) AS bucket_start, ${COUNTS_SQL}
      FROM (${interactionOutcomesSql()})
      GROUP BY bucket_start
      ORDER BY bucket_start`,
    query_params: scopeParams(scope),
    format: 'JSONEachRow',
  });
  const rows = await result.json<CountsRow & { bucket_start: string }>();
  return rows.map((row) => ({ bucket: row.bucket_start, ...counts(row) }));
}

/** The same counts per workload over the scope (phase and stagnation evidence). */
export async function activityByWorkload(
  client: ClickHouseClient,
  scope: Scope,
): Promise<Array<ActivityCounts & { workloadId: string }>> {
  const result = await client.query({
    query: `
      SELECT workload_id AS workload, ${COUNTS_SQL}
      FROM (${interactionOutcomesSql(['workload_id'])})
      GROUP BY workload
      ORDER BY workload`,
    query_params: scopeParams(scope),
    format: 'JSONEachRow',
  });
  const rows = await result.json<CountsRow & { workload: string }>();
  return rows.map((row) => ({ workloadId: row.workload, ...counts(row) }));
}
