import type { ClickHouseClient } from '@flywheel/storage';
import { outcomeWindow, type OutcomeSource } from '../read-model/outcome-window';
import { signalsAroundSql } from './outcome';
import { closedBy, interactionsWithOutcomeSql } from './outcomes';

/**
 * How far before the review queue's window answers of other versions are looked up: a candidate at
 * the window's start still meets a week of the version it replaced, and the read stays bounded by the
 * window, never the project's history.
 */
export const VERSION_LOOKBACK_DAYS = 7;

/** The version window: a project (or one workload), [versionFrom, to), outcomes as of asOf. */
export interface VersionWindow {
  projectId: string;
  /** '' for every workload. */
  workload: string;
  versionFrom: string;
  to: string;
  asOf: string;
  signalWindowHours: number;
}

/** Prefix of the version window's plan params, apart from those of the window it is read with. */
const PREFIX = 'versions';

/**
 * The interactions of the version window whose signal window closed at asOf, with their outcomes, as
 * `versionChangedAnswersSql` reads them: sealed days from `outcome_rows`, the rest through the outcome rule
 * (`outcomeWindow`, its plan's params prefixed). Only interactions up to asOf minus the signal window
 * can count, so the window ends there and the open tail's outcomes are never computed.
 */
export async function versionWindow(client: ClickHouseClient, w: VersionWindow): Promise<OutcomeSource> {
  const scope = { ...w, from: w.versionFrom, to: closedBy(w.asOf, w.signalWindowHours, w.to) };
  return outcomeWindow(client, scope, ['workload_id', 'model_version', 'prompt_key'], PREFIX);
}

/**
 * The raw-row reference of `versionWindow`: the outcome rule over every interaction of the version
 * window, kept for the tests. Params: projectId, workload, versionFrom, to, asOf, signalWindowSeconds.
 */
export const VERSION_WINDOW_REFERENCE_SQL = interactionsWithOutcomeSql({
  columns: ['workload_id', 'model_version', 'prompt_key'],
  where: `i.project_id = {projectId:String}
    AND ({workload:String} = '' OR i.workload_id = {workload:String})
    AND i.time >= {versionFrom:DateTime64(6, 'UTC')} AND i.time < {to:DateTime64(6, 'UTC')}
    AND i.time <= {asOf:DateTime64(6, 'UTC')}`,
  signalFilter: signalsAroundSql({
    from: "{versionFrom:DateTime64(6, 'UTC')}",
    to: "{to:DateTime64(6, 'UTC')}",
  }),
});

/**
 * SQL: the answers of the version window (`window`: its SQL, columns time, workload_id, model_version,
 * prompt_key, outcome) that changed between versions, as (workload_id, prompt_key, model_version,
 * outcome) tuples. An interaction changed when its signal window closed at asOf, its outcome is known,
 * and another model version of the same project and workload answered an input with the same key
 * (`prompt_key`, computed at insert by storage migration 0014) in that window with the other known
 * outcome: exactly when its own tuple is listed, given it is in the window. Both sides of such a pair
 * are listed. The near-duplicate key `dup_key` hashes the response, which is what changes between
 * versions.
 *
 * Tuples rather than request ids: a key's answers are a handful of (version, outcome) pairs however many
 * requests asked it, so no request id is carried through the grouping.
 * Params: asOf, signalWindowSeconds and those of `window`.
 */
export function versionChangedAnswersSql(window: string): string {
  return `
    SELECT workload_id, prompt_key, a.1 AS model_version, a.2 AS outcome
    FROM (
      SELECT workload_id, prompt_key, groupUniqArray((model_version, outcome)) AS answers
      FROM (${window})
      WHERE outcome IN ('success', 'failure') AND prompt_key != 0
        AND time + toIntervalSecond({signalWindowSeconds:UInt32}) <= {asOf:DateTime64(6, 'UTC')}
      GROUP BY workload_id, prompt_key
      HAVING length(answers) >= 2
    )
    ARRAY JOIN answers AS a
    WHERE arrayExists(x -> x.1 != a.1 AND x.2 != a.2, answers)`;
}
