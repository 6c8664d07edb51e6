import { detectPii } from './detect';
import { toWellFormed } from './text-safety';
import type { PiiKind, Redaction } from './types';

// Attribute values and identifiers repeat from span to span (model names, operations, finish reasons,
// token counts), and every detector has a fixed cost per call that dominates on a short text: eighteen
// attribute values cost more than a 2 KB response. So the answer for a short text is remembered, per
// thread, in memory only, and forgotten wholesale when the table is full (values that never repeat,
// such as request ids, only cycle through it). Redaction is a pure function of the text. Only texts
// in which nothing was found are remembered, so the table never holds a value it would redact.
const REMEMBERED_CHARS = 256;
const REMEMBERED_LIMIT = 20_000;
const remembered = new Map<string, Redaction>();
const NOTHING_FOUND: readonly PiiKind[] = Object.freeze([]);

/**
 * Replaces every detected entity with a typed placeholder (`<EMAIL>`, `<SECRET>`, …). The placeholder
 * depends only on the kind, so nothing of the value (not its length, not its last digits) survives.
 * Lone surrogates become U+FFFD so the result is always encodable as UTF-8. A result without findings
 * may be shared with every caller that asks about the same text, so it is frozen.
 */
export function redactText(text: string): Redaction {
  if (text.length > REMEMBERED_CHARS) return redactTextUncached(text);
  const known = remembered.get(text);
  if (known !== undefined) return known;
  const result = redactTextUncached(text);
  if (result.kinds.length > 0) return result;
  if (remembered.size >= REMEMBERED_LIMIT) remembered.clear();
  const clean = Object.freeze({ text: result.text, kinds: NOTHING_FOUND as PiiKind[] });
  remembered.set(text, clean);
  return clean;
}

/** `redactText` without remembering: for measuring the detectors themselves. */
export function redactTextUncached(text: string): Redaction {
  const safe = toWellFormed(text);
  const matches = detectPii(safe);
  if (matches.length === 0) return { text: safe, kinds: [] };
  const parts: string[] = [];
  const kinds = new Set<PiiKind>();
  let last = 0;
  for (const m of matches) {
    parts.push(safe.slice(last, m.start), `<${m.kind}>`);
    kinds.add(m.kind);
    last = m.end;
  }
  parts.push(safe.slice(last));
  return { text: parts.join(''), kinds: [...kinds].sort() };
}
