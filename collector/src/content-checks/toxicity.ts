import { foldText } from './normalize';
import { findProfanity } from './profanity';
import { INSULT, MILD, SLURS, SPACED_TERMS, THREAT, UNSPACED_TERMS } from './toxicity-lexicon';
import type { LexiconTerm } from './toxicity-lexicon';

const PROFANITY = INSULT - 0.1;

// One scan per script family, with a capture group per severity: three dozen separate patterns
// each scanning the whole response cost more than everything else in the scorer.
const SEVERITIES = [MILD, INSULT, THREAT] as const;
function combine(terms: readonly LexiconTerm[]): RegExp {
  const groups = SEVERITIES.map(
    (w) =>
      `(${
        terms
          .filter((t) => t.weight === w)
          .map((t) => t.pattern)
          .join('|') || '(?!)'
      })`,
  );
  return new RegExp(`(?:${groups.join('|')})`, 'g');
}
const SPACED = combine(SPACED_TERMS);
const UNSPACED = combine(UNSPACED_TERMS);

// Word boundaries are checked in code: a Unicode lookbehind in front of the alternation keeps the
// regex engine from skipping ahead to candidate first letters, which made it 4x slower.
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return LETTER_OR_DIGIT.test(ch);
}

function severity(hit: RegExpExecArray): number {
  for (let g = 0; g < SEVERITIES.length; g++) if (hit[g + 1] !== undefined) return SEVERITIES[g]!;
  return 0;
}

function lexiconHits(re: RegExp, text: string, spaced: boolean): number[] {
  const out: number[] = [];
  re.lastIndex = 0;
  for (let hit = re.exec(text); hit !== null; hit = re.exec(text)) {
    const end = hit.index + hit[0].length;
    if (spaced && (isWordChar(text[hit.index - 1]) || isWordChar(text[end]))) {
      re.lastIndex = hit.index + 1;
      continue;
    }
    out.push(severity(hit));
  }
  return out;
}

/**
 * Noisy-OR of the severities of every term found: one mild swear word scores 0.3, an insult 0.6,
 * a threat 0.9, and each further hit pushes the score toward 1. The default gate (≤ 0.1) therefore
 * rejects any response containing a listed term; the value orders how bad it is.
 */
export function lexiconToxicity(text: string): number {
  let clean = 1;
  for (const word of findProfanity(text)) clean *= 1 - (SLURS.has(word) ? THREAT : PROFANITY);
  const folded = foldText(text);
  for (const w of lexiconHits(SPACED, folded, true)) clean *= 1 - w;
  for (const w of lexiconHits(UNSPACED, folded, false)) clean *= 1 - w;
  return Math.round((1 - clean) * 1e4) / 1e4;
}
