import type { ClickHouseClient } from '@flywheel/storage';
import { OUTCOME_AGG_SQL, type Outcome } from './outcome';

export interface InteractionFilter {
  projectId: string;
  limit: number;
  workload?: string;
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
}

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
        language, quality_score AS qualityScore, grounding_score AS groundingScore
      FROM interactions FINAL
      WHERE project_id = {projectId:String}
        AND ({workload:String} = '' OR workload_id = {workload:String})
        AND time >= {from:DateTime64(6, 'UTC')} AND time < {to:DateTime64(6, 'UTC')}
      ORDER BY time DESC, span_id
      LIMIT {limit:UInt32}`,
    query_params: {
      projectId: filter.projectId,
      workload: filter.workload ?? '',
      from: filter.from,
      to: filter.to,
      limit: filter.limit,
    },
    format: 'JSONEachRow',
  });
  // The ISO time is selected under another name: an alias `time` would shadow the column in WHERE.
  const rows = await result.json<Omit<InteractionListRow, 'time'> & { isoTime: string }>();
  return rows.map(({ isoTime, ...row }) => ({ time: isoTime, ...row }));
}

export interface RequestSignals {
  requestId: string;
  /** Signal kinds in event-time order. */
  kinds: string[];
  outcome: Exclude<Outcome, 'unknown'>;
}

/** The signals of the given requests and the outcome they decide (DESIGN §3 precedence rule). */
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
        arrayMap(x -> x.2, arraySort(groupArray((time, kind)))) AS kinds,
        ${OUTCOME_AGG_SQL} AS outcome
      FROM signals FINAL
      WHERE project_id = {projectId:String} AND request_id IN {requestIds:Array(String)}
      GROUP BY request_id`,
    query_params: { projectId, requestIds },
    format: 'JSONEachRow',
  });
  return result.json<RequestSignals>();
}
