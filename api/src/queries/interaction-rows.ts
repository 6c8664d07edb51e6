import type { ClickHouseClient } from '@flywheel/storage';
import type { Outcome } from './outcome';
import type { InteractionKey } from './interactions';
import { CONVERSATION_COLUMNS, interactionTextSql, type ConversationRecord } from './interaction-messages';

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
  InteractionChecks &
  Partial<ConversationRecord> & { isoTime: string };

/** The columns of `interactions` a row shows besides its text. */
const ROW_COLUMNS = `request_id, time, workload_id, service, operation, provider, request_model, model,
  model_version, user_id, session_id, input_tokens, output_tokens, latency_ms, ttft_ms, finish_reason, status,
  error_message, language, quality_score, grounding_score, pii_kinds, response_words, response_tokens,
  toxicity, prompt_chars, jailbreak, topic_relevance, input_failures, dup_key, checks_passed, ingested_at`;

// The page's rows: by request id (the table's bloom-filter index) and the page's time range.
const PAGE_ROWS = `project_id = {projectId:String} AND request_id IN {requestIds:Array(String)}
  AND time >= {first:DateTime64(6, 'UTC')} AND time <= {last:DateTime64(6, 'UTC')}`;

/**
 * Every column of the interactions of one page, wide text included, in the page's order: the text from
 * the span, else from its events (`interactionTextSql`), for these rows only. Read by request id and the
 * page's time range, not with FINAL: of a re-delivery not merged yet the latest insert is kept, as the
 * merge will. With `conversation`, each row also carries its messages (the detail).
 */
export async function interactionRows(
  client: ClickHouseClient,
  projectId: string,
  keys: InteractionKey[],
  outcomes: Map<string, Outcome>,
  options: { conversation?: boolean } = {},
): Promise<Array<InteractionListRow & Partial<ConversationRecord>>> {
  if (keys.length === 0) return [];
  const times = keys.map((k) => k.time).sort();
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
        ${options.conversation ? `, ${CONVERSATION_COLUMNS}` : ''}
      FROM (${interactionTextSql({ columns: ROW_COLUMNS, where: PAGE_ROWS })})
      ORDER BY ingested_at DESC
      LIMIT 1 BY trace_id, span_id`,
    query_params: {
      projectId,
      requestIds: [...new Set(keys.map((k) => k.requestId))],
      first: times[0],
      last: times[times.length - 1],
    },
    format: 'JSONEachRow',
  });
  // The ISO time is selected under another name: an alias `time` would shadow the column in WHERE.
  const rows = await result.json<RawRow>();
  const bySpan = new Map(rows.map((r) => [`${r.traceId}\u0000${r.spanId}`, r]));
  return keys.flatMap((k) => {
    const raw = bySpan.get(`${k.traceId}\u0000${k.spanId}`);
    return raw ? [toListRow(raw, outcomes.get(raw.requestId) ?? 'unknown')] : [];
  });
}

function toListRow(raw: RawRow, outcome: Outcome): InteractionListRow & Partial<ConversationRecord> {
  const { isoTime, ...rest } = raw;
  const checks = Object.fromEntries(CHECK_FIELDS.map((f) => [f, rest[f]])) as unknown as InteractionChecks;
  const row = Object.fromEntries(
    Object.entries(rest).filter(([k]) => !(CHECK_FIELDS as readonly string[]).includes(k)),
  );
  return {
    ...(row as Omit<InteractionListRow, 'time' | 'checks' | 'outcome'> & Partial<ConversationRecord>),
    time: isoTime,
    checks,
    outcome,
  };
}
