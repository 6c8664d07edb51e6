import { isPaymentCardNumber } from './checksums';
import { IBAN_LEAD } from './iban';
import type { PiiMatch } from './types';

// Each step is an optional separator then a digit, so the pattern is unambiguous and its bounded
// repetition backtracks at most 22 steps per start position. It may run into a following number
// (an expiry month, a CVV), which `bestPrefix` trims off again.
// ',' is a list separator unless it groups thousands (',ddd').
const CARD_CANDIDATE = /(?<![\w.-])\d(?:[ -]?\d){11,21}(?!\w|[.-]\d|,\d{3}(?!\d))/g;

// Cards are printed ungrouped, in fours (Visa, Mastercard, …, 19-digit as 4-4-4-4-3) or 4-6-5
// (Amex, Diners). Other groupings are phone numbers, ids and tables of numbers.
function groupingOk(groups: readonly string[]): boolean {
  if (groups.length === 1) return true;
  const sizes = groups.map((g) => g.length);
  const shape = sizes.join('-');
  if (shape === '4-6-5' || shape === '4-6-4') return true;
  return sizes.slice(0, -1).every((g) => g === 4) && sizes[sizes.length - 1]! <= 4;
}

/** Length in characters of the longest valid card at the start of the candidate, or 0. */
function bestPrefix(value: string): number {
  const separators = value.replace(/\d/g, '');
  if (separators.length > 0 && !/^(?: +|-+)$/.test(separators)) return 0; // one kind of separator
  const sep = separators[0] ?? '';
  const groups = sep ? value.split(sep) : [value];
  for (let n = groups.length; n >= 1 && n >= groups.length - 2; n--) {
    const kept = groups.slice(0, n);
    if (groupingOk(kept) && isPaymentCardNumber(kept.join(''))) return kept.join(sep).length;
  }
  return 0;
}

export function findCards(text: string): PiiMatch[] {
  const out: PiiMatch[] = [];
  const re = new RegExp(CARD_CANDIDATE);
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const length = bestPrefix(m[0]);
    if (length === 0 || IBAN_LEAD.test(text.slice(Math.max(0, m.index - 6), m.index))) continue;
    out.push({ kind: 'CREDIT_CARD', start: m.index, end: m.index + length });
    re.lastIndex = m.index + length; // the trimmed tail may start the next card
  }
  return out;
}
