import { asString, isRecord, mediaPart, textPart } from '../core/messages';
import type { ChatMessage, MessagePart } from '../core/messages';

/** Anthropic Messages content blocks → the OTel GenAI message schema. */

export function anthropicInputMessages(messages: unknown): ChatMessage[] | undefined {
  if (!Array.isArray(messages)) return undefined;
  return messages.filter(isRecord).map((message) => ({
    role: asString(message.role) ?? 'user',
    parts: blockParts(message.content),
  }));
}

export function systemInstructions(system: unknown): MessagePart[] | undefined {
  if (system === undefined || system === null) return undefined;
  return blockParts(system);
}

export function blockParts(content: unknown): MessagePart[] {
  if (typeof content === 'string') return [textPart(content)];
  if (!Array.isArray(content)) return [];
  const parts: MessagePart[] = [];
  for (const block of content) {
    if (!isRecord(block)) continue;
    const part = blockPart(block);
    if (part !== undefined) parts.push(part);
  }
  return parts;
}

function blockPart(block: Record<string, unknown>): MessagePart | undefined {
  switch (block.type) {
    case 'text':
      return typeof block.text === 'string' ? textPart(block.text) : undefined;
    case 'thinking':
      return typeof block.thinking === 'string' ? { type: 'reasoning', content: block.thinking } : undefined;
    case 'tool_use':
    case 'server_tool_use': {
      const id = asString(block.id);
      return {
        type: 'tool_call',
        ...(id !== undefined ? { id } : {}),
        name: asString(block.name) ?? '',
        arguments: block.input,
      };
    }
    case 'tool_result': {
      const id = asString(block.tool_use_id);
      const response = typeof block.content === 'string' ? block.content : textOf(block.content);
      return { type: 'tool_call_response', ...(id !== undefined ? { id } : {}), response };
    }
    case 'image':
    case 'document': {
      const source = isRecord(block.source) ? block.source : {};
      const modality = block.type === 'image' ? 'image' : 'document';
      if (source.type === 'url') return mediaPart(modality, asString(source.url));
      const mimeType = asString(source.media_type);
      return { type: 'blob', modality, ...(mimeType !== undefined ? { mime_type: mimeType } : {}) };
    }
    default:
      return undefined;
  }
}

function textOf(content: unknown): string {
  return blockParts(content)
    .map((part) => (part.type === 'text' ? part.content : ''))
    .join('');
}

/** Anthropic stop reasons → the schema's `finish_reason` values. */
export function schemaFinishReason(stopReason: string | undefined): string {
  switch (stopReason) {
    case 'end_turn':
    case 'stop_sequence':
    case 'pause_turn':
      return 'stop';
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'tool_use':
      return 'tool_call';
    case 'refusal':
      return 'content_filter';
    case undefined:
      return 'cancelled';
    default:
      return stopReason;
  }
}
