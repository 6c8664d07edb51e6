/**
 * The OTel GenAI message schema that `gen_ai.input.messages`, `gen_ai.output.messages` and
 * `gen_ai.system_instructions` hold as JSON. Binary content (images, audio, files) is never
 * copied: a part records its modality, not its bytes.
 */

export type MessagePart =
  | { type: 'text'; content: string }
  | { type: 'reasoning'; content: string }
  | { type: 'tool_call'; id?: string; name: string; arguments?: unknown }
  | { type: 'tool_call_response'; id?: string; response: unknown }
  | { type: 'uri'; modality: string; uri: string }
  | { type: 'blob'; modality: string; mime_type?: string };

export interface ChatMessage {
  role: string;
  parts: MessagePart[];
  name?: string;
}

export interface OutputMessage extends ChatMessage {
  finish_reason: string;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function textPart(content: string): MessagePart {
  return { type: 'text', content };
}

/** Tool arguments arrive as JSON text; the schema wants the object when there is one. */
export function parseArguments(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

/** A part for an image or other media given by URL; data URLs keep only their media type. */
export function mediaPart(modality: string, url: string | undefined): MessagePart {
  if (url === undefined) return { type: 'blob', modality };
  if (url.startsWith('data:')) {
    const mimeType = url.slice(5, url.indexOf(';') > 0 ? url.indexOf(';') : undefined);
    return mimeType !== '' ? { type: 'blob', modality, mime_type: mimeType } : { type: 'blob', modality };
  }
  return { type: 'uri', modality, uri: url };
}

export function toJson(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}
