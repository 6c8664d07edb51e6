import { COMMON_WORDS, CUE_ONLY_NAMES, GIVEN_NAMES, SURNAMES } from './name-lexicon';
import { GREETINGS, TITLES } from './person-cues';

/** One capitalised word of the text, classified against the name lists. */
export interface NameToken {
  start: number;
  end: number;
  text: string;
  role: 'title' | 'greeting' | 'initial' | 'particle' | 'word';
  given: boolean;
  surname: boolean;
  /** An everyday word in one of the claimed languages ("May", "Grace", "Station"). */
  everyday: boolean;
  /** A given name that is also a product, model, language or place ("Claude", "Paris"). */
  cueOnly: boolean;
}

// The lists, bound once: a module's imported bindings may be compiled to getters, one call per read,
// and these are read for every capitalised word.
const LISTS = {
  given: GIVEN_NAMES,
  surnames: SURNAMES,
  everyday: COMMON_WORDS,
  cueOnly: CUE_ONLY_NAMES,
  titles: TITLES,
  greetings: GREETINGS,
};

// What a UTF-16 code unit is. The scanner visits every character of every prompt and response, and a
// table look-up costs a fraction of a regex with Unicode property classes.
const OTHER = 0;
const LOWER = 1;
const UPPER = 2;
const DIGIT = 3;
const UNKNOWN = 255;
const CASES = new Uint8Array(0x10000).fill(UNKNOWN);

function classifyUnit(code: number): number {
  if (code >= 0xd800 && code <= 0xdfff) return OTHER;
  const ch = String.fromCharCode(code);
  if (/[\p{Lu}\p{Lt}]/u.test(ch)) return UPPER;
  // Other scripts' letters (CJK, kana) and combining marks continue a word but never open a name.
  if (/[\p{Ll}\p{Lm}\p{Lo}\p{M}]/u.test(ch)) return LOWER;
  if (/[\p{N}_]/u.test(ch)) return DIGIT;
  return OTHER;
}

/** The class of the code unit, computed once per distinct unit and then read from the table. */
function letterCase(code: number): number {
  let k = CASES[code]!;
  if (k === UNKNOWN) CASES[code] = k = classifyUnit(code);
  return k;
}

// Where a name could start: an ASCII capital, or any non-ASCII character (classified by the table).
const NAME_START = /[A-Z\u0080-\uffff]/g;
const mayStartName = (c: number): boolean => c >= 0x80 || (c >= 65 && c <= 90);

/** Characters after which a capitalised word is part of an identifier, a path or a handle. */
const BEFORE_EXCLUDED = new Set(['.', '@', '#', '$', '/', '\\']);
const CAPITAL_PARTICLES = new Set([
  'Van',
  'Von',
  'De',
  'Di',
  'Da',
  'Du',
  'Del',
  'Della',
  'Le',
  'La',
  'Mac',
  'Ten',
  'Ter',
]);
/** Lower-case particles that may stand between the parts of a name: "de la", "van der", "von". */
const GAP =
  /^ (?:(?:von|van|der|den|de|del|della|di|da|du|des|dos|das|do|le|la|ten|ter|zu|bin|ibn|al) ){0,2}$/;

function classify(start: number, text: string, dotted: boolean): NameToken {
  const bare = !text.includes('-');
  // Most tokens have one part: look it up directly, without splitting.
  const parts = bare ? undefined : text.split('-');
  const given = parts ? parts.every((p) => LISTS.given.has(p)) : LISTS.given.has(text);
  const surname = parts ? parts.some((p) => LISTS.surnames.has(p)) : LISTS.surnames.has(text);
  const everyday = parts
    ? parts.every((p) => LISTS.everyday.has(p.toLowerCase()))
    : LISTS.everyday.has(text.toLowerCase());
  let role: NameToken['role'] = 'word';
  if (bare && LISTS.titles.has(text)) role = 'title';
  else if (bare && LISTS.greetings.has(text)) role = 'greeting';
  else if (text.length === 1 && dotted) role = 'initial';
  else if (bare && CAPITAL_PARTICLES.has(text)) role = 'particle';
  // The dot belongs to an initial or a title ("R.", "Dr."), not to a name that ends a sentence.
  const ownsDot = dotted && (role === 'initial' || role === 'title');
  return {
    start,
    end: start + text.length + (ownsDot ? 1 : 0),
    text,
    role,
    given,
    surname,
    everyday,
    cueOnly: bare && LISTS.cueOnly.has(text),
  };
}

/** After `i`, the end of a run of lower-case letters. */
function lowerRun(text: string, i: number): number {
  while (i < text.length && letterCase(text.charCodeAt(i)) === LOWER) i++;
  return i;
}

const caseAt = (text: string, i: number): number =>
  i < text.length ? letterCase(text.charCodeAt(i)) : OTHER;

/**
 * The end of the capitalised word at `start` ("Anna", "McDonald", "O'Neill", "Jean-Baptiste"), or
 * -1 when the word there is not one ("JSON", "iPhone", "x2").
 */
function capitalisedWord(text: string, start: number): number {
  let j = lowerRun(text, start + 1);
  // One inner capital: "McDonald", "DeShawn".
  if (caseAt(text, j) === UPPER && caseAt(text, j + 1) === LOWER) j = lowerRun(text, j + 1);
  const ch = text[j];
  if ((ch === "'" || ch === '’') && caseAt(text, j + 1) === UPPER && caseAt(text, j + 2) === LOWER) {
    j = lowerRun(text, j + 2);
  }
  for (let parts = 0; parts < 3 && text[j] === '-' && caseAt(text, j + 1) === UPPER; parts++) {
    j = lowerRun(text, j + 2);
  }
  return caseAt(text, j) === OTHER ? j : -1;
}

/**
 * Capitalised words in runs that could be one name, each handed to `visit` as soon as it ends:
 * neighbours separated by a single space or by lower-case particles ("Sanne de Vries"). A comma, a
 * line break, an everyday word or any other character ends a run. One pass over the text, one table
 * look-up per character, and no run kept once visited.
 */
export function forEachNameRun(text: string, visit: (run: readonly NameToken[]) => void): void {
  let run: NameToken[] = [];
  const close = (): void => {
    if (run.length > 0) visit(run);
    run = [];
  };
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c < 0x80 && !(c >= 65 && c <= 90)) {
      // ASCII that is not a capital opens no name and closes no run: jump to the next character that
      // might (a capital or any non-ASCII one), back to the start of the word it is in. On prose this
      // skips most of the text in one regex scan instead of a table look-up per character; the first
      // few characters are looked at directly, since text dense with capitals would pay a regex call
      // per gap ("Version 2 Step 3").
      let found = i + 1;
      while (found < text.length && found - i < 16 && !mayStartName(text.charCodeAt(found))) found++;
      if (found - i === 16) {
        NAME_START.lastIndex = found;
        found = NAME_START.test(text) ? NAME_START.lastIndex - 1 : text.length;
      }
      if (found >= text.length) break;
      let next = found;
      while (next > i && letterCase(text.charCodeAt(next - 1)) !== OTHER) next--;
      if (next > i) {
        i = next;
        continue;
      }
    }
    const k = letterCase(c);
    if (k === OTHER) {
      i++;
      continue;
    }
    const start = i;
    const end =
      k === UPPER && !BEFORE_EXCLUDED.has(text[start - 1] ?? '') ? capitalisedWord(text, start) : -1;
    if (end === -1) {
      // A lower-case word, a number or an identifier: skip it whole.
      while (i < text.length && letterCase(text.charCodeAt(i)) !== OTHER) i++;
      continue;
    }
    i = end;
    const dotted = text[end] === '.';
    if (end - start === 1 && !dotted) {
      // "I", "A": a word, never part of a name.
      close();
      continue;
    }
    const token = classify(start, text.slice(start, end), dotted);
    if (token.role === 'word' && !nameLike(token)) {
      // "The", "Settings", "Monday": never part of a name, so it only ends the run.
      close();
      continue;
    }
    const prev = run.at(-1);
    if (prev && !(start - prev.end <= 12 && GAP.test(text.slice(prev.end, start)))) close();
    // "M." opens "M. Jean Morel" as a title but is a middle initial in "Thijs M. de Vries".
    if (token.role === 'title' && token.text.length === 1 && run.length > 0) token.role = 'initial';
    run.push(token);
  }
  close();
}

/** Could be part of a name: a known name, an initial, a particle, or a capitalised non-word. */
export function nameLike(t: NameToken): boolean {
  if (t.role === 'initial' || t.role === 'particle') return true;
  if (t.role !== 'word') return false;
  return t.given || t.surname || !t.everyday;
}
