import type { ClickHouseClient } from '@flywheel/storage';
import { outcomeWindow, type OutcomeSource } from '../../read-model/outcome-window';
import { scopeParams, type Scope } from '../outcomes';

export type Segment = 'top_10' | 'next_40' | 'bottom_50';

export interface SegmentCounts {
  segment: Segment;
  users: number;
  interactions: number;
  /** Interactions with an explicit signal. */
  explicit: number;
  explicitSuccesses: number;
  /** Interactions with an implicit outcome. */
  implicitKnown: number;
  implicitSuccesses: number;
}

/**
 * Users ranked by interactions in the scope (ties by user id), split into the most active 10%, the
 * next 40% and the rest (each rounded up, so a small population still has a top user). Interactions
 * without a user id are left out and counted apart. `source` gives the scope's interactions with their
 * outcomes (`outcomeWindow` by default; tests pass the raw-row reference).
 */
export async function survivorshipSegments(
  client: ClickHouseClient,
  scope: Scope,
  source?: OutcomeSource,
): Promise<{ segments: SegmentCounts[]; anonymous: number }> {
  const { sql, params } = source ?? (await outcomeWindow(client, scope, ['user_id']));
  // Interactions without a user id form their own partition, so one pass over the outcomes counts them
  // and ranks the users apart from them.
  const result = await client.query({
    query: `
      SELECT segment, count() AS n_users, sum(n) AS n_interactions, sum(n_explicit) AS n_explicit_total,
        sum(e_success) AS n_explicit_successes, sum(i_known) AS n_implicit_known, sum(i_success) AS n_implicit_successes
      FROM (
        SELECT *, row_number() OVER (PARTITION BY user_id = '' ORDER BY n DESC, user_id) AS rnk,
          count() OVER (PARTITION BY user_id = '') AS population,
          multiIf(user_id = '', 'anonymous', rnk <= ceil(population * 0.1), 'top_10',
            rnk <= ceil(population * 0.5), 'next_40', 'bottom_50') AS segment
        FROM (
          SELECT user_id, count() AS n, countIf(has_explicit) AS n_explicit,
            countIf(explicit_outcome = 'success') AS e_success,
            countIf(implicit_outcome != 'unknown') AS i_known, countIf(implicit_outcome = 'success') AS i_success
          FROM (${sql})
          GROUP BY user_id
        )
      )
      GROUP BY segment`,
    query_params: { ...scopeParams(scope), ...params },
    format: 'JSONEachRow',
  });
  const rows = await result.json<Record<string, string>>();
  const segments = (['top_10', 'next_40', 'bottom_50'] as Segment[]).map((segment) => {
    const r = rows.find((row) => row.segment === segment);
    return {
      segment,
      users: Number(r?.n_users ?? 0),
      interactions: Number(r?.n_interactions ?? 0),
      explicit: Number(r?.n_explicit_total ?? 0),
      explicitSuccesses: Number(r?.n_explicit_successes ?? 0),
      implicitKnown: Number(r?.n_implicit_known ?? 0),
      implicitSuccesses: Number(r?.n_implicit_successes ?? 0),
    };
  });
  const anonymous = rows.find((row) => row.segment === 'anonymous');
  return { segments, anonymous: Number(anonymous?.n_interactions ?? 0) };
}
