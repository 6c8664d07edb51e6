import { detectPii } from './detect';
import { toWellFormed } from './text-safety';
import type { PiiKind, Redaction } from './types';

/**
 * Replaces every detected entity with a typed placeholder (`<EMAIL>`, `<SECRET>`, …). The placeholder
 * depends only on the kind, so nothing of the value (not its length, not its last digits) survives.
 * Lone surrogates become U+FFFD so the result is always encodable as UTF-8.
 */
export function redactText(text: string): Redaction {
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
