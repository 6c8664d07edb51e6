import {
  ATTR_AI_MODEL_ID,
  ATTR_AI_MODEL_PROVIDER,
  ATTR_AI_OPERATION_ID,
  ATTR_AI_RESPONSE_FINISH_REASON,
  ATTR_AI_RESPONSE_ID,
  ATTR_AI_RESPONSE_MODEL,
  ATTR_AI_RESPONSE_MS_TO_FIRST_CHUNK,
  ATTR_AI_USAGE_COMPLETION_TOKENS,
  ATTR_AI_USAGE_INPUT_TOKENS,
  ATTR_AI_USAGE_OUTPUT_TOKENS,
  ATTR_AI_USAGE_PROMPT_TOKENS,
  ATTR_AI_USAGE_CACHED_INPUT_TOKENS,
  ATTR_AI_USAGE_REASONING_TOKENS,
  ATTR_GEN_AI_OUTPUT_MESSAGES,
  ATTR_GEN_AI_REQUEST_STREAM,
  ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS_LEGACY,
  ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS_LEGACY,
  ATTR_GEN_AI_USAGE_INPUT_TOKENS_CACHED,
  ATTR_GEN_AI_USAGE_INPUT_TOKENS_CACHE_WRITE,
  ATTR_GEN_AI_USAGE_OUTPUT_TOKENS_REASONING,
  ATTR_GEN_AI_USAGE_REASONING_OUTPUT_TOKENS,
  ATTR_GEN_AI_USAGE_REASONING_TOKENS,
  ATTR_LLM_TOKEN_COUNT_CACHE_READ,
  ATTR_LLM_TOKEN_COUNT_CACHE_WRITE,
  ATTR_LLM_TOKEN_COUNT_REASONING,
  ATTR_FLYWHEEL_GROUNDING_SCORE,
  ATTR_FLYWHEEL_LANGUAGE,
  ATTR_FLYWHEEL_MODEL_VERSION,
  ATTR_FLYWHEEL_QUALITY_SCORE,
  ATTR_FLYWHEEL_REQUEST_ID,
  ATTR_FLYWHEEL_RESPONSE_MEAN_LOGPROB,
  ATTR_FLYWHEEL_RESPONSE_MIN_LOGPROB,
  ATTR_FLYWHEEL_SESSION_ID,
  ATTR_FLYWHEEL_USER_ID,
  ATTR_FLYWHEEL_WORKLOAD_ID,
  ATTR_GEN_AI_CONVERSATION_ID,
  ATTR_GEN_AI_OPERATION_NAME,
  ATTR_GEN_AI_PROVIDER_NAME,
  ATTR_GEN_AI_REQUEST_MODEL,
  ATTR_GEN_AI_RESPONSE_FINISH_REASONS,
  ATTR_GEN_AI_RESPONSE_ID,
  ATTR_GEN_AI_RESPONSE_MODEL,
  ATTR_GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK,
  ATTR_GEN_AI_SYSTEM,
  ATTR_GEN_AI_USAGE_COMPLETION_TOKENS,
  ATTR_GEN_AI_USAGE_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_OUTPUT_TOKENS,
  ATTR_GEN_AI_USAGE_PROMPT_TOKENS,
  ATTR_LLM_MODEL_NAME,
  ATTR_LLM_PROVIDER,
  ATTR_LLM_REQUEST_TYPE,
  ATTR_LLM_SYSTEM,
  ATTR_LLM_TOKEN_COUNT_COMPLETION,
  ATTR_LLM_TOKEN_COUNT_PROMPT,
  ATTR_OPENINFERENCE_SPAN_KIND,
  ATTR_SESSION_ID,
  ATTR_USER_ID,
  PREFIX_GEN_AI_COMPLETION,
} from '@flywheel/semconv';
import type { InteractionRow } from '@flywheel/storage';
import { STATUS_CODE_ERROR, type DecodedSpan } from '../otlp/span';
import { bool, num, str, strList, structured } from './attrs';
import { extractContent, inputMessagesJson } from './content';
import { extraAttributes } from './extra-attributes';
import { countProblem } from './domain';
import { SpanRejection, logprob, requireIds, requireTimes, spanTime, unitScore } from './validate';

/** Maps one recognised LLM-call span to an `interactions` row (docs/design.md §3 field mapping). */
export function toInteraction(
  span: DecodedSpan,
  service: string,
  projectId: string,
  nowNs: bigint,
): InteractionRow {
  requireIds(span);
  requireTimes(span, nowNs);
  const a = span.attributes;
  const operation = operationOf(span);
  const requestModel = str(a, ATTR_GEN_AI_REQUEST_MODEL, ATTR_LLM_MODEL_NAME, ATTR_AI_MODEL_ID) ?? '';
  const model = str(a, ATTR_GEN_AI_RESPONSE_MODEL, ATTR_AI_RESPONSE_MODEL) ?? requestModel;
  const content = extractContent(span);
  const ttftSeconds = num(a, ATTR_GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK);
  const ttftMs = ttftSeconds !== undefined ? ttftSeconds * 1000 : firstChunkMs(span);
  if (ttftMs !== undefined && !Number.isFinite(ttftMs))
    throw new SpanRejection(
      `${ATTR_GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK} is too large to store, got ${ttftSeconds}`,
    );
  return {
    project_id: projectId,
    trace_id: span.traceId,
    span_id: span.spanId,
    parent_span_id: span.parentSpanId,
    request_id: str(a, ATTR_FLYWHEEL_REQUEST_ID, ATTR_GEN_AI_RESPONSE_ID, ATTR_AI_RESPONSE_ID) ?? span.spanId,
    time: spanTime(span.startNs, 'startTimeUnixNano', nowNs),
    workload_id: str(a, ATTR_FLYWHEEL_WORKLOAD_ID) ?? `${service}:${operation}`,
    service,
    operation,
    provider: providerOf(span),
    request_model: requestModel,
    model,
    model_version: str(a, ATTR_FLYWHEEL_MODEL_VERSION) ?? model,
    user_id: str(a, ATTR_FLYWHEEL_USER_ID, ATTR_USER_ID) ?? '',
    session_id: str(a, ATTR_FLYWHEEL_SESSION_ID, ATTR_GEN_AI_CONVERSATION_ID, ATTR_SESSION_ID) ?? '',
    prompt: content.prompt,
    response: content.response,
    input_messages: inputMessagesJson(content),
    input_tokens: tokens(span, [
      ATTR_GEN_AI_USAGE_INPUT_TOKENS,
      ATTR_GEN_AI_USAGE_PROMPT_TOKENS,
      ATTR_LLM_TOKEN_COUNT_PROMPT,
      ATTR_AI_USAGE_INPUT_TOKENS,
      ATTR_AI_USAGE_PROMPT_TOKENS,
    ]),
    output_tokens: tokens(span, [
      ATTR_GEN_AI_USAGE_OUTPUT_TOKENS,
      ATTR_GEN_AI_USAGE_COMPLETION_TOKENS,
      ATTR_LLM_TOKEN_COUNT_COMPLETION,
      ATTR_AI_USAGE_OUTPUT_TOKENS,
      ATTR_AI_USAGE_COMPLETION_TOKENS,
    ]),
    // Newest names first; cache_creation is what the newest conventions call a cache write.
    cache_read_input_tokens: tokens(span, [
      ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS,
      ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS_LEGACY,
      ATTR_GEN_AI_USAGE_INPUT_TOKENS_CACHED,
      ATTR_LLM_TOKEN_COUNT_CACHE_READ,
      ATTR_AI_USAGE_CACHED_INPUT_TOKENS,
    ]),
    cache_write_input_tokens: tokens(span, [
      ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS,
      ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS_LEGACY,
      ATTR_GEN_AI_USAGE_INPUT_TOKENS_CACHE_WRITE,
      ATTR_LLM_TOKEN_COUNT_CACHE_WRITE,
    ]),
    reasoning_output_tokens: tokens(span, [
      ATTR_GEN_AI_USAGE_REASONING_OUTPUT_TOKENS,
      ATTR_GEN_AI_USAGE_OUTPUT_TOKENS_REASONING,
      ATTR_GEN_AI_USAGE_REASONING_TOKENS,
      ATTR_LLM_TOKEN_COUNT_REASONING,
      ATTR_AI_USAGE_REASONING_TOKENS,
    ]),
    stream: streamed(span),
    latency_ms: Number(span.endNs - span.startNs) / 1e6,
    ttft_ms: ttftMs ?? null,
    // The response-level list first, then the first output message's own reason (newest message
    // format), then the older per-choice attributes.
    finish_reason:
      strList(a, ATTR_GEN_AI_RESPONSE_FINISH_REASONS)[0] ??
      outputMessageFinishReason(a) ??
      str(a, ATTR_AI_RESPONSE_FINISH_REASON, `${PREFIX_GEN_AI_COMPLETION}0.finish_reason`) ??
      '',
    status: span.status.code === STATUS_CODE_ERROR ? 'error' : 'ok',
    error_message: span.status.code === STATUS_CODE_ERROR ? span.status.message : '',
    language: str(a, ATTR_FLYWHEEL_LANGUAGE) ?? '',
    quality_score: unitScore(a, ATTR_FLYWHEEL_QUALITY_SCORE),
    grounding_score: unitScore(a, ATTR_FLYWHEEL_GROUNDING_SCORE),
    response_mean_logprob: logprob(a, ATTR_FLYWHEEL_RESPONSE_MEAN_LOGPROB),
    response_min_logprob: logprob(a, ATTR_FLYWHEEL_RESPONSE_MIN_LOGPROB),
    attributes: extraAttributes(a),
  };
}

function operationOf(span: DecodedSpan): string {
  const a = span.attributes;
  const explicit = str(a, ATTR_GEN_AI_OPERATION_NAME);
  if (explicit) return explicit;
  const vercel = str(a, ATTR_AI_OPERATION_ID);
  if (vercel) return vercel.includes('embed') ? 'embeddings' : 'chat';
  const requestType = str(a, ATTR_LLM_REQUEST_TYPE);
  if (requestType) return requestType === 'completion' ? 'text_completion' : requestType;
  if (str(a, ATTR_OPENINFERENCE_SPAN_KIND)) return 'chat';
  return 'chat';
}

function providerOf(span: DecodedSpan): string {
  const a = span.attributes;
  const direct = str(a, ATTR_GEN_AI_PROVIDER_NAME, ATTR_GEN_AI_SYSTEM, ATTR_LLM_PROVIDER, ATTR_LLM_SYSTEM);
  if (direct) return direct.toLowerCase();
  // Vercel names providers like `openai.chat` or `anthropic.messages`.
  const vercel = str(a, ATTR_AI_MODEL_PROVIDER);
  return vercel ? vercel.split('.')[0]!.toLowerCase() : '';
}

/** A token count (UInt32 column); the span is refused when the first attribute present does not fit. */
function tokens(span: DecodedSpan, keys: string[]): number {
  const key = keys.find((k) => {
    const raw = span.attributes[k];
    // Non-finite doubles ("NaN", "Infinity" in OTLP/JSON) are present but not numbers: refused below.
    return num(span.attributes, k) !== undefined || (typeof raw === 'number' && !Number.isFinite(raw));
  });
  if (key === undefined) return 0;
  const value = num(span.attributes, key) ?? (span.attributes[key] as number);
  const problem = countProblem(value);
  if (problem) throw new SpanRejection(`${key} ${problem}, got ${value}`);
  return value;
}

/** Vercel AI SDK records time to first chunk as a stream event or attribute in milliseconds. */
function firstChunkMs(span: DecodedSpan): number | undefined {
  const fromAttr = num(span.attributes, ATTR_AI_RESPONSE_MS_TO_FIRST_CHUNK);
  if (fromAttr !== undefined) return fromAttr;
  const event = span.events.find((e) => e.name === 'ai.stream.firstChunk');
  if (!event) return undefined;
  return (
    num(event.attributes, ATTR_AI_RESPONSE_MS_TO_FIRST_CHUNK) ?? Number(event.timeNs - span.startNs) / 1e6
  );
}

/** `gen_ai.request.stream`, else what the Vercel AI SDK's operation says; null when nothing does. */
function streamed(span: DecodedSpan): boolean | null {
  const explicit = bool(span.attributes, ATTR_GEN_AI_REQUEST_STREAM);
  if (explicit !== undefined) return explicit;
  const vercel = str(span.attributes, ATTR_AI_OPERATION_ID);
  if (vercel?.endsWith('.doStream')) return true;
  if (vercel?.endsWith('.doGenerate')) return false;
  return null;
}

function outputMessageFinishReason(a: DecodedSpan['attributes']): string | undefined {
  const messages = structured(a, ATTR_GEN_AI_OUTPUT_MESSAGES);
  const first: unknown = Array.isArray(messages) ? messages[0] : undefined;
  const reason =
    first && typeof first === 'object' ? (first as { finish_reason?: unknown }).finish_reason : undefined;
  return typeof reason === 'string' && reason.length > 0 ? reason : undefined;
}
