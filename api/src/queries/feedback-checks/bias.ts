import type { ClickHouseClient } from '@flywheel/storage';
import { outcomeWindow, type OutcomeSource } from '../../read-model/outcome-window';
import { scopeParams, type Scope } from '../outcomes';
import { CORRECTNESS_SQL } from '../verdicts';

export interface BiasCell {
  /** Latency quintile, 1 = fastest. */
  latencyQuintile: number;
  /** Response-length quintile (words), 1 = shortest. */
  lengthQuintile: number;
  correct: boolean;
  n: number;
  positive: number;
}

export interface BiasCells {
  latencyBounds: number[];
  lengthBounds: number[];
  cells: BiasCell[];
}

/**
 * Interactions with a known outcome and a correctness label, by latency quintile × length quintile ×
 * correctness, with how many had a positive outcome. Quintile boundaries are exact quantiles of this
 * population; a value equal to a boundary falls in the upper quintile. `source` gives the scope's
 * interactions with their outcomes (`outcomeWindow` by default; tests pass the raw-row reference).
 */
export async function biasCells(
  client: ClickHouseClient,
  scope: Scope,
  source?: OutcomeSource,
): Promise<BiasCells> {
  // Every interaction of the window joins the labels: narrowing the raw part to labelled request ids
  // first made the engine's plan several times slower than computing the unsealed tail whole. The
  // boundaries are window aggregates over the population, so it is computed once, not per use.
  const { sql, params } = source ?? (await outcomeWindow(client, scope, ['latency_ms', 'response_words']));
  const population = `
    SELECT o.latency_ms AS latency_ms, o.response_words AS response_words, o.outcome AS outcome, c.correct AS correct
    FROM (${sql}) AS o
    INNER JOIN (${CORRECTNESS_SQL}) AS c ON c.request_id = o.request_id
    WHERE o.outcome != 'unknown'`;
  const result = await client.query({
    query: `
      SELECT 1 + arrayCount(b -> latency_ms >= b, lat_bounds) AS lat_q,
        1 + arrayCount(b -> response_words >= b, len_bounds) AS len_q,
        correct, count() AS n, countIf(outcome = 'success') AS n_positive,
        any(lat_bounds) AS lat, any(len_bounds) AS len
      FROM (
        SELECT *,
          quantilesExact(0.2, 0.4, 0.6, 0.8)(latency_ms) OVER () AS lat_bounds,
          quantilesExact(0.2, 0.4, 0.6, 0.8)(response_words) OVER () AS len_bounds
        FROM (${population})
      )
      GROUP BY lat_q, len_q, correct
      ORDER BY lat_q, len_q, correct`,
    query_params: { ...scopeParams(scope), ...params },
    format: 'JSONEachRow',
  });
  const rows = await result.json<{
    lat_q: number;
    len_q: number;
    correct: number;
    n: string;
    n_positive: string;
    lat: number[];
    len: number[];
  }>();
  return {
    latencyBounds: rows[0]?.lat ?? [],
    lengthBounds: rows[0]?.len ?? [],
    cells: rows.map((r) => ({
      latencyQuintile: Number(r.lat_q),
      lengthQuintile: Number(r.len_q),
      correct: Number(r.correct) === 1,
      n: Number(r.n),
      positive: Number(r.n_positive),
    })),
  };
}
