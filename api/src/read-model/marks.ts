import { SIGNAL_CLOCK_SKEW_SECONDS } from '../queries/outcome';

/**
 * Which inserts can change a day's sealed numbers: rows of `interactions` with an event time on that
 * day, and rows of `signals` on the days whose signals the outcome rule can count for it — from the
 * clock-skew allowance before the day to the signal window after it.
 */

/** Days after an interaction's day on which a signal can still count for it (rounded up, whole days). */
export function signalReachDays(signalWindowSeconds: number): number {
  return 1 + Math.ceil(signalWindowSeconds / 86_400);
}

/** Days before an interaction's day on which a signal can count for it (the clock-skew allowance). */
const SKEW_DAYS = Math.ceil(SIGNAL_CLOCK_SKEW_SECONDS / 86_400);

/**
 * SQL: per event day of the project with any inserted row in reach, the rows inserted so far into
 * `interactions` on that day (`interaction_rows`) and into `signals` on the days that can count for it
 * (`signal_rows`). Read from `read_model_marks`, which views fill at insert time, so it reflects every
 * visible row and costs a few hundred rows, whatever the history.
 * Params: projectId (String), reach (Int32, `signalReachDays`).
 */
export const DAY_MARKS_SQL = `
  SELECT affected AS marked_day,
    sumIf(rows, source = 'interactions') AS interaction_rows,
    sumIf(rows, source = 'signals') AS signal_rows
  FROM read_model_marks
  ARRAY JOIN if(source = 'interactions', [day],
    arrayMap(i -> addDays(day, toInt32(i) - {reach:Int32}), range(toUInt32({reach:Int32} + ${SKEW_DAYS + 1})))) AS affected
  WHERE project_id = {projectId:String}
  GROUP BY affected`;

/**
 * SQL: the current seal per day of the project under one signal window (the newest version), with the
 * marks it was computed over. Params: projectId, signalWindowSeconds (UInt32).
 */
export const CURRENT_SEALS_SQL = `
  SELECT day AS sealed_day, max(seal_version) AS current_version,
    argMax(interaction_rows, seal_version) AS sealed_interaction_rows,
    argMax(signal_rows, seal_version) AS sealed_signal_rows
  FROM read_model_seals
  WHERE project_id = {projectId:String} AND signal_window_seconds = {signalWindowSeconds:UInt32}
  GROUP BY day`;
