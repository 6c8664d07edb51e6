/** Rows exactly as the `interactions` and `signals` tables store them (snake_case column names). */
export interface InteractionRow {
  project_id: string;
  trace_id: string;
  span_id: string;
  parent_span_id: string;
  request_id: string;
  /** `YYYY-MM-DD hh:mm:ss.ffffff` in UTC, see `formatEventTime`. */
  time: string;
  workload_id: string;
  service: string;
  operation: string;
  provider: string;
  request_model: string;
  model: string;
  model_version: string;
  user_id: string;
  session_id: string;
  prompt: string;
  response: string;
  input_messages: string;
  input_tokens: number;
  output_tokens: number;
  latency_ms: number;
  ttft_ms: number | null;
  finish_reason: string;
  status: 'ok' | 'error';
  error_message: string;
  language: string;
  quality_score: number | null;
  grounding_score: number | null;
  /** Content checks; absent fields take the column defaults. */
  pii_kinds?: string[];
  response_words?: number;
  response_tokens?: number;
  toxicity?: number;
  prompt_chars?: number;
  jailbreak?: string;
  topic_relevance?: number | null;
  input_failures?: string[];
  dup_key?: string;
  checks_passed?: Record<string, boolean>;
  /** Newest GenAI usage counts (0009); absent takes the column default 0. */
  cache_read_input_tokens?: number;
  cache_write_input_tokens?: number;
  reasoning_output_tokens?: number;
  /** `gen_ai.request.stream`; null when the span does not say. */
  stream?: boolean | null;
  /** Mean and minimum token logprob of the response (0013); null or absent: unknown. */
  response_mean_logprob?: number | null;
  response_min_logprob?: number | null;
  attributes: Record<string, string>;
}

export interface SignalRow {
  project_id: string;
  request_id: string;
  /** Stable id of this signal: the same signal re-delivered gets the same id and is stored once. */
  signal_id: string;
  time: string;
  kind: string;
  value: number | null;
  correction: string;
  /** PII kinds redacted from the correction. */
  pii_kinds?: string[];
  explicit: boolean;
  user_id: string;
  /** How it arrived: `span`, `evaluation_event`, `annotation` or `api`. */
  source: string;
  trace_id: string;
  span_id: string;
  attributes: Record<string, string>;
}

/** Event time in the text form DateTime64(6, 'UTC') parses exactly, from Unix nanoseconds. */
export function formatEventTime(unixNanos: bigint): string {
  // Floor, not truncation: before 1970 a truncated fraction would be negative (`.-500000`), which the
  // engine cannot parse.
  const micros = floorDiv(unixNanos, 1000n);
  const seconds = floorDiv(micros, 1_000_000n);
  const iso = new Date(Number(seconds) * 1000).toISOString(); // YYYY-MM-DDTHH:mm:ss.sssZ
  const fraction = (micros - seconds * 1_000_000n).toString().padStart(6, '0');
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${fraction}`;
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b < 0n ? q - 1n : q;
}
