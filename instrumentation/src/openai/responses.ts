import { GEN_AI_OPERATION_CHAT, GEN_AI_PROVIDER_OPENAI } from '@flywheel/semconv';
import type { OperationAdapter, StreamAccumulator } from '../core/adapter';
import type { CallResult } from '../core/llm-call';
import { asNumber, asString, isRecord, parseArguments, textPart } from '../core/messages';
import type { ChatMessage, MessagePart } from '../core/messages';
import { samplingAttributes, serverAttributes } from '../core/request-attributes';
import { contentParts } from './chat-messages';

/** `responses.create`, plain and streamed (also reached by `responses.stream()` / `parse()`). */
export const responsesAdapter: OperationAdapter = {
  describe(params, self) {
    const p = isRecord(params) ? params : {};
    const inputMessages = responseInputMessages(p.input);
    const instructions = asString(p.instructions);
    return {
      provider: GEN_AI_PROVIDER_OPENAI,
      operation: GEN_AI_OPERATION_CHAT,
      requestModel: asString(p.model),
      stream: p.stream === true,
      attributes: {
        ...serverAttributes(self),
        ...samplingAttributes(p.max_output_tokens, p.temperature, p.top_p),
      },
      ...(inputMessages !== undefined ? { inputMessages } : {}),
      ...(instructions !== undefined ? { systemInstructions: [textPart(instructions)] } : {}),
    };
  },
  readResult: (value, captureContent) => readResponse(value, captureContent),
  createAccumulator: (captureContent) => new ResponseStreamAccumulator(captureContent),
};

function responseInputMessages(input: unknown): ChatMessage[] | undefined {
  if (typeof input === 'string') return [{ role: 'user', parts: [textPart(input)] }];
  if (!Array.isArray(input)) return undefined;
  const messages: ChatMessage[] = [];
  for (const item of input) {
    if (!isRecord(item)) continue;
    if (item.type === 'function_call') {
      messages.push({ role: 'assistant', parts: [functionCallPart(item)] });
    } else if (item.type === 'function_call_output') {
      const id = asString(item.call_id);
      messages.push({
        role: 'tool',
        parts: [{ type: 'tool_call_response', ...(id !== undefined ? { id } : {}), response: item.output }],
      });
    } else if (item.type === 'reasoning') {
      messages.push({ role: 'assistant', parts: reasoningParts(item) });
    } else if (item.type === undefined || item.type === 'message') {
      const role = asString(item.role) ?? 'user';
      messages.push({ role: role === 'developer' ? 'system' : role, parts: contentParts(item.content) });
    }
  }
  return messages;
}

function functionCallPart(item: Record<string, unknown>): MessagePart {
  const id = asString(item.call_id);
  return {
    type: 'tool_call',
    ...(id !== undefined ? { id } : {}),
    name: asString(item.name) ?? '',
    arguments: parseArguments(item.arguments),
  };
}

function reasoningParts(item: Record<string, unknown>): MessagePart[] {
  if (!Array.isArray(item.summary)) return [];
  return item.summary
    .filter(isRecord)
    .map((summary) => asString(summary.text))
    .filter((text): text is string => text !== undefined)
    .map((content) => ({ type: 'reasoning', content }));
}

function finishReason(response: Record<string, unknown>, hasToolCall: boolean): string | undefined {
  switch (response.status) {
    case 'completed':
      return hasToolCall ? 'tool_call' : 'stop';
    case 'incomplete': {
      const reason = isRecord(response.incomplete_details)
        ? asString(response.incomplete_details.reason)
        : undefined;
      if (reason === 'max_output_tokens') return 'length';
      return reason ?? 'length';
    }
    case 'failed':
      return 'error';
    case 'cancelled':
      return 'cancelled';
    default:
      return undefined;
  }
}

function readResponse(value: unknown, captureContent: boolean): CallResult {
  if (!isRecord(value)) return {};
  const output = Array.isArray(value.output) ? value.output.filter(isRecord) : [];
  const hasToolCall = output.some((item) => item.type === 'function_call');
  const result: CallResult = {};
  const id = asString(value.id);
  if (id !== undefined) result.responseId = id;
  const model = asString(value.model);
  if (model !== undefined) result.responseModel = model;
  const reason = finishReason(value, hasToolCall);
  if (reason !== undefined) result.finishReasons = [reason];
  if (isRecord(value.usage)) {
    const input = asNumber(value.usage.input_tokens);
    if (input !== undefined) result.inputTokens = input;
    const outputTokens = asNumber(value.usage.output_tokens);
    if (outputTokens !== undefined) result.outputTokens = outputTokens;
  }
  if (captureContent) {
    const parts: MessagePart[] = [];
    for (const item of output) {
      if (item.type === 'message') parts.push(...contentParts(item.content));
      else if (item.type === 'function_call') parts.push(functionCallPart(item));
      else if (item.type === 'reasoning') parts.push(...reasoningParts(item));
    }
    result.outputMessages = [{ role: 'assistant', parts, finish_reason: reason ?? 'cancelled' }];
  }
  return result;
}

const TERMINAL_EVENTS = new Set(['response.completed', 'response.incomplete', 'response.failed']);

/** Follows Responses stream events; the terminal event carries the whole response. */
class ResponseStreamAccumulator implements StreamAccumulator {
  private latest: Record<string, unknown> | undefined;
  private final: Record<string, unknown> | undefined;
  private text = '';

  constructor(private readonly captureContent: boolean) {}

  add(event: unknown): void {
    if (!isRecord(event)) return;
    const type = asString(event.type);
    if (type === undefined) return;
    if (isRecord(event.response)) {
      this.latest = event.response;
      if (TERMINAL_EVENTS.has(type)) this.final = event.response;
    }
    if (type === 'response.output_text.delta' && this.captureContent && typeof event.delta === 'string') {
      this.text += event.delta;
    }
  }

  isComplete(): boolean {
    return this.final !== undefined;
  }

  result(): CallResult {
    if (this.final !== undefined) return readResponse(this.final, this.captureContent);
    const partial = readResponse(this.latest, false);
    if (this.captureContent) {
      partial.outputMessages = [
        {
          role: 'assistant',
          parts: this.text !== '' ? [textPart(this.text)] : [],
          finish_reason: 'cancelled',
        },
      ];
    }
    return partial;
  }
}
