import { signalsAroundSql } from './outcome';
import { interactionsWithOutcomeSql } from './outcomes';

/**
 * How far before the review queue's window answers of other versions are looked up: a candidate at
 * the window's start still meets a week of the version it replaced, and the read stays bounded by the
 * window, never the project's history.
 */
export const VERSION_LOOKBACK_DAYS = 7;

/**
 * SQL over the interactions aliased `alias`: the version window of a project (or one workload) whose
 * signal window closed at asOf.
 */
const windowSql = (alias: string) => `${alias}.project_id = {projectId:String}
          AND ({workload:String} = '' OR ${alias}.workload_id = {workload:String})
          AND ${alias}.time >= {versionFrom:DateTime64(6, 'UTC')} AND ${alias}.time < {to:DateTime64(6, 'UTC')}
          AND ${alias}.time + toIntervalSecond({signalWindowSeconds:UInt32}) <= {asOf:DateTime64(6, 'UTC')}`;

/**
 * SQL: `request_id` of every interaction in [versionFrom, to) whose behaviour changed between versions:
 * its outcome is known (success or failure, signal window closed at asOf) and another model version of
 * the same project and workload answered an input with the same key (`prompt_key`, computed at insert
 * by storage migration 0014) in that range with the other known outcome. Both sides of such a pair are
 * listed. The near-duplicate key `dup_key` hashes the response, which is what changes between versions.
 *
 * The outcome rule, the costly part, runs only for the inputs two versions answered: the first pass
 * reads nothing but the narrow key columns of the window.
 *
 * Params: projectId, workload ('' for all), versionFrom, to, asOf, signalWindowSeconds.
 */
export const VERSION_CHANGED_SQL = `
  SELECT request_id FROM (
    SELECT request_id, model_version, outcome,
      groupUniqArray((model_version, outcome)) OVER (PARTITION BY workload_id, prompt_key) AS answers
    FROM (${interactionsWithOutcomeSql({
      columns: ['workload_id', 'model_version', 'prompt_key'],
      where: `${windowSql('i')}
          AND (i.workload_id, i.prompt_key) IN (
            SELECT k.workload_id, k.prompt_key FROM interactions AS k
            WHERE ${windowSql('k')} AND k.prompt_key != 0
            GROUP BY k.workload_id, k.prompt_key
            HAVING uniqExact(k.model_version) >= 2)`,
      signalFilter: signalsAroundSql({
        from: "{versionFrom:DateTime64(6, 'UTC')}",
        to: "{to:DateTime64(6, 'UTC')}",
      }),
    })})
    WHERE outcome IN ('success', 'failure')
  )
  WHERE arrayExists(a -> a.1 != model_version AND a.2 != outcome, answers)`;
