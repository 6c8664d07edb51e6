import { signalsAroundSql } from './outcome';
import { interactionsWithOutcomeSql } from './outcomes';

/**
 * How far before the review queue's window answers of other versions are looked up: a candidate at
 * the window's start still meets a week of the version it replaced, and the read stays bounded by the
 * window, never the project's history.
 */
export const VERSION_LOOKBACK_DAYS = 7;

/**
 * The input key of an interaction: the engine's word-shingle MinHash of its prompt (the last user
 * message), case-insensitive, so the same question asked with other case, spacing or punctuation meets
 * itself; prompts under three words (no shingle) fall back to their lower-cased text. 0 for no prompt.
 * The near-duplicate key `dup_key` hashes the response, which is what changes between versions.
 */
const INPUT_KEY_SQL = `multiIf(
  o.prompt = '', toUInt64(0),
  wordShingleMinHashCaseInsensitiveUTF8(o.prompt) = (0, 0), cityHash64(lowerUTF8(trimBoth(o.prompt))),
  cityHash64(wordShingleMinHashCaseInsensitiveUTF8(o.prompt)))`;

/**
 * SQL: `request_id` of every interaction in [versionFrom, to) whose behaviour changed between versions:
 * its outcome is known (success or failure, signal window closed at asOf) and another model version of
 * the same project and workload answered an input with the same key (`INPUT_KEY_SQL`) in that range with
 * the other known outcome. Both sides of such a pair are listed.
 *
 * Params: projectId, workload ('' for all), versionFrom, to, asOf, signalWindowSeconds.
 */
export const VERSION_CHANGED_SQL = `
  SELECT request_id FROM (
    SELECT request_id, model_version, outcome,
      groupUniqArray((model_version, outcome)) OVER (PARTITION BY workload_id, input_key) AS answers
    FROM (
      SELECT o.request_id AS request_id, o.workload_id AS workload_id, o.model_version AS model_version,
        o.outcome AS outcome, ${INPUT_KEY_SQL} AS input_key
      FROM (${interactionsWithOutcomeSql({
        columns: ['workload_id', 'model_version', 'prompt'],
        where: `i.project_id = {projectId:String}
          AND ({workload:String} = '' OR i.workload_id = {workload:String})
          AND i.time >= {versionFrom:DateTime64(6, 'UTC')} AND i.time < {to:DateTime64(6, 'UTC')}
          AND i.time + toIntervalSecond({signalWindowSeconds:UInt32}) <= {asOf:DateTime64(6, 'UTC')}`,
        signalFilter: signalsAroundSql({
          from: "{versionFrom:DateTime64(6, 'UTC')}",
          to: "{to:DateTime64(6, 'UTC')}",
        }),
      })}) AS o
      WHERE o.outcome IN ('success', 'failure')
    )
    WHERE input_key != 0
  )
  WHERE arrayExists(a -> a.1 != model_version AND a.2 != outcome, answers)`;
