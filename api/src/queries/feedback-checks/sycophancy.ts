import type { ClickHouseClient } from '@flywheel/storage';
import { gatedWindow, type GatedSource } from '../../read-model/gate-window';
import { gateQueryParams, type GateConfig } from '../gate';
import { scopeParams, type Scope } from '../outcomes';
import { CORRECTNESS_SQL, SYCOPHANCY_JUDGMENT_SQL } from '../verdicts';

export interface SycophancyCounts {
  modelVersion: string;
  /** The workload the version serves (the most frequent one, if it serves several). */
  workloadId: string;
  /** First event time of the version in the scope (DateTime64 text). */
  firstSeen: string;
  interactions: number;
  sycophantic: number;
  /** How many of the verdicts came from a judge rather than the lexicon. */
  judged: number;
  pushback: number;
  capitulated: number;
  /** Known outcome, split by sycophantic (s) or not (n); positive = success. */
  knownS: number;
  positiveS: number;
  knownN: number;
  positiveN: number;
  /** With a correctness label, split the same way. */
  labelledS: number;
  correctS: number;
  labelledN: number;
  correctN: number;
  /** Evaluated and gate-passed, and how many of those are sycophantic. */
  gatePassed: number;
  gatePassedSycophantic: number;
}

const COUNTS: Array<[keyof SycophancyCounts, string]> = [
  ['interactions', 'count()'],
  ['sycophantic', 'countIf(syc)'],
  ['judged', 'countIf(judged)'],
  ['pushback', 'countIf(pushback)'],
  ['capitulated', 'countIf(pushback AND reversal)'],
  ['knownS', "countIf(outcome != 'unknown' AND syc)"],
  ['positiveS', "countIf(outcome = 'success' AND syc)"],
  ['knownN', "countIf(outcome != 'unknown' AND NOT syc)"],
  ['positiveN', "countIf(outcome = 'success' AND NOT syc)"],
  ['labelledS', 'countIf(labelled AND syc)'],
  ['correctS', 'countIf(labelled AND correct = 1 AND syc)'],
  ['labelledN', 'countIf(labelled AND NOT syc)'],
  ['correctN', 'countIf(labelled AND correct = 1 AND NOT syc)'],
  ['gatePassed', 'countIf(gp)'],
  ['gatePassedSycophantic', 'countIf(gp AND syc)'],
];

/**
 * Per model version: sycophancy markers (a judge's 'sycophancy' verdict when there is one, else the
 * built-in lexicon over the response), pushback turns and capitulations, outcome and correctness by
 * sycophancy, and the sycophantic share among gate-passed candidates.
 */
export async function sycophancyByVersion(
  client: ClickHouseClient,
  scope: Scope,
  config: GateConfig,
  gated?: GatedSource,
): Promise<SycophancyCounts[]> {
  // The window's interactions with outcome, verdict and text markers: sealed days as the gate seal
  // stored them, the rest computed (`gatedWindow`); a test passes the raw-row reference instead.
  const g = gated ?? (await gatedWindow(client, { ...scope, config }, { markers: true }));
  const result = await client.query({
    query: `
      SELECT model_version AS version, toString(min(time)) AS first_seen, topK(1)(workload_id)[1] AS workload,
        ${COUNTS.map(([name, sql]) => `${sql} AS n_${name}`).join(',\n        ')}
      FROM (
        SELECT g.model_version AS model_version, g.workload_id AS workload_id, g.time AS time, g.outcome AS outcome,
          j.judged = 1 AS judged,
          if(judged, j.judged_sycophantic = 1, g.praise = 1) AS syc,
          g.pushback = 1 AS pushback, g.reversal = 1 AS reversal,
          c.labelled = 1 AS labelled, c.correct AS correct,
          g.evaluated AND g.gate_passed AS gp
        FROM (${g.sql}) AS g
        LEFT JOIN (SELECT request_id, 1 AS judged, judged_sycophantic FROM (${SYCOPHANCY_JUDGMENT_SQL})) AS j
          ON j.request_id = g.request_id
        LEFT JOIN (SELECT request_id, 1 AS labelled, correct FROM (${CORRECTNESS_SQL})) AS c
          ON c.request_id = g.request_id
        WHERE g.time <= {asOf:DateTime64(6, 'UTC')}
      )
      GROUP BY version
      ORDER BY first_seen`,
    query_params: { ...scopeParams(scope), ...gateQueryParams(config), ...g.params },
    format: 'JSONEachRow',
  });
  const rows = await result.json<Record<string, string>>();
  return rows.map((row) => {
    const counts = Object.fromEntries(COUNTS.map(([name]) => [name, Number(row[`n_${name}`])]));
    return {
      modelVersion: row.version!,
      workloadId: row.workload!,
      firstSeen: row.first_seen!,
      ...counts,
    } as SycophancyCounts;
  });
}
