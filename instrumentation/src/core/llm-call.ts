import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Attributes, Context, Span, Tracer } from '@opentelemetry/api';
import {
  ATTR_ERROR_TYPE,
  ATTR_FLYWHEEL_GROUNDING_SCORE,
  ATTR_FLYWHEEL_MODEL_VERSION,
  ATTR_FLYWHEEL_QUALITY_SCORE,
  ATTR_FLYWHEEL_REQUEST_ID,
  ATTR_FLYWHEEL_SESSION_ID,
  ATTR_FLYWHEEL_USER_ID,
  ATTR_FLYWHEEL_WORKLOAD_ID,
  ATTR_GEN_AI_CONVERSATION_ID,
  ATTR_GEN_AI_INPUT_MESSAGES,
  ATTR_GEN_AI_OPERATION_NAME,
  ATTR_GEN_AI_OUTPUT_MESSAGES,
  ATTR_GEN_AI_PROVIDER_NAME,
  ATTR_GEN_AI_REQUEST_MODEL,
  ATTR_GEN_AI_REQUEST_STREAM,
  ATTR_GEN_AI_RESPONSE_FINISH_REASONS,
  ATTR_GEN_AI_RESPONSE_ID,
  ATTR_GEN_AI_RESPONSE_MODEL,
  ATTR_GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK,
  ATTR_GEN_AI_SYSTEM_INSTRUCTIONS,
  ATTR_GEN_AI_USAGE_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_OUTPUT_TOKENS,
} from '@flywheel/semconv';
import { currentScope, noteRequestId } from '../context/scope';
import type { Scope } from '../context/scope';
import { RequestIdSlot } from '../context/request-id';
import { hashUserId } from '../context/user-id';
import { emitSignal } from '../signals/emit';
import { toJson } from './messages';
import type { ChatMessage, MessagePart, OutputMessage } from './messages';

/** What an adapter reads from the request before the call. */
export interface CallDescription {
  provider: string;
  operation: string;
  requestModel: string | undefined;
  stream: boolean;
  attributes: Attributes;
  inputMessages?: ChatMessage[];
  systemInstructions?: MessagePart[];
}

/** What an adapter reads from a response, or from the chunks of a stream so far. */
export interface CallResult {
  responseId?: string;
  responseModel?: string;
  finishReasons?: string[];
  inputTokens?: number;
  outputTokens?: number;
  outputMessages?: OutputMessage[];
  attributes?: Attributes;
}

export interface CallOptions {
  tracer: Tracer;
  captureContent: boolean;
  parentContext: Context;
}

/** The span of one LLM call, from the request until the response (or the stream) is done. */
export class LlmCall {
  readonly slot: RequestIdSlot;
  private readonly startedAt = performance.now();
  private ended = false;
  private sawFirstChunk = false;

  private constructor(
    readonly span: Span,
    readonly context: Context,
    private readonly scope: Scope | undefined,
    private readonly options: CallOptions,
  ) {
    this.slot = new RequestIdSlot(scope?.attributes.requestId, span.spanContext().spanId);
  }

  static start(description: CallDescription, options: CallOptions): LlmCall {
    const scope = currentScope();
    const attributes: Attributes = {
      [ATTR_GEN_AI_OPERATION_NAME]: description.operation,
      [ATTR_GEN_AI_PROVIDER_NAME]: description.provider,
      [ATTR_GEN_AI_REQUEST_STREAM]: description.stream,
      ...description.attributes,
    };
    if (description.requestModel !== undefined)
      attributes[ATTR_GEN_AI_REQUEST_MODEL] = description.requestModel;
    addScopeAttributes(attributes, scope);
    if (options.captureContent) {
      if (description.inputMessages !== undefined) {
        attributes[ATTR_GEN_AI_INPUT_MESSAGES] = toJson(description.inputMessages);
      }
      if (description.systemInstructions !== undefined && description.systemInstructions.length > 0) {
        attributes[ATTR_GEN_AI_SYSTEM_INSTRUCTIONS] = toJson(description.systemInstructions);
      }
    }
    const name =
      description.requestModel !== undefined
        ? `${description.operation} ${description.requestModel}`
        : description.operation;
    const span = options.tracer.startSpan(name, { kind: SpanKind.CLIENT, attributes }, options.parentContext);
    return new LlmCall(span, trace.setSpan(options.parentContext, span), scope, options);
  }

  get isEnded(): boolean {
    return this.ended;
  }

  firstChunk(): void {
    if (this.sawFirstChunk || this.ended) return;
    this.sawFirstChunk = true;
    this.span.setAttribute(
      ATTR_GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK,
      (performance.now() - this.startedAt) / 1000,
    );
  }

  finish(result: CallResult): void {
    if (this.ended) return;
    this.record(result);
    this.end();
  }

  fail(error: unknown): void {
    if (this.ended) return;
    if (error instanceof Error) this.span.recordException(error);
    else this.span.recordException({ message: String(error) });
    this.span.setStatus({ code: SpanStatusCode.ERROR, message: errorMessage(error) });
    this.span.setAttribute(ATTR_ERROR_TYPE, errorType(error));
    this.end();
  }

  /** The app stopped reading a stream before the model finished: keep what arrived, signal it. */
  terminateEarly(partial: CallResult): void {
    if (this.ended) return;
    this.record(partial);
    const requestId = this.end();
    emitSignal(
      this.options.tracer,
      { kind: 'early_termination', requestId, hashedUserId: this.hashedUserId() },
      { captureContent: this.options.captureContent, parent: this.context },
    );
  }

  /** Ends the span as it is; used when the instrumentation itself failed mid-call. */
  abandon(): void {
    if (!this.ended) this.end();
  }

  private record(result: CallResult): void {
    this.slot.offerResponseId(result.responseId);
    const attributes: Attributes = { ...result.attributes };
    if (result.responseId !== undefined) attributes[ATTR_GEN_AI_RESPONSE_ID] = result.responseId;
    if (result.responseModel !== undefined) attributes[ATTR_GEN_AI_RESPONSE_MODEL] = result.responseModel;
    if (result.finishReasons !== undefined && result.finishReasons.length > 0) {
      attributes[ATTR_GEN_AI_RESPONSE_FINISH_REASONS] = result.finishReasons;
    }
    if (result.inputTokens !== undefined) attributes[ATTR_GEN_AI_USAGE_INPUT_TOKENS] = result.inputTokens;
    if (result.outputTokens !== undefined) attributes[ATTR_GEN_AI_USAGE_OUTPUT_TOKENS] = result.outputTokens;
    if (this.options.captureContent && result.outputMessages !== undefined) {
      attributes[ATTR_GEN_AI_OUTPUT_MESSAGES] = toJson(result.outputMessages);
    }
    this.span.setAttributes(attributes);
  }

  private end(): string {
    this.ended = true;
    const requestId = this.slot.freeze();
    this.span.setAttribute(ATTR_FLYWHEEL_REQUEST_ID, requestId);
    this.span.end();
    noteRequestId(this.scope, requestId);
    return requestId;
  }

  private hashedUserId(): string | undefined {
    const userId = this.scope?.attributes.userId;
    return userId !== undefined ? hashUserId(userId) : undefined;
  }
}

function addScopeAttributes(attributes: Attributes, scope: Scope | undefined): void {
  const context = scope?.attributes;
  if (context === undefined) return;
  if (context.workloadId !== undefined) attributes[ATTR_FLYWHEEL_WORKLOAD_ID] = context.workloadId;
  if (context.modelVersion !== undefined) attributes[ATTR_FLYWHEEL_MODEL_VERSION] = context.modelVersion;
  if (context.userId !== undefined) attributes[ATTR_FLYWHEEL_USER_ID] = hashUserId(context.userId);
  if (context.sessionId !== undefined) {
    attributes[ATTR_FLYWHEEL_SESSION_ID] = context.sessionId;
    attributes[ATTR_GEN_AI_CONVERSATION_ID] = context.sessionId;
  }
  if (context.qualityScore !== undefined) attributes[ATTR_FLYWHEEL_QUALITY_SCORE] = context.qualityScore;
  if (context.groundingScore !== undefined)
    attributes[ATTR_FLYWHEEL_GROUNDING_SCORE] = context.groundingScore;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Low-cardinality `error.type`: the HTTP status when the SDK gives one, else the error's class. */
function errorType(error: unknown): string {
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number') return String(status);
  if (error instanceof Error) return error.constructor.name !== 'Error' ? error.constructor.name : error.name;
  return '_OTHER';
}
