import { asString, isRecord, mediaPart, parseArguments, textPart } from '../core/messages';
import type { ChatMessage, MessagePart } from '../core/messages';

/** Chat Completions messages → the OTel GenAI message schema. */

export function chatInputMessages(messages: unknown): ChatMessage[] | undefined {
  if (!Array.isArray(messages)) return undefined;
  return messages.filter(isRecord).map(chatMessage);
}

function chatMessage(message: Record<string, unknown>): ChatMessage {
  const role = asString(message.role) ?? 'user';
  const parts: MessagePart[] = [];
  if (role === 'tool' || role === 'function') {
    const id = asString(message.tool_call_id) ?? asString(message.name);
    parts.push({
      type: 'tool_call_response',
      ...(id !== undefined ? { id } : {}),
      response: contentText(message.content),
    });
    return { role: 'tool', parts };
  }
  parts.push(...contentParts(message.content));
  if (typeof message.refusal === 'string') parts.push(textPart(message.refusal));
  parts.push(...toolCallParts(message.tool_calls));
  const out: ChatMessage = { role: role === 'developer' ? 'system' : role, parts };
  const name = asString(message.name);
  if (name !== undefined) out.name = name;
  return out;
}

export function contentParts(content: unknown): MessagePart[] {
  if (typeof content === 'string') return [textPart(content)];
  if (!Array.isArray(content)) return [];
  const parts: MessagePart[] = [];
  for (const part of content) {
    if (!isRecord(part)) continue;
    switch (part.type) {
      case 'text':
      case 'input_text':
      case 'output_text':
        if (typeof part.text === 'string') parts.push(textPart(part.text));
        break;
      case 'refusal':
        if (typeof part.refusal === 'string') parts.push(textPart(part.refusal));
        break;
      case 'image_url': {
        const image = part.image_url;
        parts.push(mediaPart('image', isRecord(image) ? asString(image.url) : asString(image)));
        break;
      }
      case 'input_image':
        parts.push(mediaPart('image', asString(part.image_url)));
        break;
      case 'input_audio':
        parts.push({ type: 'blob', modality: 'audio' });
        break;
      case 'file':
      case 'input_file':
        parts.push({ type: 'blob', modality: 'file' });
        break;
      default:
        break;
    }
  }
  return parts;
}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  return contentParts(content)
    .map((part) => (part.type === 'text' ? part.content : ''))
    .join('');
}

export function toolCallParts(toolCalls: unknown): MessagePart[] {
  if (!Array.isArray(toolCalls)) return [];
  const parts: MessagePart[] = [];
  for (const call of toolCalls) {
    if (!isRecord(call)) continue;
    const fn = isRecord(call.function) ? call.function : {};
    const id = asString(call.id);
    parts.push({
      type: 'tool_call',
      ...(id !== undefined ? { id } : {}),
      name: asString(fn.name) ?? '',
      arguments: parseArguments(fn.arguments),
    });
  }
  return parts;
}

/** OpenAI finish reasons → the schema's `finish_reason` values. */
export function schemaFinishReason(reason: unknown): string {
  switch (reason) {
    case 'tool_calls':
    case 'function_call':
      return 'tool_call';
    case 'stop':
    case 'length':
    case 'content_filter':
      return reason;
    default:
      return typeof reason === 'string' ? reason : 'stop';
  }
}
