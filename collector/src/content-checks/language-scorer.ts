/**
 * eld's detector (its 'small' database: 60 languages) with its scoring precompiled. eld answers the
 * same, but spends most of its time in generic object walks: a `for…in` over each n-gram's language
 * object, an object of n-grams, and a sort of every language to read the top two. Here each n-gram's
 * scores are one flat slice of an Int32Array found through a Map, the n-grams of a text are a Set,
 * and the top two are found in one pass. `language-scorer.test.ts` checks the answers equal eld's.
 *
 * The database, eld's word-separator pattern and its byte dictionary are eld's own files, loaded next
 * to the entry the package exports (the package exports no other path).
 */
interface EldDatabase {
  languages: Record<number, string>;
  ngrams: Record<string, Record<number, number>>;
}

const entry = import.meta.resolve('eld/small');
const load = <T>(path: string): Promise<T> => import(new URL(path, entry).href) as Promise<T>;
const [{ ngramsData }, { separators }, { dictionary }, { avgScore }] = await Promise.all([
  load<{ ngramsData: EldDatabase }>('../ngrams/small.js'),
  load<{ separators: RegExp }>('../regexPatterns.js'),
  load<{ dictionary: string[] }>('../dictionary.js'),
  load<{ avgScore: Record<string, number> }>('../avgScore.js'),
]);

const LANGUAGES = Object.keys(ngramsData.languages).length;
const CODES: string[] = Array.from({ length: LANGUAGES }, (_, i) => ngramsData.languages[i]!);
const AVERAGE = CODES.map((code) => avgScore[code] ?? 0);
// eld stores scores minus this floor to keep its database small, and adds it back when scoring.
const BASE_SCORE = 53;

/**
 * Every n-gram's (language, score) pairs, one after another in PAIRS; SLICES maps an n-gram to its
 * number i, whose pairs lie in [ENDS[i - 1], ENDS[i]).
 */
const { SLICES, PAIRS, ENDS } = (() => {
  const slices = new Map<string, number>();
  const pairs: number[] = [];
  const ends: number[] = [];
  for (const [ngram, langs] of Object.entries(ngramsData.ngrams)) {
    slices.set(ngram, ends.length);
    for (const [lang, score] of Object.entries(langs)) pairs.push(Number(lang), score + BASE_SCORE);
    ends.push(pairs.length);
  }
  return { SLICES: slices, PAIRS: Int32Array.from(pairs), ENDS: Int32Array.from(ends) };
})();

// eld's own limits: it reads the first 1,000 characters and cuts words after about 350 bytes.
const MAX_CHARS = 1000;
const CUT_AFTER = 350;
const ENFORCE_CUT_AFTER = 380;

/** eld's text processing: letters only, lower case, each word as UTF-8 bytes spelled in its dictionary. */
function words(text: string): string[] {
  const str = text.substring(0, MAX_CHARS).replace(separators, ' ').trim().toLowerCase();
  const out: string[] = [];
  let word = '';
  let bytes = 0;
  for (let i = 0; i < str.length; i++) {
    let c = str.charCodeAt(i);
    if (c < 0x80) {
      if (c === 32) {
        if (word !== '') out.push(word);
        word = '';
        if (bytes > CUT_AFTER) break;
      } else word += str[i];
      bytes++;
    } else if (c < 0x800) {
      word += dictionary[0xc0 | (c >> 6)]! + dictionary[0x80 | (c & 0x3f)]!;
      bytes += 2;
    } else if (c < 0xd800 || c >= 0xe000) {
      word +=
        dictionary[0xe0 | (c >> 12)]! +
        dictionary[0x80 | ((c >> 6) & 0x3f)]! +
        dictionary[0x80 | (c & 0x3f)]!;
      bytes += 3;
    } else {
      i++;
      c = 0x10000 + (((c & 0x3ff) << 10) | (str.charCodeAt(i) & 0x3ff));
      word +=
        dictionary[0xf0 | (c >> 18)]! +
        dictionary[0x80 | ((c >> 12) & 0x3f)]! +
        dictionary[0x80 | ((c >> 6) & 0x3f)]! +
        dictionary[0x80 | (c & 0x3f)]!;
      bytes += 4;
    }
    if (bytes > ENFORCE_CUT_AFTER) break;
  }
  if (word !== '') out.push(word);
  return out;
}

/** eld's n-grams: 4 bytes with a stride of 3, a leading space at a word's start, a trailing one at its end. */
function ngrams(list: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const word of list) {
    const len = Math.min(word.length, 70);
    let j = 0;
    for (; j + 4 < len; j += 3) out.add((j === 0 ? ' ' : '') + word.substring(j, j + 4));
    out.add((j === 0 ? ' ' : '') + word.substring(len !== 3 ? len - 4 : 0) + ' ');
  }
  return out;
}

/**
 * What `eld.detect(text)` answers and whether its `isReliable()` holds, computed as eld does: the
 * language with the highest score (the first on a tie) and eld's reliability test on the scaled
 * scores, including its comparison with the runner-up's index (sic) rather than its score.
 */
export function scoreLanguage(text: string): { language: string; reliable: boolean } {
  const grams = ngrams(words(text));
  const scores = new Float64Array(LANGUAGES);
  for (const gram of grams) {
    const slice = SLICES.get(gram);
    if (slice === undefined) continue;
    for (let at = slice === 0 ? 0 : ENDS[slice - 1]!, end = ENDS[slice]!; at < end; at += 2) {
      const lang = PAIRS[at]!;
      scores[lang] = scores[lang]! + PAIRS[at + 1]!;
    }
  }
  const count = grams.size;
  let top = -1;
  let next = -1;
  let topScaled = 0;
  let nextScaled = 0;
  for (let lang = 0; lang < LANGUAGES; lang++) {
    if (!(scores[lang]! > 0)) continue;
    const perGram = scores[lang]! / count;
    const scaled = perGram / (perGram + 25);
    if (top < 0 || scaled > topScaled) {
      next = top;
      nextScaled = topScaled;
      top = lang;
      topScaled = scaled;
    } else if (next < 0 || scaled > nextScaled) {
      next = lang;
      nextScaled = scaled;
    }
  }
  if (top < 0) return { language: '', reliable: false };
  const runnerUp = next < 0 ? 0 : next;
  const reliable = count >= 3 && !(AVERAGE[top]! * 0.75 > topScaled || 0.01 > Math.abs(topScaled - runnerUp));
  return { language: CODES[top]!, reliable };
}
