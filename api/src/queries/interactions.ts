import type { ClickHouseClient } from '@flywheel/storage';
import { GATED_INTERACTIONS_SQL, gateQueryParams, type GateConfig } from './gate';
import { OUTCOME_AGG_SQL, type Outcome } from './outcome';

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
  gateConfig: GateConfig;
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

type RawRow = Omit<InteractionListRow, 'time' | 'checks'> & InteractionChecks & { isoTime: string };

// Outcome and gate filters select request ids first; both need every signal of the request.
const OUTCOME_FILTER = `
  AND ({outcome:String} = ''
    OR ({outcome:String} = 'unknown' AND request_id NOT IN (SELECT request_id FROM signals WHERE project_id = {projectId:String}))
    OR request_id IN (
      SELECT request_id FROM signals FINAL WHERE project_id = {projectId:String}
      GROUP BY request_id HAVING ${OUTCOME_AGG_SQL} = {outcome:String}))`;
const GATE_FILTER = `
  AND ({gate:String} = '' OR request_id IN (
    SELECT request_id FROM (${GATED_INTERACTIONS_SQL})
    WHERE multiIf(NOT evaluated, 'pending', gate_passed, 'passed', 'rejected') = {gate:String}))`;

/** Newest interactions first, deduplicated (FINAL) so re-delivered spans appear once. */
export async function listInteractions(
  client: ClickHouseClient,
  filter: InteractionFilter,
): Promise<InteractionListRow[]> {
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
      FROM interactions FINAL
      WHERE project_id = {projectId:String}
        AND ({workload:String} = '' OR workload_id = {workload:String})
        AND ({modelVersion:String} = '' OR model_version = {modelVersion:String})
        AND ({requestId:String} = '' OR request_id = {requestId:String})
        AND ({text:String} = '' OR positionCaseInsensitiveUTF8(prompt, {text:String}) > 0
             OR positionCaseInsensitiveUTF8(response, {text:String}) > 0)
        AND time >= {from:DateTime64(6, 'UTC')} AND time < {to:DateTime64(6, 'UTC')}
        ${filter.outcome ? OUTCOME_FILTER : ''}
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
  return (await result.json<RawRow>()).map(toListRow);
}

function toListRow(raw: RawRow): InteractionListRow {
  const { isoTime, ...rest } = raw;
  const checks = Object.fromEntries(CHECK_FIELDS.map((f) => [f, rest[f]])) as unknown as InteractionChecks;
  const row = Object.fromEntries(
    Object.entries(rest).filter(([k]) => !(CHECK_FIELDS as readonly string[]).includes(k)),
  );
  return { ...(row as Omit<InteractionListRow, 'time' | 'checks'>), time: isoTime, checks };
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
  outcome: Exclude<Outcome, 'unknown'>;
}

/** The signals of the given requests, in time order, and the outcome they decide (docs/design.md §3). */
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
        arraySort(x -> x.1, groupArray((formatDateTime(time, '%Y-%m-%dT%H:%i:%S.%fZ', 'UTC'), kind, value, correction, explicit, user_id, source))) AS events,
        ${OUTCOME_AGG_SQL} AS outcome
      FROM signals FINAL
      WHERE project_id = {projectId:String} AND request_id IN {requestIds:Array(String)}
      GROUP BY request_id`,
    query_params: { projectId, requestIds },
    format: 'JSONEachRow',
  });
  type Event = [string, string, number | null, string, boolean | number, string, string];
  const rows = await result.json<{ requestId: string; events: Event[]; outcome: 'success' | 'failure' }>();
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
    return { requestId: row.requestId, kinds: details.map((d) => d.kind), details, outcome: row.outcome };
  });
}
