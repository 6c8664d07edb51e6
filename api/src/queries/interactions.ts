import type { ClickHouseClient } from '@flywheel/storage';
import { GATED_INTERACTIONS_SQL, gateQueryParams, type GateConfig } from './gate';
import { requestOutcomesSql, signalsAroundSql, type Outcome } from './outcome';
import { signalWindowParam } from './outcomes';

export interface InteractionFilter {
  projectId: string;
  limit: number;
  workload?: string;
  modelVersion?: string;
  requestId?: string;
  /** Case-insensitive substring of the prompt or the response. */
  text?: string;
  outcome?: Outcome;
  /** Gate verdict filter, evaluated with `gateConfig` as of `asOf`. */
  gate?: 'passed' | 'rejected' | 'pending';
  /** Outcomes count the signals this gate configuration's signal window counts, as the gate does. */
  gateConfig: GateConfig;
  /** Outcomes and gate verdicts as known at this event time. */
  asOf: string;
  /** Inclusive lower and exclusive upper bound on event time, as DateTime64 text. */
  from: string;
  to: string;
}

export interface InteractionListRow {
  requestId: string;
  traceId: string;
  spanId: string;
  time: string;
  workloadId: string;
  service: string;
  operation: string;
  provider: string;
  requestModel: string;
  model: string;
  modelVersion: string;
  userId: string;
  sessionId: string;
  prompt: string;
  response: string;
  inputTokens: number;
  outputTokens: number;
  latencyMs: number;
  timeToFirstChunkMs: number | null;
  finishReason: string;
  status: string;
  errorMessage: string;
  language: string;
  qualityScore: number | null;
  groundingScore: number | null;
  checks: InteractionChecks;
  /** By docs/design.md §3's rule, as of `asOf` within the gate's signal window. */
  outcome: Outcome;
}

/** Content-check results as stored at ingest (docs/design.md §5). */
export interface InteractionChecks {
  piiKinds: string[];
  responseWords: number;
  responseTokens: number;
  toxicity: number;
  promptChars: number;
  jailbreak: string;
  topicRelevance: number | null;
  inputFailures: string[];
  nearDuplicateKey: string;
  passed: Record<string, boolean>;
}

const CHECK_FIELDS = [
  'piiKinds',
  'responseWords',
  'responseTokens',
  'toxicity',
  'promptChars',
  'jailbreak',
  'topicRelevance',
  'inputFailures',
  'nearDuplicateKey',
  'passed',
] as const satisfies ReadonlyArray<keyof InteractionChecks>;

type RawRow = Omit<InteractionListRow, 'time' | 'checks' | 'outcome'> &
  InteractionChecks & { isoTime: string };

// SQL over `i.*`: the explorer's cheap filters, shared by the list and the requests its filters judge.
const LIST_SQL = `i.project_id = {projectId:String}
        AND ({workload:String} = '' OR i.workload_id = {workload:String})
        AND ({modelVersion:String} = '' OR i.model_version = {modelVersion:String})
        AND ({requestId:String} = '' OR i.request_id = {requestId:String})
        AND i.time >= {from:DateTime64(6, 'UTC')} AND i.time < {to:DateTime64(6, 'UTC')}`;

// The outcome filter judges the listed requests by the one rule; 'unknown' is a request without a row.
const LISTED_OUTCOMES_SQL = requestOutcomesSql({
  requests: `SELECT i.request_id AS request_id, i.time AS time FROM interactions AS i WHERE ${LIST_SQL}`,
  signalFilter: signalsAroundSql({ from: "{from:DateTime64(6, 'UTC')}", to: "{to:DateTime64(6, 'UTC')}" }),
});
const OUTCOME_FILTER = {
  known: `AND request_id IN (SELECT request_id FROM (${LISTED_OUTCOMES_SQL}) WHERE outcome = {outcome:String})`,
  unknown: `AND request_id NOT IN (SELECT request_id FROM (${LISTED_OUTCOMES_SQL}))`,
};
const GATE_FILTER = `
  AND ({gate:String} = '' OR request_id IN (
    SELECT request_id FROM (${GATED_INTERACTIONS_SQL})
    WHERE multiIf(NOT evaluated, 'pending', gate_passed, 'passed', 'rejected') = {gate:String}))`;

/**
 * Newest interactions first, deduplicated (FINAL) so re-delivered spans appear once, each with its
 * outcome as of `asOf`.
 */
export async function listInteractions(
  client: ClickHouseClient,
  filter: InteractionFilter,
): Promise<InteractionListRow[]> {
  const outcomeFilter =
    filter.outcome === undefined ? '' : OUTCOME_FILTER[filter.outcome === 'unknown' ? 'unknown' : 'known'];
  const result = await client.query({
    query: `
      SELECT
        request_id AS requestId, trace_id AS traceId, span_id AS spanId,
        formatDateTime(time, '%Y-%m-%dT%H:%i:%S.%fZ', 'UTC') AS isoTime,
        workload_id AS workloadId, service, operation, provider, request_model AS requestModel, model,
        model_version AS modelVersion, user_id AS userId, session_id AS sessionId, prompt, response,
        input_tokens AS inputTokens, output_tokens AS outputTokens, latency_ms AS latencyMs,
        ttft_ms AS timeToFirstChunkMs, finish_reason AS finishReason, status, error_message AS errorMessage,
        language, quality_score AS qualityScore, grounding_score AS groundingScore,
        pii_kinds AS piiKinds, response_words AS responseWords, response_tokens AS responseTokens, toxicity,
        prompt_chars AS promptChars, jailbreak, topic_relevance AS topicRelevance, input_failures AS inputFailures,
        dup_key AS nearDuplicateKey, checks_passed AS passed
      FROM interactions AS i FINAL
      WHERE ${LIST_SQL}
        AND ({text:String} = '' OR positionCaseInsensitiveUTF8(prompt, {text:String}) > 0
             OR positionCaseInsensitiveUTF8(response, {text:String}) > 0)
        ${outcomeFilter}
        ${filter.gate ? GATE_FILTER : ''}
      ORDER BY time DESC, span_id
      LIMIT {limit:UInt32}`,
    query_params: {
      projectId: filter.projectId,
      workload: filter.workload ?? '',
      modelVersion: filter.modelVersion ?? '',
      requestId: filter.requestId ?? '',
      text: filter.text ?? '',
      outcome: filter.outcome ?? '',
      gate: filter.gate ?? '',
      from: filter.from,
      to: filter.to,
      asOf: filter.asOf,
      limit: filter.limit,
      ...gateQueryParams(filter.gateConfig),
    },
    format: 'JSONEachRow',
  });
  // The ISO time is selected under another name: an alias `time` would shadow the column in WHERE.
  const rows = await result.json<RawRow>();
  const outcomes = await outcomesOf(client, filter, [...new Set(rows.map((r) => r.requestId))]);
  return rows.map((raw) => toListRow(raw, outcomes.get(raw.requestId) ?? 'unknown'));
}

/** The outcome of each listed request that has one, by the rule the list's filter uses. */
async function outcomesOf(
  client: ClickHouseClient,
  filter: InteractionFilter,
  requestIds: string[],
): Promise<Map<string, Outcome>> {
  if (requestIds.length === 0) return new Map();
  const result = await client.query({
    query: `
      SELECT request_id AS requestId, outcome FROM (${requestOutcomesSql({
        requests: `SELECT i.request_id AS request_id, i.time AS time FROM interactions AS i
          WHERE ${LIST_SQL} AND i.request_id IN {requestIds:Array(String)}`,
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

function toListRow(raw: RawRow, outcome: Outcome): InteractionListRow {
  const { isoTime, ...rest } = raw;
  const checks = Object.fromEntries(CHECK_FIELDS.map((f) => [f, rest[f]])) as unknown as InteractionChecks;
  const row = Object.fromEntries(
    Object.entries(rest).filter(([k]) => !(CHECK_FIELDS as readonly string[]).includes(k)),
  );
  return {
    ...(row as Omit<InteractionListRow, 'time' | 'checks' | 'outcome'>),
    time: isoTime,
    checks,
    outcome,
  };
}

export interface SignalDetail {
  time: string;
  kind: string;
  value: number | null;
  correction: string;
  explicit: boolean;
  userId: string;
  source: string;
}

export interface RequestSignals {
  requestId: string;
  /** Signal kinds in event-time order. */
  kinds: string[];
  details: SignalDetail[];
}

/**
 * Every signal of the given requests, in time order, including those the outcome rule does not count
 * (after the signal window): the explorer shows what users did; the outcome is `listInteractions`'.
 */
export async function signalsForRequests(
  client: ClickHouseClient,
  projectId: string,
  requestIds: string[],
): Promise<RequestSignals[]> {
  if (requestIds.length === 0) return [];
  const result = await client.query({
    query: `
      SELECT
        request_id AS requestId,
        arraySort(x -> x.1, groupArray((formatDateTime(time, '%Y-%m-%dT%H:%i:%S.%fZ', 'UTC'), kind, value, correction, explicit, user_id, source))) AS events
      FROM signals FINAL
      WHERE project_id = {projectId:String} AND request_id IN {requestIds:Array(String)}
      GROUP BY request_id`,
    query_params: { projectId, requestIds },
    format: 'JSONEachRow',
  });
  type Event = [string, string, number | null, string, boolean | number, string, string];
  const rows = await result.json<{ requestId: string; events: Event[] }>();
  return rows.map((row) => {
    const details = row.events.map(([time, kind, value, correction, explicit, userId, source]) => ({
      time,
      kind,
      value,
      correction,
      explicit: Boolean(explicit),
      userId,
      source,
    }));
    return { requestId: row.requestId, kinds: details.map((d) => d.kind), details };
  });
}
