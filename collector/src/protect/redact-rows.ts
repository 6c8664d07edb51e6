import { createHash } from 'node:crypto';
import type { InteractionRow, SignalRow } from '@flywheel/storage';
import { redactText } from '../redact';

/** Redacts one text, adding the kinds it found to `found`. */
function clean(text: string, found: Set<string>): string {
  if (text.length === 0) return text;
  const { text: redacted, kinds } = redactText(text);
  for (const kind of kinds) found.add(kind);
  return redacted;
}

/**
 * Identifiers keep their job (telling users apart) without their content: one that holds PII (an e-mail
 * used as a user id) is replaced by a digest rather than a placeholder, which would merge all such users.
 */
function cleanId(id: string, found: Set<string>): string {
  if (id.length === 0) return id;
  const { kinds } = redactText(id);
  if (kinds.length === 0) return id;
  for (const kind of kinds) found.add(kind);
  return `redacted:${createHash('sha256').update(id).digest('hex').slice(0, 24)}`;
}

function cleanAttributes(attributes: Record<string, string>, found: Set<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(attributes)) out[key] = clean(value, found);
  return out;
}

/**
 * Every free-text field of an interaction, redacted before it is stored: prompt, response, the input
 * conversation, the error message, attributes and identifiers. Returns the row with the kinds found.
 */
export function redactInteraction(row: InteractionRow): InteractionRow & { pii_kinds: string[] } {
  const found = new Set<string>();
  // The prompt is one of the input messages: redacting each distinct text once halves the work.
  const memo = new Map<string, string>();
  const once = (text: string) => {
    let redacted = memo.get(text);
    if (redacted === undefined) memo.set(text, (redacted = clean(text, found)));
    return redacted;
  };
  const redacted = {
    ...row,
    input_messages: redactMessages(row.input_messages, once, found),
    prompt: once(row.prompt),
    response: clean(row.response, found),
    error_message: clean(row.error_message, found),
    user_id: cleanId(row.user_id, found),
    session_id: cleanId(row.session_id, found),
    attributes: cleanAttributes(row.attributes, found),
  };
  return { ...redacted, pii_kinds: [...found].sort() };
}

/** `input_messages` is JSON `[{role, content}]`: each content is redacted on its own. */
function redactMessages(json: string, once: (text: string) => string, found: Set<string>): string {
  if (json.length === 0) return json;
  try {
    const messages = JSON.parse(json) as Array<{ role: string; content: string }>;
    return JSON.stringify(messages.map((m) => ({ ...m, content: once(m.content) })));
  } catch {
    return clean(json, found);
  }
}

/** A signal's correction (the user's own text), identifiers and attributes, redacted. */
export function redactSignal(row: SignalRow): SignalRow & { pii_kinds: string[] } {
  const found = new Set<string>();
  const redacted = {
    ...row,
    correction: clean(row.correction, found),
    user_id: cleanId(row.user_id, found),
    attributes: cleanAttributes(row.attributes, found),
  };
  return { ...redacted, pii_kinds: [...found].sort() };
}
