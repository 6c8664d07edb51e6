// Scripts written without spaces between words. Their words are found with Intl.Segmenter, which
// is exact but slow, so it runs only when such a character is present.
const UNSPACED =
  /[\u0E00-\u0E7F\u0E80-\u0EFF\u1000-\u109F\u1780-\u17FF\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/;
const UNSPACED_ALL = new RegExp(UNSPACED.source, 'g');
const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c >= 0xdc00 && c <= 0xdfff) return false; // second half of a pair, classified with the first
  return LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(i)!));
}

// Inside a word these join rather than split: it's, well-known, snake_case.
const JOINERS = new Set([39, 0x2019, 95, 45]);

let segmenter: Intl.Segmenter | undefined;

/** A word is a run of letters and digits, optionally joined by an apostrophe, hyphen or underscore. */
export function countWords(text: string): number {
  if (!UNSPACED.test(text)) {
    let n = 0;
    let inWord = false;
    for (let i = 0; i < text.length; i++) {
      if (isWordChar(text, i)) {
        if (!inWord) n++;
        inWord = true;
      } else if (!(
        inWord &&
        JOINERS.has(text.charCodeAt(i)) &&
        i + 1 < text.length &&
        isWordChar(text, i + 1)
      )) {
        inWord = false;
      }
    }
    return n;
  }
  segmenter ??= new Intl.Segmenter('und', { granularity: 'word' });
  let n = 0;
  for (const s of segmenter.segment(text)) if (s.isWordLike) n++;
  return n;
}

/**
 * Tokens of a BPE tokenizer of the GPT-4 family, estimated without its vocabulary: about four
 * characters per token for Latin-script text and code, about one token per Han or kana character.
 * Close enough to gate on length (within ~25% on prose); never used where the provider counted.
 */
export function estimateTokens(text: string): number {
  if (text.length === 0) return 0;
  const unspaced = text.match(UNSPACED_ALL)?.length ?? 0;
  return Math.max(1, Math.ceil((text.length - unspaced) / 4) + unspaced);
}

/** Unicode code points, so that an emoji or a Han character counts once. */
export function countChars(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
      const p = text.charCodeAt(i - 1);
      if (p >= 0xd800 && p <= 0xdbff) n--;
    }
  }
  return n;
}
