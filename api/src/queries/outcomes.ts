import { eventTimeToMicros, microsToEventTime } from '../analytics/time';
import { requestOutcomesSql, signalsAroundSql } from './outcome';

/**
 * The scope every analytics query runs in: one project (always), one workload ('' = all), interactions
 * with event time in [from, to) and at or before asOf, and only the signals known at asOf.
 */
export interface Scope {
  projectId: string;
  /** '' for every workload. */
  workload: string;
  /** DateTime64(6, 'UTC') text, inclusive. */
  from: string;
  /** Exclusive. */
  to: string;
  asOf: string;
  /** A signal counts when it arrives at most this long after the response (the gate's signal window). */
  signalWindowHours: number;
}

/** The `signalWindowSeconds` parameter of the outcome rule. */
export function signalWindowParam(signalWindowHours: number): { signalWindowSeconds: number } {
  return { signalWindowSeconds: Math.round(signalWindowHours * 3600) };
}

/**
 * The exclusive end of the interactions whose signal window has closed at asOf (event time + window ≤
 * asOf, the gate's `evaluated`): `to` when it comes first. A read that only counts such interactions
 * ends its range here, and neither computes nor scans the open tail.
 */
export function closedBy(asOf: string, signalWindowHours: number, to: string): string {
  const window = BigInt(signalWindowParam(signalWindowHours).signalWindowSeconds) * 1_000_000n;
  const end = eventTimeToMicros(asOf) - window + 1n;
  return eventTimeToMicros(to) <= end ? to : microsToEventTime(end);
}

export function scopeParams(scope: Scope): Record<string, unknown> {
  return {
    projectId: scope.projectId,
    workload: scope.workload,
    from: scope.from,
    to: scope.to,
    asOf: scope.asOf,
    ...signalWindowParam(scope.signalWindowHours),
  };
}

/** Interaction columns a caller may ask for (a closed list: these names are spliced into SQL). */
export type InteractionColumn =
  | 'project_id'
  | 'workload_id'
  | 'model_version'
  | 'user_id'
  | 'latency_ms'
  | 'output_tokens'
  | 'response_words'
  | 'prompt_chars'
  | 'language'
  | 'quality_score'
  | 'grounding_score'
  | 'toxicity'
  | 'pii_kinds'
  | 'jailbreak'
  | 'topic_relevance'
  | 'dup_key'
  | 'prompt_key'
  | 'response_mean_logprob'
  | 'praise'
  | 'pushback'
  | 'reversal'
  | 'prompt'
  | 'response';

export interface InteractionsWithOutcome {
  columns?: readonly InteractionColumn[];
  /** Which interactions: SQL over `i.*` built from constants and parameters only. */
  where: string;
  /** Narrows the signals read; see `OutcomeSource.signalFilter`. */
  signalFilter?: string;
}

/**
 * SQL: the interactions `where` selects (deduplicated, FINAL), one row each, with the outcome of the
 * rule in `./outcome` as scalar columns.
 *
 * Columns: request_id, time, the requested interaction columns, outcome ('success' | 'failure' |
 * 'unknown'), deciding_kind ('' when unknown), has_explicit, explicit_outcome, implicit_outcome,
 * has_correction. Params: projectId, asOf, signalWindowSeconds and those of `where`.
 *
 * The interactions are read twice: with FINAL for the columns, and without it for the times that
 * open each request's signal window. Duplicates of an interaction not merged yet share its time, and
 * the rule counts a signal the same however often it is joined, so that read needs no FINAL.
 */
export function interactionsWithOutcomeSql(options: InteractionsWithOutcome): string {
  const extra = (options.columns ?? []).map((c) => `, i.${c} AS ${c}`).join('');
  const outcomes = requestOutcomesSql({
    requests: `SELECT i.request_id AS request_id, i.time AS time FROM interactions AS i WHERE ${options.where}`,
    ...(options.signalFilter ? { signalFilter: options.signalFilter } : {}),
  });
  return `
    SELECT
      i.request_id AS request_id, i.time AS time${extra},
      if(o.known, o.outcome, 'unknown') AS outcome,
      if(o.known, o.deciding_kind, '') AS deciding_kind,
      o.known AND o.has_explicit AS has_explicit,
      if(o.known, o.explicit_outcome, 'unknown') AS explicit_outcome,
      if(o.known, o.implicit_outcome, 'unknown') AS implicit_outcome,
      o.known AND o.has_correction AS has_correction
    FROM interactions AS i FINAL
    LEFT JOIN (SELECT *, true AS known FROM (${outcomes})) AS o ON o.request_id = i.request_id
    WHERE ${options.where}`;
}

/** SQL over `i.*`: the interactions of a `Scope`. */
export const SCOPE_SQL = `i.project_id = {projectId:String}
      AND ({workload:String} = '' OR i.workload_id = {workload:String})
      AND i.time >= {from:DateTime64(6, 'UTC')} AND i.time < {to:DateTime64(6, 'UTC')}
      AND i.time <= {asOf:DateTime64(6, 'UTC')}`;

/**
 * SQL: the interactions of a `Scope` with their outcomes (`interactionsWithOutcomeSql`), narrowed
 * further by `condition` (SQL over `i.*` built from constants and parameters only).
 * Params: those of `scopeParams`.
 */
export function interactionOutcomesSql(columns: readonly InteractionColumn[] = [], condition = ''): string {
  return interactionsWithOutcomeSql({
    columns,
    where: condition ? `${SCOPE_SQL}\n      AND (${condition})` : SCOPE_SQL,
    signalFilter: signalsAroundSql({
      from: "{from:DateTime64(6, 'UTC')}",
      to: "{to:DateTime64(6, 'UTC')}",
    }),
  });
}
