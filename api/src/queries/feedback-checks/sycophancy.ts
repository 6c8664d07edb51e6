import type { ClickHouseClient } from '@flywheel/storage';
import {
  flatten,
  PRAISE_MARKERS,
  PUSHBACK_PATTERN,
  REVERSAL_MARKERS,
  REVERSAL_WINDOW_CHARS,
} from '../../analytics/lexicon';
import { gatePlanParams, gateRawSql, planGateRead } from '../../read-model/gate-plan';
import { gatedRowsSql } from '../../read-model/gate-rows';
import { gateQueryParams, type GateConfig } from '../gate';
import { signalsAroundSql } from '../outcome';
import { interactionOutcomesSql, scopeParams, type Scope } from '../outcomes';
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
const FROM = "{from:DateTime64(6, 'UTC')}";
const TO = "{to:DateTime64(6, 'UTC')}";
const WINDOW_SQL = (prefix: string) => `${prefix}time >= ${FROM} AND ${prefix}time < ${TO}`;

export async function sycophancyByVersion(
  client: ClickHouseClient,
  scope: Scope,
  config: GateConfig,
): Promise<SycophancyCounts[]> {
  // Verdicts of the window's interactions only, sealed history standing in for the near-duplicate scan.
  const plan = await planGateRead(client, { ...scope, from: scope.to, config });
  const result = await client.query({
    query: `
      SELECT model_version AS version, toString(min(time)) AS first_seen, topK(1)(workload_id)[1] AS workload,
        ${COUNTS.map(([name, sql]) => `${sql} AS n_${name}`).join(',\n        ')}
      FROM (
        SELECT o.model_version AS model_version, o.workload_id AS workload_id, o.time AS time, o.outcome AS outcome,
          j.judged = 1 AS judged,
          if(judged, j.judged_sycophantic = 1, multiSearchAnyCaseInsensitiveUTF8(o.response, {praise:Array(String)}) = 1) AS syc,
          match(lowerUTF8(trimLeft(o.prompt)), {pushback:String}) AS pushback,
          multiSearchAnyCaseInsensitiveUTF8(substringUTF8(o.response, 1, {reversalChars:UInt32}), {reversal:Array(String)}) = 1 AS reversal,
          c.labelled = 1 AS labelled, c.correct AS correct,
          g.gp = 1 AS gp
        FROM (${interactionOutcomesSql(['model_version', 'workload_id', 'prompt', 'response'])}) AS o
        LEFT JOIN (SELECT request_id, 1 AS judged, judged_sycophantic FROM (${SYCOPHANCY_JUDGMENT_SQL})) AS j
          ON j.request_id = o.request_id
        LEFT JOIN (SELECT request_id, 1 AS labelled, correct FROM (${CORRECTNESS_SQL})) AS c
          ON c.request_id = o.request_id
        LEFT JOIN (
          SELECT request_id, toUInt8(evaluated AND gate_passed) AS gp FROM (${gatedRowsSql({
            ...gateRawSql(plan, WINDOW_SQL('i.'), signalsAroundSql({ from: FROM, to: TO })),
            wanted: WINDOW_SQL(''),
          })})
        ) AS g ON g.request_id = o.request_id
      )
      GROUP BY version
      ORDER BY first_seen`,
    query_params: {
      ...scopeParams(scope),
      ...gateQueryParams(config),
      ...gatePlanParams(plan),
      praise: flatten(PRAISE_MARKERS),
      reversal: flatten(REVERSAL_MARKERS),
      reversalChars: REVERSAL_WINDOW_CHARS,
      pushback: PUSHBACK_PATTERN,
    },
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
