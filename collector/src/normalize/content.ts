import {
  ATTR_AI_PROMPT,
  ATTR_AI_PROMPT_MESSAGES,
  ATTR_AI_RESPONSE_TEXT,
  ATTR_GEN_AI_INPUT_MESSAGES,
  ATTR_GEN_AI_OUTPUT_MESSAGES,
  ATTR_GEN_AI_SYSTEM_INSTRUCTIONS,
  ATTR_INPUT_VALUE,
  ATTR_OUTPUT_VALUE,
  PREFIX_GEN_AI_COMPLETION,
  PREFIX_GEN_AI_PROMPT,
  PREFIX_LLM_INPUT_MESSAGES,
  PREFIX_LLM_OUTPUT_MESSAGES,
} from '@flywheel/semconv';
import type { Attributes, DecodedSpan } from '../otlp/span';
import { parseJson, str, structured } from './attrs';

export interface Message {
  role: string;
  content: string;
}

export interface ExtractedContent {
  /** The last user message: what the user asked in this turn. */
  prompt: string;
  response: string;
  inputMessages: Message[];
}

/** Prompt and response text from whichever convention carried them (docs/design.md §3), first match wins. */
export function extractContent(span: DecodedSpan): ExtractedContent {
  const a = span.attributes;
  const input =
    otelMessages(structured(a, ATTR_GEN_AI_INPUT_MESSAGES), structured(a, ATTR_GEN_AI_SYSTEM_INSTRUCTIONS)) ??
    flattened(a, PREFIX_GEN_AI_PROMPT, '.role', '.content') ??
    legacyEventMessages(span, 'gen_ai.content.prompt', 'gen_ai.prompt') ??
    flattened(a, PREFIX_LLM_INPUT_MESSAGES, '.message.role', '.message.content') ??
    vercelPrompt(a) ??
    single(str(a, ATTR_INPUT_VALUE), 'user');
  const output =
    otelMessages(structured(a, ATTR_GEN_AI_OUTPUT_MESSAGES)) ??
    flattened(a, PREFIX_GEN_AI_COMPLETION, '.role', '.content') ??
    legacyEventMessages(span, 'gen_ai.content.completion', 'gen_ai.completion') ??
    flattened(a, PREFIX_LLM_OUTPUT_MESSAGES, '.message.role', '.message.content') ??
    single(str(a, ATTR_AI_RESPONSE_TEXT), 'assistant') ??
    single(str(a, ATTR_OUTPUT_VALUE), 'assistant');
  const messages = input ?? [];
  const lastUser = [...messages].reverse().find((m) => m.role === 'user');
  return {
    prompt: lastUser?.content ?? messages.map((m) => m.content).join('\n\n'),
    response: (output ?? []).map((m) => m.content).join('\n\n'),
    inputMessages: messages,
  };
}

/**
 * `input_messages`: the input conversation as JSON `[{role, content}]`, or '' when it is the prompt
 * alone. The `prompt` column already holds that text; storing it twice doubled the bytes the engine
 * parses and compresses for the most common span (one user turn) and the text redaction reads.
 */
export function inputMessagesJson(content: ExtractedContent): string {
  const messages = content.inputMessages;
  if (messages.length === 0) return '';
  if (messages.length === 1 && messages[0]!.role === 'user' && messages[0]!.content === content.prompt)
    return '';
  return JSON.stringify(messages);
}

/** Current GenAI conventions: `[{role, parts: [{type: 'text', content}]}]`, tolerant of `{role, content}`. */
export function otelMessages(value: unknown, systemInstructions?: unknown): Message[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const messages = value.flatMap((m): Message[] => {
    if (!m || typeof m !== 'object') return [];
    const record = m as Record<string, unknown>;
    const content = textOf(record.parts ?? record.content);
    return [{ role: typeof record.role === 'string' ? record.role : 'user', content }];
  });
  const system = textOf(systemInstructions);
  return system ? [{ role: 'system', content: system }, ...messages] : messages;
}

/** Flattened attributes such as `gen_ai.prompt.0.role` / `llm.input_messages.0.message.content`. */
function flattened(
  a: Attributes,
  prefix: string,
  roleSuffix: string,
  contentSuffix: string,
): Message[] | undefined {
  const indexes = new Set<number>();
  for (const key of Object.keys(a)) {
    if (!key.startsWith(prefix)) continue;
    const index = Number(key.slice(prefix.length).split('.')[0]);
    if (Number.isInteger(index)) indexes.add(index);
  }
  if (indexes.size === 0) return undefined;
  return [...indexes]
    .sort((x, y) => x - y)
    .map((i) => {
      const base = `${prefix}${i}`;
      const content = str(a, `${base}${contentSuffix}`) ?? multiPartContent(a, `${base}.message.contents.`);
      return { role: str(a, `${base}${roleSuffix}`) ?? 'user', content: content ?? '' };
    });
}

/** OpenInference multi-part content: `…message.contents.N.message_content.text`. */
function multiPartContent(a: Attributes, prefix: string): string | undefined {
  const parts = Object.keys(a)
    .filter((k) => k.startsWith(prefix) && k.endsWith('.message_content.text'))
    .sort()
    .map((k) => a[k])
    .filter((v): v is string => typeof v === 'string');
  return parts.length > 0 ? parts.join('\n') : undefined;
}

/** Older OTel GenAI: span events `gen_ai.content.prompt` / `.completion` holding a JSON array. */
function legacyEventMessages(span: DecodedSpan, eventName: string, attribute: string): Message[] | undefined {
  const event = span.events.find((e) => e.name === eventName);
  if (!event) return undefined;
  const raw = event.attributes[attribute];
  const parsed = typeof raw === 'string' ? (parseJson(raw) ?? [{ role: 'user', content: raw }]) : raw;
  return otelMessages(parsed);
}

/** Vercel AI SDK: `ai.prompt.messages` (inner spans) or `ai.prompt` `{system, prompt, messages}`. */
function vercelPrompt(a: Attributes): Message[] | undefined {
  const messages = otelMessages(structured(a, ATTR_AI_PROMPT_MESSAGES));
  if (messages) return messages;
  const prompt = structured(a, ATTR_AI_PROMPT);
  if (!prompt || typeof prompt !== 'object') return single(str(a, ATTR_AI_PROMPT), 'user');
  const p = prompt as { system?: unknown; prompt?: unknown; messages?: unknown };
  const out: Message[] = [];
  if (typeof p.system === 'string') out.push({ role: 'system', content: p.system });
  out.push(...(otelMessages(p.messages) ?? []));
  if (typeof p.prompt === 'string') out.push({ role: 'user', content: p.prompt });
  return out.length > 0 ? out : undefined;
}

function single(text: string | undefined, role: string): Message[] | undefined {
  return text === undefined ? undefined : [{ role, content: text }];
}

/** Text of a content value: a string, or parts like `{type:'text', content|text}`; other parts are skipped. */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (!Array.isArray(value)) return '';
  return value
    .map((part) => {
      if (typeof part === 'string') return part;
      if (!part || typeof part !== 'object') return '';
      const p = part as Record<string, unknown>;
      if (typeof p.content === 'string') return p.content;
      if (typeof p.text === 'string') return p.text;
      return '';
    })
    .filter((t) => t.length > 0)
    .join('\n');
}
