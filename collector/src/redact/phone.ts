import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CountryCode } from 'libphonenumber-js/max';
import { IBAN_LEAD } from './iban';
import type { PiiMatch } from './types';

// A run of digits joined by single separators, optionally opened by '+' or '('. Every step starts
// with a different character class (digit, separator, ')' or '('), so matching is deterministic and
// linear; everything that is not syntax (digit counts, dates, validity) is decided in code.
// Formatted numbers are ~25 characters; a much longer run is a table of numbers, not a phone.
const MAX_CANDIDATE_CHARS = 64;
const STEP = String.raw`(?:\d|[ .\-/](?=[\d(])|\)[ .-]?(?=\d)|\((?=\d))`;
// The repetition is bounded: V8 keeps a backtrack entry per repetition of a group, so an unbounded
// one over megabytes of digits overflows the stack. A run longer than a phone number is skipped to
// its end with RUN_TAIL, a bounded step at a time.
const PHONE_CANDIDATE = new RegExp(
  String.raw`(?<![\w+#/.$€£¥-])(?:\+|\(\+?)?\d${STEP}{0,${MAX_CANDIDATE_CHARS}}`,
  'g',
);
const RUN_TAIL = new RegExp(`${STEP}{1,4096}`, 'y');

const MIN_NATIONAL_DIGITS = 9;
const MIN_INTERNATIONAL_DIGITS = 8;
const MAX_DIGITS = 15; // E.164
// National significant numbers of the plans tried below, plus the trunk '0'.
const MAX_TRUNK_DIGITS = 12;
const MAX_NO_TRUNK_DIGITS = 11;

// Where the number is written nationally, the leading trunk '0' tells which numbering plans apply.
const TRUNK_ZERO_COUNTRIES: readonly CountryCode[] = [
  'GB',
  'FR',
  'DE',
  'NL',
  'IT',
  'JP',
  'CN',
  'AU',
  'CH',
  'BE',
  'BR',
  'IN',
];
const NO_TRUNK_COUNTRIES: readonly CountryCode[] = ['US', 'ES', 'PT', 'IT', 'CN', 'BR', 'MX'];

const NOT_PHONE_SHAPES: readonly RegExp[] = [
  /(?:^|\D)(?:19|20)\d\d[-./](?:0?[1-9]|1[0-2])[-./](?:0?[1-9]|[12]\d|3[01])(?!\d)/, // ISO date
  /(?:^|\D)(?:0?[1-9]|[12]\d|3[01])[-./](?:0?[1-9]|1[0-2])[-./](?:19|20)\d\d(?!\d)/, // European date
  /(?:^|\D)(?:0?[1-9]|1[0-2])\/(?:0?[1-9]|[12]\d|3[01])\/(?:19|20)\d\d(?!\d)/, // US date
  /^97[89]-?\d/, // ISBN-13
  /^\d{3}-\d{2}-\d{4}$/, // SSN layout, decided by the SSN detector
  /^\d{1,3}(?:\.\d{1,3}){3}$/, // IPv4 layout
  /^\d{5}-\d{4}$/, // US ZIP+4
  /-\d$/, // ISBN-10 and other ids end in a single check digit; phone numbers do not
  /^\d{1,3}(?:[.,]\d{3}){2,}$/, // 1.234.567 thousands grouping
  /^\d+\.\d+$/, // a decimal number
];

const PHONE_CONTEXT =
  /(?:tel|phone|mobile|cell|call|fax|whatsapp|sms|telefon|handy|téléphone|tél|portable|teléfono|móvil|celular|telefone|電話|携帯|电话|手机)[^\n\d]{0,20}$/i;

// Library validation costs ~10 µs per country tried. Past this many per text (only adversarial
// input gets there) a candidate of phone shape is redacted without it: over-redaction is the safe
// failure for a privacy filter, and the time per call stays linear.
const VALIDATION_BUDGET = 4000;
const cache = new Map<string, boolean>();
const CACHE_LIMIT = 50_000;

function libraryValid(international: boolean, digits: string): boolean {
  const key = (international ? '+' : '') + digits;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  let valid: boolean;
  if (international) {
    // Written with '+', a number of a possible length for its country code is taken even when its
    // range is unassigned (drama and documentation ranges are what people paste as examples).
    valid = parsePhoneNumberFromString(`+${digits}`)?.isPossible() === true;
  } else {
    const countries = digits.startsWith('0') ? TRUNK_ZERO_COUNTRIES : NO_TRUNK_COUNTRIES;
    valid = countries.some((c) => parsePhoneNumberFromString(digits, c)?.isValid() === true);
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, valid);
  return valid;
}

interface Budget {
  left: number;
}

function acceptable(candidate: string, before: string, budget: Budget): boolean {
  const international = candidate.startsWith('+') || candidate.startsWith('(+') || candidate.startsWith('00');
  const digits = candidate.replace(/\D/g, '');
  const national = international ? digits.replace(/^00/, '') : digits;
  const min = international ? MIN_INTERNATIONAL_DIGITS : MIN_NATIONAL_DIGITS;
  const max = international ? MAX_DIGITS : national.startsWith('0') ? MAX_TRUNK_DIGITS : MAX_NO_TRUNK_DIGITS;
  if (national.length < min || national.length > max) return false;
  if (NOT_PHONE_SHAPES.some((shape) => shape.test(candidate))) return false;
  // An unformatted run of digits is an id, a timestamp or an amount far more often than a phone
  // number, unless a label says otherwise.
  const bare = digits === candidate;
  if (bare && !PHONE_CONTEXT.test(before)) return false;
  if (budget.left <= 0) return true;
  budget.left--;
  return libraryValid(international, national);
}

/**
 * Offsets where the candidate may be cut to drop a run-on tail: before each space. A cut at '-' or
 * '.' would turn `123-4567890-1234567` (an order id) into a phone-shaped prefix.
 */
function cutPoints(candidate: string): number[] {
  const cuts: number[] = [];
  for (let i = candidate.indexOf(' '); i !== -1; i = candidate.indexOf(' ', i + 1)) {
    if (/\d/.test(candidate[i - 1]!)) cuts.push(i);
  }
  cuts.push(candidate.length);
  return cuts;
}

function countDigits(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) n++;
  return n;
}

/** Index after the rest of a run of candidate characters that starts at `from`. */
function runEnd(text: string, from: number): number {
  let end = from;
  for (;;) {
    RUN_TAIL.lastIndex = end;
    if (!RUN_TAIL.test(text)) return end;
    end = RUN_TAIL.lastIndex;
  }
}

export function findPhones(text: string): PiiMatch[] {
  const out: PiiMatch[] = [];
  const budget: Budget = { left: VALIDATION_BUDGET };
  const re = new RegExp(PHONE_CANDIDATE);
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length > MAX_CANDIDATE_CHARS) {
      re.lastIndex = runEnd(text, m.index + m[0].length);
      continue;
    }
    // A separator is taken when '(' follows, which may not open a number after all: "… 2671 (cell)".
    const run = m[0].replace(/[ .\-/(]+$/, '');
    const after = text.charCodeAt(m.index + run.length);
    if (after === 95 || (after >= 65 && after <= 90) || (after >= 97 && after <= 122)) continue;
    const before = text.slice(Math.max(0, m.index - 30), m.index);
    if (IBAN_LEAD.test(before)) continue; // digit groups of an IBAN whose checksum failed
    // The candidate may have run on into a neighbouring number ("… 0958 2 times"): try it whole,
    // then without its last one or two digit groups.
    const cuts = cutPoints(run);
    for (let k = cuts.length - 1; k >= 0 && k >= cuts.length - 3; k--) {
      const candidate = run.slice(0, cuts[k]);
      // Only a short tail is a neighbour ("24/7", "2 times"); a long one means a longer number.
      if (countDigits(run) - countDigits(candidate) > 4) break;
      if (acceptable(candidate, before, budget)) {
        out.push({ kind: 'PHONE', start: m.index, end: m.index + candidate.length });
        break;
      }
    }
  }
  return out;
}
