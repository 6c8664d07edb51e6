// ES2024's String.prototype.isWellFormed / toWellFormed (V8, Node 20); the project's lib is ES2023.
type Es2024String = string & { isWellFormed(): boolean; toWellFormed(): string };

/**
 * A lone surrogate cannot be encoded as UTF-8; ClickHouse, JSON encoders and TextEncoder would each
 * deal with it differently, so it becomes U+FFFD here. One code unit for one keeps every offset valid.
 * The engine's own check costs a fraction of a regex with lookbehind over the same text.
 */
export function toWellFormed(text: string): string {
  const s = text as Es2024String;
  return s.isWellFormed() ? text : s.toWellFormed();
}

// Japanese and Chinese text writes numbers and addresses with full-width forms, and word processors
// put non-breaking spaces and typographic dashes into phone numbers. Each is folded to its ASCII twin
// one code unit for one, so detectors see ASCII and their offsets still point into the original.
const FOLDABLE = /[\u00A0\u2007\u202F\u2010-\u2015\u2212\u3000\uFF01-\uFF5E]/;
const FOLDABLE_ALL = /[\u00A0\u2007\u202F\u2010-\u2015\u2212\u3000\uFF01-\uFF5E]/g;

function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (code === 0x00a0 || code === 0x2007 || code === 0x202f || code === 0x3000) return ' ';
  return '-';
}

export function foldForDetection(text: string): string {
  return FOLDABLE.test(text) ? text.replace(FOLDABLE_ALL, foldChar) : text;
}
