import { polaritySql, precedenceSql } from './outcome';

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

export function scopeParams(scope: Scope): Record<string, unknown> {
  return {
    projectId: scope.projectId,
    workload: scope.workload,
    from: scope.from,
    to: scope.to,
    asOf: scope.asOf,
    signalWindowSeconds: Math.round(scope.signalWindowHours * 3600),
  };
}

/** Interaction columns a caller may ask for (a closed list: these names are spliced into SQL). */
export type InteractionColumn =
  | 'workload_id'
  | 'model_version'
  | 'user_id'
  | 'latency_ms'
  | 'output_tokens'
  | 'response_words'
  | 'prompt_chars'
  | 'language'
  | 'quality_score'
  | 'prompt'
  | 'response';

const PRECEDENCE = precedenceSql('s.kind');
const POLARITY = polaritySql('s.kind', 's.value');

/**
 * SQL: one row per interaction of the scope with its outcome by the docs/design.md §3 precedence rule, counting
 * the signals that arrived within the signal window after the response and at or before asOf (the same
 * window the quality gate uses, so rates and gate verdicts agree).
 *
 * Columns: request_id, time, the requested interaction columns, outcome ('success' | 'failure' |
 * 'unknown'), deciding_kind, has_explicit, explicit_outcome (the latest explicit signal's verdict),
 * implicit_outcome (the outcome rule over the implicit signals only), has_correction.
 * Params: those of `scopeParams`. `condition` narrows the interactions further (SQL over `i.*` built from
 * constants and parameters only).
 *
 * The outcome is aggregated from the signals side first (signals joined to the scope's interaction
 * times, grouped per request) and then joined to the interactions as scalars: joining per-request
 * arrays of signals instead costs several times more in the engine.
 */
export function interactionOutcomesSql(columns: readonly InteractionColumn[] = [], condition = ''): string {
  const extra = columns.map((c) => `i.${c} AS ${c}`).join(', ');
  const scope = `i.project_id = {projectId:String}
      AND ({workload:String} = '' OR i.workload_id = {workload:String})
      AND i.time >= {from:DateTime64(6, 'UTC')} AND i.time < {to:DateTime64(6, 'UTC')}
      AND i.time <= {asOf:DateTime64(6, 'UTC')}${condition ? `\n      AND (${condition})` : ''}`;
  return `
    SELECT
      i.request_id AS request_id, i.time AS time${extra ? `, ${extra}` : ''},
      multiIf(o.known = 0, 'unknown', o.polarity = 1, 'success', 'failure') AS outcome,
      o.deciding AS deciding_kind,
      o.explicit_count > 0 AS has_explicit,
      multiIf(o.explicit_count = 0, 'unknown', o.explicit_polarity = 1, 'success', 'failure') AS explicit_outcome,
      multiIf(o.implicit_count = 0, 'unknown', o.implicit_polarity = 1, 'success', 'failure') AS implicit_outcome,
      o.correction = 1 AS has_correction
    FROM interactions AS i FINAL
    LEFT JOIN (
      SELECT s.request_id AS request_id, 1 AS known,
        argMax(${POLARITY}, (${PRECEDENCE}, s.time)) AS polarity,
        argMax(s.kind, (${PRECEDENCE}, s.time)) AS deciding,
        countIf(s.explicit) AS explicit_count,
        argMaxIf(${POLARITY}, s.time, s.explicit) AS explicit_polarity,
        countIf(NOT s.explicit) AS implicit_count,
        argMaxIf(${POLARITY}, (${PRECEDENCE}, s.time), NOT s.explicit) AS implicit_polarity,
        max(s.kind = 'corrected' AND s.correction != '') AS correction
      FROM (
        SELECT request_id, time, kind, value, explicit, correction FROM signals FINAL
        WHERE project_id = {projectId:String}
          -- A signal precedes its response only by clock skew; a day of slack bounds the scan.
          AND time >= {from:DateTime64(6, 'UTC')} - INTERVAL 1 DAY
          AND time <= {asOf:DateTime64(6, 'UTC')}
          AND time < {to:DateTime64(6, 'UTC')} + toIntervalSecond({signalWindowSeconds:UInt32})
      ) AS s
      INNER JOIN (SELECT i.request_id AS request_id, i.time AS time FROM interactions AS i FINAL WHERE ${scope}) AS w
        ON w.request_id = s.request_id
      WHERE s.time <= w.time + toIntervalSecond({signalWindowSeconds:UInt32})
      GROUP BY s.request_id
    ) AS o ON o.request_id = i.request_id
    WHERE ${scope}`;
}
