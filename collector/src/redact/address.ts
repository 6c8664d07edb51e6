import {
  AMBIGUOUS_PO_BOX,
  EN_STREET,
  FR_STREET,
  HOUSE_AFTER,
  JP_POSTAL,
  NAME_PARTICLES,
  PO_BOX,
  STREET_OPENERS,
  STREET_SUFFIX_WORD,
  STREET_TYPE_WORDS,
  STREET_TYPES_BEFORE,
  TAIL,
  UNIT_BEFORE,
} from './address-patterns';
import { COMMON_WORDS } from './name-lexicon';
import { withoutOverlaps } from './overlaps';
import type { PiiMatch } from './types';

const DIGIT_RUN = /\d+/g;
const BEFORE_NUMBER = /[\p{L}\p{N}_.,:/#+-]/u;
const YEAR_PREPOSITIONS = new Set(
  'in since by of from until to before after im seit bis vor nach en dans depuis desde hasta dal nel dopo sinds'.split(
    ' ',
  ),
);

/** Matches a sticky pattern at `at`; the end of the match, or -1. */
function stickyEnd(re: RegExp, text: string, at: number): number {
  re.lastIndex = at;
  const m = re.exec(text);
  return m ? at + m[0].length : -1;
}

const CAPITALISED_WORD = /\p{Lu}\p{Ll}[\p{L}\p{M}'’-]*/gu;

/** The postcode-and-city after a street, when one follows: the new end, else `end`. */
function withTail(text: string, end: number): number {
  const tail = stickyEnd(TAIL, text, end);
  if (tail === -1) return end;
  const body = text.slice(end, tail);
  // A city before its postcode is vouched for by the postcode's shape ("Cork T12 X8F2", "Bath BA1
  // 2QH"); after a bare number it is not: "Version 2, 10000 Users" has no city, as "users" is an
  // everyday word.
  if (!/^[,\s]*(?:[A-Z]{1,2}-)?\d/.test(body)) return tail;
  const words = body.match(CAPITALISED_WORD) ?? [];
  return words.some((w) => !COMMON_WORDS.has(w.toLowerCase())) ? tail : end;
}

/** Up to `max` words before `at`, nearest first, each with its start; stops at anything but a space. */
function wordsBefore(text: string, at: number, max: number): { word: string; start: number }[] {
  const out: { word: string; start: number }[] = [];
  let i = at;
  while (out.length < max && i > 0 && text[i - 1] === ' ') {
    let j = i - 1;
    while (j > 0 && j > i - 42 && /[\p{L}\p{M}.'’/-]/u.test(text[j - 1]!)) j--;
    if (j === i - 1) break;
    out.push({ word: text.slice(j, i - 1), start: j });
    i = j;
  }
  return out;
}

const capitalised = (w: string): boolean => /^\p{Lu}/u.test(w);

/**
 * Where a street whose number comes after its name starts ("Lindenstraße 3", "Mariahilfer Straße
 * 45", "Via Garibaldi 21", "Calle de Alcalá 48"), or -1. `hasTail` admits any capitalised name
 * ("Am Hang 7, 01109 Dresden"): a postcode and city after the number are evidence enough.
 */
function streetBefore(text: string, at: number, hasTail: boolean): number {
  const words = wordsBefore(text, at, 6);
  if (words.length === 0) return -1;
  const nearest = words[0]!;
  if (STREET_SUFFIX_WORD.test(nearest.word)) return nearest.start;
  if (STREET_TYPE_WORDS.has(nearest.word) && words[1] && capitalised(words[1].word)) return words[1].start;
  // Type first: every word between the type and the number is capitalised or a particle.
  for (let k = 1; k < words.length; k++) {
    const w = words[k - 1]!.word;
    if (!capitalised(w) && !NAME_PARTICLES.has(w)) break;
    if (STREET_TYPES_BEFORE.has(words[k]!.word)) return words[k]!.start;
  }
  if (!hasTail || !capitalised(nearest.word)) return -1;
  let start = nearest.start;
  for (let k = 1; k < Math.min(words.length, 3); k++) {
    const w = words[k]!.word;
    if (STREET_OPENERS.has(w) || NAME_PARTICLES.has(w) || capitalised(w)) start = words[k]!.start;
    else break;
  }
  return start;
}

/** A street and where it starts and ends; `postcode` when a postcode and city follow it. */
interface Street {
  start: number;
  end: number;
  postcode: boolean;
}

const LETTER = /\p{L}/u;
const ORDINAL = /\d{1,3}(?:st|nd|rd|th)\b/y;

/**
 * Whether a street name can follow the number ending at `end`: a letter within a few characters
 * ("12 Main", "12a Main", "3, place"), or a range ("12-14"). Numbers followed by numbers, the bulk
 * of logs and tables, are dismissed without running the street patterns.
 */
function letterFollows(text: string, end: number): boolean {
  const c = text[end];
  if (c === '-' || c === '/') return true;
  let j = c !== undefined && LETTER.test(c) ? end + 1 : end;
  const stop = j + 2;
  while (j < stop && (text[j] === ' ' || text[j] === ',')) j++;
  if (j >= text.length) return false;
  if (LETTER.test(text[j]!)) return true;
  ORDINAL.lastIndex = j;
  return ORDINAL.test(text);
}

/** A street written number first (English, French), from `at`. */
function numberFirst(text: string, at: number, digits: number): Street | undefined {
  if (!letterFollows(text, at + digits)) return undefined;
  let end = stickyEnd(EN_STREET, text, at);
  if (end === -1) end = stickyEnd(FR_STREET, text, at);
  if (end === -1) return undefined;
  const unit = UNIT_BEFORE.exec(text.slice(Math.max(0, at - 20), at));
  const tail = withTail(text, end);
  return { start: unit ? at - unit[0].length : at, end: tail, postcode: tail > end };
}

/** A street written name first, with its number at `at`. */
function nameFirst(text: string, at: number): Street | undefined {
  // A word must end right before the number ("… Straße 5"); after another number ("06 12 34") or at
  // the start of a line there is nothing to read back.
  if (at < 2 || text[at - 1] !== ' ' || !/[\p{L}.]/u.test(text[at - 2]!)) return undefined;
  const house = stickyEnd(HOUSE_AFTER, text, at);
  if (house === -1) return undefined;
  const tail = withTail(text, house);
  const start = streetBefore(text, at, tail > house);
  return start === -1 ? undefined : { start, end: tail, postcode: tail > house };
}

function isYear(text: string, at: number, digits: string): boolean {
  if (digits.length !== 4 || digits < '1800' || digits > '2099') return false;
  const prev = wordsBefore(text, at, 1)[0];
  return prev !== undefined && YEAR_PREPOSITIONS.has(prev.word.toLowerCase());
}

/**
 * Postal addresses with a house number or a post box: English and French streets number first,
 * German, Dutch, Italian, Spanish and Portuguese ones name first, each with the postcode and city
 * that follow; post boxes; Japanese addresses after 〒. A street without a number, a city alone and a
 * postcode alone are not addresses here.
 */
export function findAddresses(text: string): PiiMatch[] {
  const out: PiiMatch[] = [];
  // Post boxes first: the digit scan below then skips their numbers instead of reading each again.
  PO_BOX.lastIndex = 0;
  for (let m = PO_BOX.exec(text); m; m = PO_BOX.exec(text)) {
    const end = m.index + m[0].length;
    const tail = withTail(text, end);
    if (AMBIGUOUS_PO_BOX.test(m[0]) && tail === end) continue;
    out.push({ kind: 'ADDRESS', start: m.index, end: tail });
  }
  const boxes = out.length;
  let box = 0;
  let taken = 0;
  DIGIT_RUN.lastIndex = 0;
  for (let m = DIGIT_RUN.exec(text); m; m = DIGIT_RUN.exec(text)) {
    const at = m.index;
    while (box < boxes && out[box]!.end <= at) box++;
    if (box < boxes && out[box]!.start <= at) {
      DIGIT_RUN.lastIndex = out[box]!.end;
      continue;
    }
    if (at < taken || m[0].length > 5 || (at > 0 && BEFORE_NUMBER.test(text[at - 1]!))) continue;
    const found = numberFirst(text, at, m[0].length) ?? nameFirst(text, at);
    // "In 2019 Central Park hosted …": a year, unless a postcode follows the street.
    if (!found || (!found.postcode && isYear(text, at, m[0]))) continue;
    out.push({ kind: 'ADDRESS', start: found.start, end: found.end });
    taken = found.end;
    DIGIT_RUN.lastIndex = Math.max(DIGIT_RUN.lastIndex, taken);
  }
  JP_POSTAL.lastIndex = 0;
  for (let m = JP_POSTAL.exec(text); m; m = JP_POSTAL.exec(text)) {
    out.push({ kind: 'ADDRESS', start: m.index, end: m.index + m[0].length });
  }
  return withoutOverlaps(out);
}
