import type { ClickHouseClient } from '@flywheel/storage';
import { CONVERSATION_COLUMNS, interactionTextSql, type ConversationRecord } from './interaction-messages';

/** One trace of one project: every query here is scoped by both. */
// A type, not an interface: it is passed where query parameters (an index signature) are expected.
export type TraceKey = {
  projectId: string;
  traceId: string;
};

export interface NodeRecord {
  spanId: string;
  parentSpanId: string;
  /** DateTime64 text. */
  time: string;
  nodeType: string;
  name: string;
  operation: string;
  service: string;
  status: string;
  errorMessage: string;
  durationMs: number;
  agentName: string;
  toolName: string;
  documentCount: number | null;
  documentScores: number[];
}

export interface CallRecord extends ConversationRecord {
  spanId: string;
  parentSpanId: string;
  requestId: string;
  time: string;
  service: string;
  operation: string;
  provider: string;
  model: string;
  status: string;
  errorMessage: string;
  prompt: string;
  response: string;
  inputTokens: number;
  outputTokens: number;
  cacheReadInputTokens: number;
  cacheWriteInputTokens: number;
  reasoningOutputTokens: number;
  stream: boolean | null;
  latencyMs: number;
  ttftMs: number | null;
  finishReason: string;
}

export interface SignalRecord {
  requestId: string;
  spanId: string;
  time: string;
  kind: string;
  value: number | null;
  explicit: boolean;
  source: string;
}

export interface JudgmentRecord {
  requestId: string;
  spanId: string;
  time: string;
  metric: string;
  judgeId: string;
  score: number | null;
  label: string;
  explanation: string;
  source: string;
}

async function rows<T>(
  client: ClickHouseClient,
  query: string,
  params: Record<string, unknown>,
): Promise<T[]> {
  const result = await client.query({ query, query_params: params, format: 'JSONEachRow' });
  return result.json<T>();
}

/** The trace's pipeline nodes (sort key leads with the trace: a range read). */
export function traceNodes(client: ClickHouseClient, key: TraceKey): Promise<NodeRecord[]> {
  return rows<NodeRecord>(
    client,
    `SELECT span_id AS spanId, parent_span_id AS parentSpanId, toString(time) AS time,
            node_type AS nodeType, name, operation, service, status, error_message AS errorMessage,
            duration_ms AS durationMs, agent_name AS agentName, tool_name AS toolName,
            document_count AS documentCount, document_scores AS documentScores
     FROM pipeline_nodes FINAL
     WHERE project_id = {projectId:String} AND trace_id = {traceId:String}
     ORDER BY time, span_id`,
    key,
  );
}

// The columns of a call besides its text.
const CALL_COLUMNS = `parent_span_id, request_id, time, service, operation, provider, model, status, error_message,
  input_tokens, output_tokens, cache_read_input_tokens, cache_write_input_tokens, reasoning_output_tokens,
  stream, latency_ms, ttft_ms, finish_reason, ingested_at`;

/**
 * The trace's model calls, each with its messages from the span, else from its events (one definition:
 * `interactionTextSql`). The trace-id skip index keeps this from reading the project's other traces; of
 * a re-delivery not merged yet the latest insert is kept.
 */
export function traceCalls(client: ClickHouseClient, key: TraceKey): Promise<CallRecord[]> {
  return rows<CallRecord>(
    client,
    `SELECT span_id AS spanId, parent_span_id AS parentSpanId, request_id AS requestId,
            toString(time) AS time, service, operation, provider, model, status,
            error_message AS errorMessage, prompt, response, ${CONVERSATION_COLUMNS},
            input_tokens AS inputTokens, output_tokens AS outputTokens,
            cache_read_input_tokens AS cacheReadInputTokens,
            cache_write_input_tokens AS cacheWriteInputTokens,
            reasoning_output_tokens AS reasoningOutputTokens, stream,
            latency_ms AS latencyMs, ttft_ms AS ttftMs, finish_reason AS finishReason
     FROM (
       SELECT * FROM (${interactionTextSql({
         columns: CALL_COLUMNS,
         where: 'project_id = {projectId:String} AND trace_id = {traceId:String}',
       })})
       ORDER BY ingested_at DESC
       LIMIT 1 BY span_id
     )
     ORDER BY time, span_id`,
    key,
  );
}

/** Signals on the trace's calls (by request id) or recorded within the trace (by span). */
export function traceSignals(
  client: ClickHouseClient,
  key: TraceKey,
  requestIds: string[],
): Promise<SignalRecord[]> {
  return rows<SignalRecord>(
    client,
    `SELECT request_id AS requestId, span_id AS spanId, toString(time) AS time, kind, value,
            explicit, source
     FROM signals FINAL
     WHERE project_id = {projectId:String}
       AND (request_id IN {requestIds:Array(String)} OR trace_id = {traceId:String})
     ORDER BY time, signal_id`,
    { ...key, requestIds },
  );
}

/** Judgments of the trace's calls (by request id) or recorded within the trace (by span). */
export function traceJudgments(
  client: ClickHouseClient,
  key: TraceKey,
  requestIds: string[],
): Promise<JudgmentRecord[]> {
  return rows<JudgmentRecord>(
    client,
    `SELECT request_id AS requestId, span_id AS spanId, toString(time) AS time, metric,
            judge_id AS judgeId, score, label, explanation, source
     FROM judgments FINAL
     WHERE project_id = {projectId:String}
       AND (request_id IN {requestIds:Array(String)} OR trace_id = {traceId:String})
     ORDER BY time, metric, judge_id`,
    { ...key, requestIds },
  );
}
