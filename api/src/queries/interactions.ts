import type { ClickHouseClient } from '@flywheel/storage';
import type { InteractionCursor } from '../analytics/interaction-cursor';
import { addDays } from '../analytics/time';
import { EVENT_TEXT_MATCH_SQL } from './interaction-messages';
import { GATED_INTERACTIONS_SQL, gateQueryParams, type GateConfig, type GateReason } from './gate';
import { requestOutcomesSql, signalsAroundSql, type Outcome } from './outcome';
import { signalWindowParam } from './outcomes';
import { END_OF_TIME } from '../read-model/seal';
import { inRawSql, planParams, SEALED_OUTCOMES_SQL } from '../read-model/sources';
import { planRead, type ReadPlan } from '../read-model/split';

export interface InteractionFilter {
  projectId: string;
  workload?: string;
  modelVersion?: string;
  requestId?: string;
  /** Case-insensitive substring of the prompt or the response. */
  text?: string;
  outcome?: Outcome;
  /** Gate verdict filter, evaluated with `gateConfig` as of `asOf`. */
  gate?: 'passed' | 'rejected' | 'pending';
  /** Evaluated and rejected for this reason among others: what the gate report counts under it. */
  gateReason?: GateReason;
  /** Outcomes count the signals this gate configuration's signal window counts, as the gate does. */
  gateConfig: GateConfig;
  /** Outcomes and gate verdicts as known at this event time. */
  asOf: string;
  /** Inclusive lower and exclusive upper bound on event time, as DateTime64 text. */
  from: string;
  to: string;
}

/** A row's place in the list: its sort key (newest first) and its request. */
export interface InteractionKey {
  requestId: string;
  workloadId: string;
  /** DateTime64 text. */
  time: string;
  traceId: string;
  spanId: string;
}

// SQL over `f.*` (interaction_facts: narrow, no text): the explorer's cheap filters.
const FACTS_SQL = `f.project_id = {projectId:String}
        AND ({workload:String} = '' OR f.workload_id = {workload:String})
        AND ({modelVersion:String} = '' OR f.model_version = {modelVersion:String})
        AND ({requestId:String} = '' OR f.request_id = {requestId:String})
        AND f.time >= {from:DateTime64(6, 'UTC')} AND f.time < {to:DateTime64(6, 'UTC')}`;

// The outcome filter judges the selected requests by the one rule; 'unknown' is a request without a row.
const SELECTED_OUTCOMES_SQL = requestOutcomesSql({
  requests: `SELECT f.request_id AS request_id, f.time AS time FROM interaction_facts AS f WHERE ${FACTS_SQL}`,
  signalFilter: signalsAroundSql({ from: "{from:DateTime64(6, 'UTC')}", to: "{to:DateTime64(6, 'UTC')}" }),
});
const OUTCOME_FILTER = {
  known: `AND f.request_id IN (SELECT request_id FROM (${SELECTED_OUTCOMES_SQL}) WHERE outcome = {outcome:String})`,
  unknown: `AND f.request_id NOT IN (SELECT request_id FROM (${SELECTED_OUTCOMES_SQL}))`,
};
// Verdict and reason in one scan of the gate: the reason counts only once the signal window has closed,
// as the gate report (`gateBuckets`) counts it, so a reason's list totals its count there.
const GATE_FILTER = `
  AND f.request_id IN (
    SELECT request_id FROM (${GATED_INTERACTIONS_SQL})
    WHERE ({gate:String} = '' OR multiIf(NOT evaluated, 'pending', gate_passed, 'passed', 'rejected') = {gate:String})
      AND ({gateReason:String} = '' OR (evaluated AND has(gate_reasons, {gateReason:String}))))`;
// Only the text filter reads the wide columns, and only over the filter's own range: the spans' text,
// and the messages that came as events.
const TEXT_FILTER = `
  AND (f.request_id IN (
    SELECT request_id FROM interactions
    WHERE project_id = {projectId:String}
      AND ({workload:String} = '' OR workload_id = {workload:String})
      AND time >= {from:DateTime64(6, 'UTC')} AND time < {to:DateTime64(6, 'UTC')}
      AND (positionCaseInsensitiveUTF8(prompt, {text:String}) > 0
           OR positionCaseInsensitiveUTF8(response, {text:String}) > 0))
    OR (f.trace_id, f.span_id) IN (${EVENT_TEXT_MATCH_SQL}))`;

/**
 * SQL over `f.*`: every interaction the filter selects. Params: those of `filterParams`.
 */
export function selectedSql(filter: InteractionFilter): string {
  const outcome =
    filter.outcome === undefined ? '' : OUTCOME_FILTER[filter.outcome === 'unknown' ? 'unknown' : 'known'];
  return `${FACTS_SQL}
        ${filter.text ? TEXT_FILTER : ''}
        ${outcome}
        ${filter.gate || filter.gateReason ? GATE_FILTER : ''}`;
}

export function filterParams(filter: InteractionFilter): Record<string, unknown> {
  return {
    projectId: filter.projectId,
    workload: filter.workload ?? '',
    modelVersion: filter.modelVersion ?? '',
    requestId: filter.requestId ?? '',
    text: filter.text ?? '',
    outcome: filter.outcome ?? '',
    gate: filter.gate ?? '',
    gateReason: filter.gateReason ?? '',
    from: filter.from,
    to: filter.to,
    asOf: filter.asOf,
    ...gateQueryParams(filter.gateConfig),
  };
}

const KEY = '(f.time, f.trace_id, f.span_id)';
const CURSOR_KEY = "({cursorTime:DateTime64(6, 'UTC')}, {cursorTrace:String}, {cursorSpan:String})";

/** Days a page is first sought in from where it starts, then wider: most pages lie in a day or two. */
const PAGE_WINDOW_DAYS = [1, 8, 64];

/**
 * One page of the list's keys, newest first, read from the narrow `interaction_facts` (no FINAL: a
 * re-delivery not merged yet shares its key and is dropped by `LIMIT 1 BY`). Keyset paging: `older`
 * reads the rows past the cursor's key, `newer` those before it (in reverse, then turned around).
 * Returns up to `limit` keys and whether there are more rows beyond them in the direction read.
 *
 * The keys are sorted by time across workloads, which the facts' order (workload first) cannot give
 * without reading the whole range: the page is sought first in the day before where it starts (the
 * cursor, or asOf), then in 8 and 64 days, then the whole range. A window with more rows
 * than the page holds the page exactly: every row in it is nearer the start than any row outside it.
 * Narrowing the range narrows the filters' own reads (text, outcomes) too, whose answer for a row does
 * not depend on the range; the gate's filter, and a request looked up by id, are read over the whole
 * range at once.
 */
export async function interactionPage(
  client: ClickHouseClient,
  filter: InteractionFilter,
  limit: number,
  cursor: InteractionCursor | null,
): Promise<{ keys: InteractionKey[]; more: boolean }> {
  const newer = cursor?.direction === 'newer';
  if (!filter.gate && !filter.gateReason && !filter.requestId) {
    // Without a cursor the newest rows are sought back from asOf (a range may end at the end of time);
    // rows after asOf, if any, are in every window too.
    const start = cursor?.time ?? (filter.asOf < filter.to ? filter.asOf : filter.to);
    for (const days of PAGE_WINDOW_DAYS) {
      const edge = addDays(start, newer ? days : -days);
      const window = newer
        ? edge < filter.to && { ...filter, to: edge }
        : edge > filter.from && { ...filter, from: edge };
      if (!window) break;
      const page = await keysPage(client, window, limit, cursor);
      if (page.more) return page;
    }
  }
  return keysPage(client, filter, limit, cursor);
}

/** One page of keys inside the filter's range, as `interactionPage` describes it. */
async function keysPage(
  client: ClickHouseClient,
  filter: InteractionFilter,
  limit: number,
  cursor: InteractionCursor | null,
): Promise<{ keys: InteractionKey[]; more: boolean }> {
  const newer = cursor?.direction === 'newer';
  const order = newer ? 'ASC' : 'DESC';
  const seek = cursor ? `AND ${KEY} ${newer ? '>' : '<'} ${CURSOR_KEY}` : '';
  const result = await client.query({
    query: `
      SELECT f.request_id AS requestId, toString(f.workload_id) AS workloadId, toString(f.time) AS eventTime,
        f.trace_id AS traceId, f.span_id AS spanId
      FROM interaction_facts AS f
      WHERE ${selectedSql(filter)}
        ${seek}
      ORDER BY f.time ${order}, f.trace_id ${order}, f.span_id ${order}
      LIMIT 1 BY f.time, f.trace_id, f.span_id
      LIMIT {limitPlusOne:UInt32}`,
    query_params: {
      ...filterParams(filter),
      limitPlusOne: limit + 1,
      cursorTime: cursor?.time ?? '1970-01-01 00:00:00.000000',
      cursorTrace: cursor?.traceId ?? '',
      cursorSpan: cursor?.spanId ?? '',
    },
    format: 'JSONEachRow',
  });
  const rows = await result.json<{
    requestId: string;
    workloadId: string;
    eventTime: string;
    traceId: string;
    spanId: string;
  }>();
  const more = rows.length > limit;
  const keys = rows.slice(0, limit).map((r) => ({
    requestId: r.requestId,
    workloadId: r.workloadId,
    time: r.eventTime,
    traceId: r.traceId,
    spanId: r.spanId,
  }));
  return { keys: newer ? keys.reverse() : keys, more };
}

/**
 * How many interactions the filter selects (each once, merged or not). Filtered by nothing but workload,
 * model version and range, the whole days of the range sealed under the filter's signal window are
 * counted from `daily_outcomes` (over deduplicated rows; a day's count does not depend on asOf) and only
 * the rest in the facts; any other filter counts every selected row in the facts.
 */
export async function countInteractions(
  client: ClickHouseClient,
  filter: InteractionFilter,
): Promise<number> {
  const plain =
    !filter.text && filter.outcome === undefined && !filter.gate && !filter.gateReason && !filter.requestId;
  const plan: ReadPlan = plain
    ? await planRead(client, {
        projectId: filter.projectId,
        workload: filter.workload ?? '',
        from: filter.from,
        to: filter.to,
        asOf: END_OF_TIME,
        signalWindowHours: filter.gateConfig.signalWindowHours,
      })
    : { sealed: [], cut: [], raw: [{ from: filter.from, to: filter.to }] };
  const result = await client.query({
    query: `
      SELECT
        (SELECT sum(interactions) FROM (${SEALED_OUTCOMES_SQL})
          WHERE {modelVersion:String} = '' OR model_version = {modelVersion:String})
        + (SELECT uniqExact(f.time, f.trace_id, f.span_id) FROM interaction_facts AS f
            WHERE ${selectedSql(filter)} AND (${inRawSql(plan, 'f.time')})) AS n_selected`,
    query_params: {
      ...filterParams(filter),
      ...signalWindowParam(filter.gateConfig.signalWindowHours),
      ...planParams(plan),
    },
    format: 'JSONEachRow',
  });
  const [row] = await result.json<{ n_selected: string }>();
  return Number(row?.n_selected ?? 0);
}

/** The outcome of each request that has one, by the rule the list's filter uses. */
export async function outcomesOf(
  client: ClickHouseClient,
  filter: InteractionFilter,
  requestIds: string[],
): Promise<Map<string, Outcome>> {
  if (requestIds.length === 0) return new Map();
  const result = await client.query({
    query: `
      SELECT request_id AS requestId, outcome FROM (${requestOutcomesSql({
        requests: `SELECT f.request_id AS request_id, f.time AS time FROM interaction_facts AS f
          WHERE ${FACTS_SQL} AND f.request_id IN {requestIds:Array(String)}`,
        signalFilter: 'request_id IN {requestIds:Array(String)}',
      })})`,
    query_params: {
      projectId: filter.projectId,
      workload: filter.workload ?? '',
      modelVersion: filter.modelVersion ?? '',
      requestId: filter.requestId ?? '',
      from: filter.from,
      to: filter.to,
      asOf: filter.asOf,
      requestIds,
      ...signalWindowParam(filter.gateConfig.signalWindowHours),
    },
    format: 'JSONEachRow',
  });
  const rows = await result.json<{ requestId: string; outcome: Outcome }>();
  return new Map(rows.map((r) => [r.requestId, r.outcome]));
}
