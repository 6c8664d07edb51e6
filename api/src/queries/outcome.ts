import { EDIT_RATIO_POSITIVE_MAX, POSITIVE_SIGNAL_KINDS, SIGNAL_PRECEDENCE } from '@flywheel/semconv';

/**
 * The outcome rule of docs/design.md §3 as SQL over a row of `signals`: the signal with the highest precedence
 * decides, ties go to the latest. Explicit thumbs > corrected > {regenerated, early_termination,
 * deleted, abandoned} > edited > {accepted, copied} > follow_up.
 */

const quoted = (kinds: readonly string[]) => kinds.map((k) => `'${k}'`).join(', ');

/** SQL: the precedence of a signal kind (0 for an unknown kind). */
export function precedenceSql(kind: string): string {
  const byRank = Object.entries(SIGNAL_PRECEDENCE).reduce<Record<number, string[]>>((acc, [k, rank]) => {
    (acc[rank] ??= []).push(k);
    return acc;
  }, {});
  const branches = Object.entries(byRank).map(([rank, kinds]) => `${kind} IN (${quoted(kinds)}), ${rank}`);
  return `multiIf(${branches.join(', ')}, 0)`;
}

/**
 * SQL: 1 when a signal marks the response a success, else 0. An `edited` signal without an edit ratio
 * counts as a failure: a rewrite of unknown size is not evidence of success.
 */
export function polaritySql(kind: string, value: string): string {
  return `multiIf(${kind} IN (${quoted(POSITIVE_SIGNAL_KINDS)}), 1, ${kind} = 'edited', if(${value} IS NOT NULL AND ${value} <= ${EDIT_RATIO_POSITIVE_MAX}, 1, 0), 0)`;
}

/** SQL over a row of `signals`: its precedence. */
export const PRECEDENCE_SQL = precedenceSql('kind');

/** SQL over a row of `signals`: its polarity. */
export const POLARITY_SQL = polaritySql('kind', 'value');

/** SQL aggregate over a request's signals: 'success' or 'failure' by the deciding signal. */
export const OUTCOME_AGG_SQL = `if(argMax(${POLARITY_SQL}, (${PRECEDENCE_SQL}, time)) = 1, 'success', 'failure')`;

export type Outcome = 'success' | 'failure' | 'unknown';
