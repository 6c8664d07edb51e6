import { DataSet, RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';
import { NOT_TOXIC_IN_CONTEXT, SPANS_WORDS } from './toxicity-lexicon';

interface Phrase {
  originalWord: string;
}

// obscenity resolves leetspeak, confusable characters and stretched letters ("fuuuck", "sh1t")
// and keeps whitelisted words ("Scunthorpe", "assassin") clean, which a word list alone cannot.
const dataset = new DataSet<Phrase>().addAll(englishDataset).removePhrasesIf((p) => {
  const word = p.metadata?.originalWord ?? '';
  return NOT_TOXIC_IN_CONTEXT.has(word) || SPANS_WORDS.has(word);
});
const matcher = new RegExpMatcher({ ...dataset.build(), ...englishRecommendedTransformers });

// Running the matcher over a whole response costs ~1 ms per 3.5 KB (two character-by-character
// transformation passes, then one regex per term). Almost all responses are clean, so it runs in
// full only when a screen says it might match: each whitespace-delimited token is checked once and
// its verdict remembered, since a workload's vocabulary repeats from response to response. A term
// matches inside one token unless its pattern can match whitespace. In the English dataset only
// "double penetration" has a space (the lexicon matches it instead) and five `f?ck`-style patterns
// have a wildcard, which can be a space only in the obfuscation "f ck": the screen lets that pass.
const tokenVerdicts = new Map<string, boolean>();
const CACHE_LIMIT = 200_000;

function wordsOf(match: {
  termId: number;
  startIndex: number;
  endIndex: number;
  matchLength: number;
}): string {
  return dataset.getPayloadWithPhraseMetadata(match).phraseMetadata?.originalWord ?? '';
}

function anyTokenMatches(text: string): boolean {
  const unknown: string[] = [];
  for (const token of new Set(text.split(/\s+/))) {
    const verdict = tokenVerdicts.get(token);
    if (verdict === true) return true;
    if (verdict === undefined && token !== '') unknown.push(token);
  }
  if (unknown.length === 0) return false;
  // One matcher run over all unknown tokens, one per line; a match marks the token it falls in.
  const starts: number[] = [];
  for (let i = 0, at = 0; i < unknown.length; at += unknown[i]!.length + 1, i++) starts.push(at);
  const flagged = new Set<number>();
  for (const m of matcher.getAllMatches(unknown.join('\n'))) {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= m.startIndex) lo = mid;
      else hi = mid - 1;
    }
    flagged.add(lo);
  }
  if (tokenVerdicts.size + unknown.length > CACHE_LIMIT) tokenVerdicts.clear();
  unknown.forEach((token, i) => tokenVerdicts.set(token, flagged.has(i)));
  return flagged.size > 0;
}

/** The dataset word behind every profanity match in the text (e.g. 'fuck' for "f4ck"). */
export function findProfanity(text: string): string[] {
  return anyTokenMatches(text) ? findProfanityUnscreened(text) : [];
}

/** Without the token screen: what the screen must agree with. */
export function findProfanityUnscreened(text: string): string[] {
  return matcher.getAllMatches(text).map(wordsOf);
}
