import { EDIT_RATIO_POSITIVE_MAX, POSITIVE_SIGNAL_KINDS, SIGNAL_PRECEDENCE } from '@flywheel/semconv';

/**
 * The outcome rule of docs/design.md §3, defined once: every outcome the API reports (explorer, quality
 * gate, velocity, cycles, feedback checks, alarms) is computed by `requestOutcomesSql`.
 *
 * Which signals count for an interaction: its request's signals at or before `asOf` whose event time
 * lies between `SIGNAL_CLOCK_SKEW_SECONDS` before the interaction and the signal window after it (the
 * quality gate's `signalWindowHours`), both ends included. Which one decides: the highest precedence,
 * then the latest; at the same precedence and time a negative signal beats a positive one, and then the
 * kind's name decides, so the outcome and the deciding kind never depend on the order rows are read in.
 *
 * This raw-row definition is the reference any faster read of outcomes has to agree with.
 */

/**
 * A signal may carry an earlier time than its response only through clock skew (a browser's clock, a
 * backfill); up to a day of it is tolerated. The bound is part of the rule so that a query can limit the
 * signals it reads to its interactions' time range and still be exact.
 */
export const SIGNAL_CLOCK_SKEW_SECONDS = 86_400;

export type Outcome = 'success' | 'failure' | 'unknown';

const quoted = (kinds: readonly string[]) => kinds.map((k) => `'${k}'`).join(', ');

/** SQL: the precedence of a signal kind (0 for an unknown kind). */
function precedenceSql(kind: string): string {
  const byRank = Object.entries(SIGNAL_PRECEDENCE).reduce<Record<number, string[]>>((acc, [k, rank]) => {
    (acc[rank] ??= []).push(k);
    return acc;
  }, {});
  const branches = Object.entries(byRank).map(([rank, kinds]) => `${kind} IN (${quoted(kinds)}), ${rank}`);
  return `multiIf(${branches.join(', ')}, 0)`;
}

/**
 * SQL: 1 when a signal speaks for the response, else 0 (semconv's `signalPolarity`). An `edited` signal
 * without an edit ratio counts against it: a rewrite of unknown size is no evidence of success.
 */
function polaritySql(kind: string, value: string): string {
  return `multiIf(${kind} IN (${quoted(POSITIVE_SIGNAL_KINDS)}), 1, ${kind} = 'edited', if(${value} IS NOT NULL AND ${value} <= ${EDIT_RATIO_POSITIVE_MAX}, 1, 0), 0)`;
}

/** SQL over a signal row: the key whose maximum decides (precedence, time, negative first, kind). */
const DECISION_KEY = `(${precedenceSql('kind')}, time, 1 - polarity, kind)`;

export interface OutcomeSource {
  /**
   * SQL: the interactions whose outcome is wanted, with columns `request_id` and `time` (the event time
   * the signal window opens at). Built from constants and parameters only. A request may appear more
   * than once (duplicates the engine has not merged yet): every aggregate of the rule gives the same
   * result however often a signal is joined. (Rows of one request with different times would count
   * the signals of either window; a request id names one interaction.)
   */
  requests: string;
  /**
   * SQL over `signals` columns that only narrows what is read (a time range, request ids): it must keep
   * every signal the rule counts for `requests`. `signalsAroundSql` builds the usual one.
   */
  signalFilter?: string;
}

/**
 * SQL: one row per request of `source.requests` that has a counted signal (a request without one has
 * the outcome 'unknown').
 *
 * Columns: request_id; outcome ('success' | 'failure'); deciding_kind; has_explicit; explicit_outcome
 * and implicit_outcome (the rule over the explicit, resp. implicit, signals only; 'unknown' when there
 * are none); has_correction (a `corrected` signal with the user's text).
 * Params: projectId, asOf (DateTime64(6, 'UTC') text), signalWindowSeconds (UInt32), and those of the
 * source's SQL.
 *
 * The signals are aggregated per request before anything joins them, so callers join scalars: joining
 * per-request arrays of signals to interactions costs several times more in the engine.
 *
 * `signals` is read without FINAL. Copies of one signal (a re-delivery the engine has not merged yet)
 * are the same row, and every aggregate here (`argMax`, a count compared with zero, `max`) gives the
 * same result however many copies it reads. FINAL would merge by the sort key (request id first), so a
 * read of two days would merge the whole month partition: three times the cost of the rule itself.
 */
export function requestOutcomesSql(source: OutcomeSource): string {
  // The same rule over a subset of the signals: 'unknown' when the subset is empty.
  const among = (subset: string) =>
    `multiIf(countIf(${subset}) = 0, 'unknown', argMaxIf(s.polarity, s.decision_key, ${subset}) = 1, 'success', 'failure')`;
  return `
    SELECT
      s.request_id AS request_id,
      if(argMax(s.polarity, s.decision_key) = 1, 'success', 'failure') AS outcome,
      argMax(s.kind, s.decision_key) AS deciding_kind,
      countIf(s.explicit) > 0 AS has_explicit,
      ${among('s.explicit')} AS explicit_outcome,
      ${among('NOT s.explicit')} AS implicit_outcome,
      max(s.kind = 'corrected' AND s.correction != '') AS has_correction
    FROM (
      SELECT request_id, time, kind, explicit, correction,
        ${polaritySql('kind', 'value')} AS polarity,
        ${DECISION_KEY} AS decision_key
      FROM signals
      WHERE project_id = {projectId:String}
        AND time <= {asOf:DateTime64(6, 'UTC')}${source.signalFilter ? `\n        AND (${source.signalFilter})` : ''}
    ) AS s
    INNER JOIN (${source.requests}) AS r ON r.request_id = s.request_id
    WHERE s.time >= r.time - toIntervalSecond(${SIGNAL_CLOCK_SKEW_SECONDS})
      AND s.time <= r.time + toIntervalSecond({signalWindowSeconds:UInt32})
    GROUP BY s.request_id`;
}

/**
 * SQL over `signals`: the signals that can count for interactions with event times in [from, to), for
 * `OutcomeSource.signalFilter`. `from` and `to` are SQL expressions (usually parameters); either may be
 * left out when the interactions are not bounded on that side.
 */
export function signalsAroundSql(range: { from?: string; to?: string }): string {
  const bounds = [
    range.from ? `time >= ${range.from} - toIntervalSecond(${SIGNAL_CLOCK_SKEW_SECONDS})` : '',
    range.to ? `time < ${range.to} + toIntervalSecond({signalWindowSeconds:UInt32})` : '',
  ].filter(Boolean);
  return bounds.length > 0 ? bounds.join(' AND ') : '1';
}
