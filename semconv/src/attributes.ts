/**
 * Every attribute name Flywheel reads or writes, in one place.
 *
 * The instrumentation writes these; the collector reads them. Names that belong to other conventions
 * (OTel GenAI current and legacy, OpenInference, Vercel AI SDK, Traceloop) are listed so the collector
 * can recognise spans that were not produced by this package.
 */

// --- Flywheel's own namespace (docs/design.md §3) ---
export const ATTR_FLYWHEEL_WORKLOAD_ID = 'flywheel.workload_id';
export const ATTR_FLYWHEEL_REQUEST_ID = 'flywheel.request_id';
export const ATTR_FLYWHEEL_MODEL_VERSION = 'flywheel.model_version';
export const ATTR_FLYWHEEL_USER_ID = 'flywheel.user_id';
export const ATTR_FLYWHEEL_SESSION_ID = 'flywheel.session_id';
export const ATTR_FLYWHEEL_QUALITY_SCORE = 'flywheel.quality_score';
export const ATTR_FLYWHEEL_GROUNDING_SCORE = 'flywheel.grounding_score';
export const ATTR_FLYWHEEL_LANGUAGE = 'flywheel.language';
/** The app's task type within a workload (e.g. 'refund', 'billing'); datasets may stratify by it. */
export const ATTR_FLYWHEEL_TASK_TYPE = 'flywheel.task_type';
/**
 * Mean and minimum token log-probability of the response (natural log, so ≤ 0), as the app or the
 * instrumentation computes them from the provider's per-token logprobs (OpenAI's
 * `choices[].logprobs.content[].logprob`). The OTel GenAI conventions have no attribute for them yet;
 * two numbers keep per-token arrays off the wire. The review queue reads a low mean as an uncertain output.
 */
export const ATTR_FLYWHEEL_RESPONSE_MEAN_LOGPROB = 'flywheel.response.mean_logprob';
export const ATTR_FLYWHEEL_RESPONSE_MIN_LOGPROB = 'flywheel.response.min_logprob';

export const SPAN_NAME_FLYWHEEL_SIGNAL = 'flywheel.signal';
export const ATTR_FLYWHEEL_SIGNAL_KIND = 'flywheel.signal.kind';
export const ATTR_FLYWHEEL_SIGNAL_VALUE = 'flywheel.signal.value';
export const ATTR_FLYWHEEL_SIGNAL_CORRECTION = 'flywheel.signal.correction';
export const ATTR_FLYWHEEL_SIGNAL_EXPLICIT = 'flywheel.signal.explicit';
/** Optional event time of a signal when it differs from the span's start (backfills). */
export const ATTR_FLYWHEEL_SIGNAL_TIME = 'flywheel.signal.time';

// --- OTel GenAI, current ---
export const ATTR_GEN_AI_OPERATION_NAME = 'gen_ai.operation.name';
export const ATTR_GEN_AI_PROVIDER_NAME = 'gen_ai.provider.name';
export const ATTR_GEN_AI_REQUEST_MODEL = 'gen_ai.request.model';
export const ATTR_GEN_AI_RESPONSE_MODEL = 'gen_ai.response.model';
export const ATTR_GEN_AI_RESPONSE_ID = 'gen_ai.response.id';
export const ATTR_GEN_AI_RESPONSE_FINISH_REASONS = 'gen_ai.response.finish_reasons';
export const ATTR_GEN_AI_USAGE_INPUT_TOKENS = 'gen_ai.usage.input_tokens';
export const ATTR_GEN_AI_USAGE_OUTPUT_TOKENS = 'gen_ai.usage.output_tokens';
export const ATTR_GEN_AI_CONVERSATION_ID = 'gen_ai.conversation.id';
export const ATTR_GEN_AI_INPUT_MESSAGES = 'gen_ai.input.messages';
export const ATTR_GEN_AI_OUTPUT_MESSAGES = 'gen_ai.output.messages';
export const ATTR_GEN_AI_SYSTEM_INSTRUCTIONS = 'gen_ai.system_instructions';
export const ATTR_GEN_AI_REQUEST_STREAM = 'gen_ai.request.stream';
/** Time to first chunk of a streamed response, in seconds. */
export const ATTR_GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK = 'gen_ai.response.time_to_first_chunk';
export const ATTR_GEN_AI_EVALUATION_NAME = 'gen_ai.evaluation.name';
export const ATTR_GEN_AI_EVALUATION_SCORE_VALUE = 'gen_ai.evaluation.score.value';
export const ATTR_GEN_AI_EVALUATION_SCORE_LABEL = 'gen_ai.evaluation.score.label';
export const ATTR_GEN_AI_EVALUATION_EXPLANATION = 'gen_ai.evaluation.explanation';
export const EVENT_GEN_AI_EVALUATION_RESULT = 'gen_ai.evaluation.result';
export const ATTR_GEN_AI_REQUEST_MAX_TOKENS = 'gen_ai.request.max_tokens';
export const ATTR_GEN_AI_REQUEST_TEMPERATURE = 'gen_ai.request.temperature';
export const ATTR_GEN_AI_REQUEST_TOP_P = 'gen_ai.request.top_p';
export const ATTR_GEN_AI_REQUEST_ENCODING_FORMATS = 'gen_ai.request.encoding_formats';
export const ATTR_GEN_AI_EMBEDDINGS_DIMENSION_COUNT = 'gen_ai.embeddings.dimension.count';
/** Input tokens served from the provider's prompt cache, and written to it (newest names). */
export const ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS = 'gen_ai.usage.cache_read.input_tokens';
export const ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS = 'gen_ai.usage.cache_creation.input_tokens';
/** Output tokens spent on reasoning. */
export const ATTR_GEN_AI_USAGE_REASONING_OUTPUT_TOKENS = 'gen_ai.usage.reasoning.output_tokens';

/** `gen_ai.operation.name` values written by the instrumentation. */
export const GEN_AI_OPERATION_CHAT = 'chat';
export const GEN_AI_OPERATION_EMBEDDINGS = 'embeddings';
/** `gen_ai.provider.name` values written by the instrumentation. */
export const GEN_AI_PROVIDER_OPENAI = 'openai';
export const GEN_AI_PROVIDER_ANTHROPIC = 'anthropic';

// --- OTel GenAI, legacy ---
export const ATTR_GEN_AI_SYSTEM = 'gen_ai.system';
export const ATTR_GEN_AI_USAGE_PROMPT_TOKENS = 'gen_ai.usage.prompt_tokens';
export const ATTR_GEN_AI_USAGE_COMPLETION_TOKENS = 'gen_ai.usage.completion_tokens';
/** Flattened legacy content: `gen_ai.prompt.N.role`, `gen_ai.prompt.N.content`, same for completion. */
export const PREFIX_GEN_AI_PROMPT = 'gen_ai.prompt.';
export const PREFIX_GEN_AI_COMPLETION = 'gen_ai.completion.';
/** Earlier spellings of the usage details (Anthropic-style and OpenLLMetry, and the dotted variants). */
export const ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS_LEGACY = 'gen_ai.usage.cache_read_input_tokens';
export const ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS_LEGACY =
  'gen_ai.usage.cache_creation_input_tokens';
export const ATTR_GEN_AI_USAGE_INPUT_TOKENS_CACHED = 'gen_ai.usage.input_tokens.cached';
export const ATTR_GEN_AI_USAGE_INPUT_TOKENS_CACHE_WRITE = 'gen_ai.usage.input_tokens.cache_write';
export const ATTR_GEN_AI_USAGE_OUTPUT_TOKENS_REASONING = 'gen_ai.usage.output_tokens.reasoning';
export const ATTR_GEN_AI_USAGE_REASONING_TOKENS = 'gen_ai.usage.reasoning_tokens';

// --- OpenInference ---
export const ATTR_OPENINFERENCE_SPAN_KIND = 'openinference.span.kind';
export const ATTR_LLM_PROVIDER = 'llm.provider';
export const ATTR_LLM_SYSTEM = 'llm.system';
export const ATTR_LLM_MODEL_NAME = 'llm.model_name';
export const ATTR_LLM_TOKEN_COUNT_PROMPT = 'llm.token_count.prompt';
export const ATTR_LLM_TOKEN_COUNT_COMPLETION = 'llm.token_count.completion';
export const ATTR_LLM_TOKEN_COUNT_CACHE_READ = 'llm.token_count.prompt_details.cache_read';
export const ATTR_LLM_TOKEN_COUNT_CACHE_WRITE = 'llm.token_count.prompt_details.cache_write';
export const ATTR_LLM_TOKEN_COUNT_REASONING = 'llm.token_count.completion_details.reasoning';
export const PREFIX_LLM_INPUT_MESSAGES = 'llm.input_messages.';
export const PREFIX_LLM_OUTPUT_MESSAGES = 'llm.output_messages.';
export const ATTR_INPUT_VALUE = 'input.value';
export const ATTR_OUTPUT_VALUE = 'output.value';
export const ATTR_SESSION_ID = 'session.id';
export const ATTR_USER_ID = 'user.id';
/** `annotations.N.annotation.name` / `.label` / `.score` / `.explanation` */
export const PREFIX_OPENINFERENCE_ANNOTATIONS = 'annotations.';
/** `evaluations.N.evaluation.name` / `.label` / `.score` / `.explanation` (earlier OpenInference). */
export const PREFIX_OPENINFERENCE_EVALUATIONS = 'evaluations.';

// --- Vercel AI SDK ---
export const ATTR_AI_MODEL_ID = 'ai.model.id';
export const ATTR_AI_MODEL_PROVIDER = 'ai.model.provider';
export const ATTR_AI_OPERATION_ID = 'ai.operationId';
export const ATTR_AI_PROMPT = 'ai.prompt';
export const ATTR_AI_PROMPT_MESSAGES = 'ai.prompt.messages';
export const ATTR_AI_RESPONSE_TEXT = 'ai.response.text';
export const ATTR_AI_RESPONSE_FINISH_REASON = 'ai.response.finishReason';
export const ATTR_AI_RESPONSE_ID = 'ai.response.id';
export const ATTR_AI_RESPONSE_MODEL = 'ai.response.model';
export const ATTR_AI_USAGE_PROMPT_TOKENS = 'ai.usage.promptTokens';
export const ATTR_AI_USAGE_COMPLETION_TOKENS = 'ai.usage.completionTokens';
export const ATTR_AI_USAGE_INPUT_TOKENS = 'ai.usage.inputTokens';
export const ATTR_AI_USAGE_OUTPUT_TOKENS = 'ai.usage.outputTokens';
export const ATTR_AI_RESPONSE_MS_TO_FIRST_CHUNK = 'ai.response.msToFirstChunk';
export const ATTR_AI_USAGE_CACHED_INPUT_TOKENS = 'ai.usage.cachedInputTokens';
export const ATTR_AI_USAGE_REASONING_TOKENS = 'ai.usage.reasoningTokens';
export const ATTR_AI_SETTINGS_STREAM = 'ai.stream';
export const ATTR_AI_TELEMETRY_METADATA_PREFIX = 'ai.telemetry.metadata.';

// --- Traceloop / OpenLLMetry ---
export const ATTR_TRACELOOP_SPAN_KIND = 'traceloop.span.kind';
export const ATTR_LLM_REQUEST_TYPE = 'llm.request.type';
export const ATTR_LLM_USAGE_TOTAL_TOKENS = 'llm.usage.total_tokens';

// --- Resource ---
export const ATTR_SERVICE_NAME = 'service.name';

// --- General OTel (server, errors) ---
export const ATTR_SERVER_ADDRESS = 'server.address';
export const ATTR_SERVER_PORT = 'server.port';
export const ATTR_ERROR_TYPE = 'error.type';
