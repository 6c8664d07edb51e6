import { context } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import { GEN_AI_OPERATION_CHAT, GEN_AI_PROVIDER_ANTHROPIC } from '@flywheel/semconv';
import type { OperationAdapter, StreamAccumulator } from '../core/adapter';
import type { CallResult } from '../core/llm-call';
import { asNumber, asString, isRecord, parseArguments, textPart } from '../core/messages';
import type { MessagePart } from '../core/messages';
import { samplingAttributes, serverAttributes } from '../core/request-attributes';
import { anthropicInputMessages, blockParts, schemaFinishReason, systemInstructions } from './content';

/**
 * @anthropic-ai/sdk 1.x traces its own calls (`anthropic.messages.create`, a GenAI chat span) when a
 * tracer provider is registered. Next to Flywheel's span that would count every call twice, so the
 * SDK call runs with tracing suppressed: Flywheel's span replaces the SDK's. (HTTP client spans
 * under the call are suppressed too.)
 */
export function hasBuiltInTracing(resource: unknown): boolean {
  return Boolean((resource as { _client?: { _tracer?: unknown } } | null)?._client?._tracer);
}

export function runWithoutBuiltInSpans(resource: unknown, run: () => unknown): unknown {
  return hasBuiltInTracing(resource) ? context.with(suppressTracing(context.active()), run) : run();
}

/** Anthropic counts cached input separately; the GenAI conventions count all input tokens. */
function inputTokens(usage: Record<string, unknown>): number | undefined {
  const base = asNumber(usage.input_tokens);
  if (base === undefined) return undefined;
  return (
    base + (asNumber(usage.cache_creation_input_tokens) ?? 0) + (asNumber(usage.cache_read_input_tokens) ?? 0)
  );
}

/** `messages.create`, plain and streamed (also reached by `messages.stream()`). */
export const messagesAdapter: OperationAdapter = {
  describe(params, self) {
    const p = isRecord(params) ? params : {};
    const inputMessages = anthropicInputMessages(p.messages);
    const system = systemInstructions(p.system);
    return {
      provider: GEN_AI_PROVIDER_ANTHROPIC,
      operation: GEN_AI_OPERATION_CHAT,
      requestModel: asString(p.model),
      stream: p.stream === true,
      attributes: { ...serverAttributes(self), ...samplingAttributes(p.max_tokens, p.temperature, p.top_p) },
      ...(inputMessages !== undefined ? { inputMessages } : {}),
      ...(system !== undefined ? { systemInstructions: system } : {}),
    };
  },

  readResult(value, captureContent) {
    if (!isRecord(value)) return {};
    const result: CallResult = {};
    const id = asString(value.id);
    if (id !== undefined) result.responseId = id;
    const model = asString(value.model);
    if (model !== undefined) result.responseModel = model;
    const stopReason = asString(value.stop_reason);
    if (stopReason !== undefined) result.finishReasons = [stopReason];
    if (isRecord(value.usage)) {
      const input = inputTokens(value.usage);
      if (input !== undefined) result.inputTokens = input;
      const output = asNumber(value.usage.output_tokens);
      if (output !== undefined) result.outputTokens = output;
    }
    if (captureContent) {
      result.outputMessages = [
        {
          role: asString(value.role) ?? 'assistant',
          parts: blockParts(value.content),
          finish_reason: schemaFinishReason(stopReason),
        },
      ];
    }
    return result;
  },

  createAccumulator: (captureContent) => new MessageStreamAccumulator(captureContent),

  invoke: runWithoutBuiltInSpans,
};

type Block =
  { kind: 'text' | 'reasoning'; text: string } | { kind: 'tool'; id?: string; name: string; json: string };

/** Rebuilds the message from `message_start` … `message_stop` events. */
class MessageStreamAccumulator implements StreamAccumulator {
  private id: string | undefined;
  private model: string | undefined;
  private stopReason: string | undefined;
  private input: number | undefined;
  private output: number | undefined;
  private stopped = false;
  private readonly blocks = new Map<number, Block>();

  constructor(private readonly captureContent: boolean) {}

  add(event: unknown): void {
    if (!isRecord(event)) return;
    switch (event.type) {
      case 'message_start':
        if (isRecord(event.message)) this.start(event.message);
        break;
      case 'content_block_start':
        if (this.captureContent && isRecord(event.content_block)) {
          this.startBlock(asNumber(event.index) ?? this.blocks.size, event.content_block);
        }
        break;
      case 'content_block_delta':
        if (this.captureContent && isRecord(event.delta)) this.delta(asNumber(event.index) ?? 0, event.delta);
        break;
      case 'message_delta':
        if (isRecord(event.delta)) this.stopReason = asString(event.delta.stop_reason) ?? this.stopReason;
        if (isRecord(event.usage)) {
          this.output = asNumber(event.usage.output_tokens) ?? this.output;
          this.input = inputTokens(event.usage) ?? this.input;
        }
        break;
      case 'message_stop':
        this.stopped = true;
        break;
      default:
        break;
    }
  }

  isComplete(): boolean {
    return this.stopped || this.stopReason !== undefined;
  }

  result(): CallResult {
    const result: CallResult = {};
    if (this.id !== undefined) result.responseId = this.id;
    if (this.model !== undefined) result.responseModel = this.model;
    if (this.stopReason !== undefined) result.finishReasons = [this.stopReason];
    if (this.input !== undefined) result.inputTokens = this.input;
    if (this.output !== undefined) result.outputTokens = this.output;
    if (this.captureContent) {
      const parts = [...this.blocks.entries()].sort(([a], [b]) => a - b).map(([, block]) => toPart(block));
      result.outputMessages = [
        { role: 'assistant', parts, finish_reason: schemaFinishReason(this.stopReason) },
      ];
    }
    return result;
  }

  private start(message: Record<string, unknown>): void {
    this.id = asString(message.id);
    this.model = asString(message.model);
    if (isRecord(message.usage)) {
      this.input = inputTokens(message.usage);
      this.output = asNumber(message.usage.output_tokens);
    }
  }

  private startBlock(index: number, block: Record<string, unknown>): void {
    if (block.type === 'tool_use' || block.type === 'server_tool_use') {
      const id = asString(block.id);
      this.blocks.set(index, {
        kind: 'tool',
        ...(id !== undefined ? { id } : {}),
        name: asString(block.name) ?? '',
        json: '',
      });
    } else if (block.type === 'thinking') {
      this.blocks.set(index, { kind: 'reasoning', text: asString(block.thinking) ?? '' });
    } else if (block.type === 'text') {
      this.blocks.set(index, { kind: 'text', text: asString(block.text) ?? '' });
    }
  }

  private delta(index: number, delta: Record<string, unknown>): void {
    const block = this.blocks.get(index);
    if (block === undefined) return;
    if (block.kind === 'tool') {
      if (typeof delta.partial_json === 'string') block.json += delta.partial_json;
    } else if (typeof delta.text === 'string') {
      block.text += delta.text;
    } else if (typeof delta.thinking === 'string') {
      block.text += delta.thinking;
    }
  }
}

function toPart(block: Block): MessagePart {
  if (block.kind === 'tool') {
    return {
      type: 'tool_call',
      ...(block.id !== undefined ? { id: block.id } : {}),
      name: block.name,
      arguments: block.json === '' ? {} : parseArguments(block.json),
    };
  }
  return block.kind === 'reasoning' ? { type: 'reasoning', content: block.text } : textPart(block.text);
}
