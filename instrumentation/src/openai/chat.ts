import { GEN_AI_OPERATION_CHAT, GEN_AI_PROVIDER_OPENAI } from '@flywheel/semconv';
import type { OperationAdapter, StreamAccumulator } from '../core/adapter';
import type { CallResult } from '../core/llm-call';
import { asNumber, asString, isRecord, parseArguments, textPart } from '../core/messages';
import type { MessagePart, OutputMessage } from '../core/messages';
import { samplingAttributes, serverAttributes } from '../core/request-attributes';
import { chatInputMessages, contentParts, schemaFinishReason, toolCallParts } from './chat-messages';
import { choiceLogprobs, TokenLogprobs } from './logprobs';

/** `chat.completions.create`, plain and streamed. */
export const chatCompletionsAdapter: OperationAdapter = {
  describe(params, self) {
    const p = isRecord(params) ? params : {};
    const inputMessages = chatInputMessages(p.messages);
    return {
      provider: GEN_AI_PROVIDER_OPENAI,
      operation: GEN_AI_OPERATION_CHAT,
      requestModel: asString(p.model),
      stream: p.stream === true,
      attributes: {
        ...serverAttributes(self),
        ...samplingAttributes(p.max_completion_tokens ?? p.max_tokens, p.temperature, p.top_p),
      },
      ...(inputMessages !== undefined ? { inputMessages } : {}),
    };
  },

  readResult(value, captureContent) {
    if (!isRecord(value)) return {};
    const choices = Array.isArray(value.choices) ? value.choices.filter(isRecord) : [];
    const result: CallResult = {
      ...usage(value.usage),
      finishReasons: choices.map((choice) => asString(choice.finish_reason) ?? ''),
    };
    const logprobs = choiceLogprobs(choices);
    if (Object.keys(logprobs).length > 0) result.attributes = logprobs;
    const id = asString(value.id);
    if (id !== undefined) result.responseId = id;
    const model = asString(value.model);
    if (model !== undefined) result.responseModel = model;
    if (captureContent) {
      result.outputMessages = choices.map((choice) => {
        const message = isRecord(choice.message) ? choice.message : {};
        const parts = [...contentParts(message.content), ...toolCallParts(message.tool_calls)];
        if (typeof message.refusal === 'string') parts.push(textPart(message.refusal));
        return {
          role: asString(message.role) ?? 'assistant',
          parts,
          finish_reason: schemaFinishReason(choice.finish_reason),
        };
      });
    }
    return result;
  },

  createAccumulator: (captureContent) => new ChatStreamAccumulator(captureContent),
};

function usage(raw: unknown): Pick<CallResult, 'inputTokens' | 'outputTokens'> {
  if (!isRecord(raw)) return {};
  const out: Pick<CallResult, 'inputTokens' | 'outputTokens'> = {};
  const input = asNumber(raw.prompt_tokens);
  if (input !== undefined) out.inputTokens = input;
  const output = asNumber(raw.completion_tokens);
  if (output !== undefined) out.outputTokens = output;
  return out;
}

interface ChoiceState {
  role: string;
  text: string;
  refusal: string;
  toolCalls: Map<number, { id?: string; name: string; arguments: string }>;
  finishReason: string | undefined;
}

/** Rebuilds the completion from `chat.completion.chunk` deltas. */
class ChatStreamAccumulator implements StreamAccumulator {
  private id: string | undefined;
  private model: string | undefined;
  private usage: Pick<CallResult, 'inputTokens' | 'outputTokens'> = {};
  private readonly choices = new Map<number, ChoiceState>();
  private readonly logprobs = new TokenLogprobs();

  constructor(private readonly captureContent: boolean) {}

  add(chunk: unknown): void {
    if (!isRecord(chunk)) return;
    this.id ??= asString(chunk.id);
    this.model ??= asString(chunk.model);
    if (isRecord(chunk.usage)) this.usage = usage(chunk.usage);
    if (!Array.isArray(chunk.choices)) return;
    for (const choice of chunk.choices) {
      if (!isRecord(choice)) continue;
      const state = this.choice(asNumber(choice.index) ?? 0);
      const delta = isRecord(choice.delta) ? choice.delta : {};
      if (typeof delta.role === 'string') state.role = delta.role;
      this.logprobs.add(choice.logprobs);
      if (this.captureContent) {
        if (typeof delta.content === 'string') state.text += delta.content;
        if (typeof delta.refusal === 'string') state.refusal += delta.refusal;
        if (Array.isArray(delta.tool_calls)) this.addToolCalls(state, delta.tool_calls);
      }
      if (typeof choice.finish_reason === 'string') state.finishReason = choice.finish_reason;
    }
  }

  isComplete(): boolean {
    if (this.choices.size === 0) return false;
    for (const state of this.choices.values()) if (state.finishReason === undefined) return false;
    return true;
  }

  result(): CallResult {
    const ordered = [...this.choices.entries()].sort(([a], [b]) => a - b).map(([, state]) => state);
    const result: CallResult = { ...this.usage };
    const logprobs = this.logprobs.attributes();
    if (Object.keys(logprobs).length > 0) result.attributes = logprobs;
    if (this.id !== undefined) result.responseId = this.id;
    if (this.model !== undefined) result.responseModel = this.model;
    const reasons = ordered.map((state) => state.finishReason).filter((r): r is string => r !== undefined);
    if (reasons.length > 0) result.finishReasons = reasons;
    if (this.captureContent) result.outputMessages = ordered.map((state) => this.message(state));
    return result;
  }

  private choice(index: number): ChoiceState {
    let state = this.choices.get(index);
    if (state === undefined) {
      state = { role: 'assistant', text: '', refusal: '', toolCalls: new Map(), finishReason: undefined };
      this.choices.set(index, state);
    }
    return state;
  }

  private addToolCalls(state: ChoiceState, deltas: unknown[]): void {
    for (const delta of deltas) {
      if (!isRecord(delta)) continue;
      const index = asNumber(delta.index) ?? state.toolCalls.size;
      const call = state.toolCalls.get(index) ?? { name: '', arguments: '' };
      const id = asString(delta.id);
      if (id !== undefined) call.id = id;
      const fn = isRecord(delta.function) ? delta.function : {};
      if (typeof fn.name === 'string') call.name += fn.name;
      if (typeof fn.arguments === 'string') call.arguments += fn.arguments;
      state.toolCalls.set(index, call);
    }
  }

  private message(state: ChoiceState): OutputMessage {
    const parts: MessagePart[] = [];
    if (state.text !== '') parts.push(textPart(state.text));
    if (state.refusal !== '') parts.push(textPart(state.refusal));
    for (const call of state.toolCalls.values()) {
      parts.push({
        type: 'tool_call',
        ...(call.id !== undefined ? { id: call.id } : {}),
        name: call.name,
        arguments: parseArguments(call.arguments),
      });
    }
    // A choice without a finish reason was cut off by the app stopping the stream.
    const finishReason =
      state.finishReason === undefined ? 'cancelled' : schemaFinishReason(state.finishReason);
    return { role: state.role, parts, finish_reason: finishReason };
  }
}
