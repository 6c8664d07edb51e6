import type { ClickHouseClient } from '@flywheel/storage';
import { interactionOutcomesSql, scopeParams, type Scope } from '../outcomes';
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
 * population; a value equal to a boundary falls in the upper quintile.
 */
export async function biasCells(client: ClickHouseClient, scope: Scope): Promise<BiasCells> {
  // Only labelled interactions can join the population: the outcome rule runs for those alone, and
  // the boundaries are window aggregates over it, so the population is computed once, not per use.
  const population = `
    SELECT o.latency_ms AS latency_ms, o.response_words AS response_words, o.outcome AS outcome, c.correct AS correct
    FROM (${interactionOutcomesSql(['latency_ms', 'response_words'], `i.request_id IN (SELECT request_id FROM (${CORRECTNESS_SQL}))`)}) AS o
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
    query_params: scopeParams(scope),
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
