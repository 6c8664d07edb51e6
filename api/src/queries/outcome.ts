import type { SignalKind } from '@flywheel/instrumentation/semconv';

/**
 * The outcome rule of DESIGN §3 as SQL over a row of `signals`: the signal with the highest precedence
 * decides, ties go to the latest. Explicit thumbs > corrected > {regenerated, early_termination,
 * deleted, abandoned} > edited > {accepted, copied} > follow_up.
 */
export const SIGNAL_PRECEDENCE: Record<SignalKind, number> = {
  thumbs_up: 6,
  thumbs_down: 6,
  corrected: 5,
  regenerated: 4,
  early_termination: 4,
  deleted: 4,
  abandoned: 4,
  edited: 3,
  accepted: 2,
  copied: 2,
  follow_up: 1,
};

const POSITIVE_KINDS: SignalKind[] = ['thumbs_up', 'accepted', 'copied'];

/** Edits that change at most this share of the response are a success (DESIGN §3). */
export const EDIT_RATIO_SUCCESS_MAX = 0.2;

const quoted = (kinds: string[]) => kinds.map((k) => `'${k}'`).join(', ');

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
  return `multiIf(${kind} IN (${quoted(POSITIVE_KINDS)}), 1, ${kind} = 'edited', if(${value} IS NOT NULL AND ${value} <= ${EDIT_RATIO_SUCCESS_MAX}, 1, 0), 0)`;
}

/** SQL over a row of `signals`: its precedence. */
export const PRECEDENCE_SQL = precedenceSql('kind');

/** SQL over a row of `signals`: its polarity. */
export const POLARITY_SQL = polaritySql('kind', 'value');

/** SQL aggregate over a request's signals: 'success' or 'failure' by the deciding signal. */
export const OUTCOME_AGG_SQL = `if(argMax(${POLARITY_SQL}, (${PRECEDENCE_SQL}, time)) = 1, 'success', 'failure')`;

export type Outcome = 'success' | 'failure' | 'unknown';
