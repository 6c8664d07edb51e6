import type { Attributes } from '../otlp/span';
import { stringify } from './attrs';

// Content is stored in its own columns; keeping it in the attribute map too would store it twice.
const CONTENT_KEYS = new Set([
  'gen_ai.input.messages',
  'gen_ai.output.messages',
  'gen_ai.system_instructions',
  'input.value',
  'output.value',
  'ai.prompt',
  'ai.prompt.messages',
  'ai.response.text',
]);
const CONTENT_PREFIXES = [
  'gen_ai.prompt.',
  'gen_ai.completion.',
  'llm.input_messages.',
  'llm.output_messages.',
];
const MAX_VALUE_CHARS = 4096;
const MAX_KEYS = 128;

/** The span's other attributes as strings, bounded so one noisy instrumentation cannot bloat a row. */
export function extraAttributes(a: Attributes): Record<string, string> {
  const out: Record<string, string> = {};
  let count = 0;
  for (const [key, value] of Object.entries(a)) {
    if (value === null || CONTENT_KEYS.has(key) || CONTENT_PREFIXES.some((p) => key.startsWith(p))) continue;
    if (++count > MAX_KEYS) break;
    const text = stringify(value);
    out[key] = text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}…` : text;
  }
  return out;
}
