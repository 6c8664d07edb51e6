import { describe, expect, it } from 'vitest';
import { countChars, countWords, estimateTokens } from './length';

describe('countWords', () => {
  it('counts words of spaced scripts, with contractions and hyphenated words as one', () => {
    expect(countWords("It's a well-known fact: 42 apples, 7 pears.")).toBe(8);
    expect(countWords('  \n ')).toBe(0);
    expect(countWords('Ça coûte 10 €, señor.')).toBe(4);
  });
  it('segments Japanese and Chinese into words', () => {
    expect(countWords('我怎样才能重置我的密码？')).toBeGreaterThanOrEqual(5);
    expect(countWords('パスワードを忘れました')).toBeGreaterThanOrEqual(3);
  });
});

describe('estimateTokens', () => {
  it('estimates about four characters per token for English and one per Han character', () => {
    const english = 'The quick brown fox jumps over the lazy dog. '.repeat(10);
    expect(estimateTokens(english)).toBeGreaterThan(90);
    expect(estimateTokens(english)).toBeLessThan(140);
    expect(estimateTokens('我的密码')).toBe(4);
    expect(estimateTokens('')).toBe(0);
  });
});

describe('countChars', () => {
  it('counts code points, not UTF-16 units', () => {
    expect(countChars('a😀b')).toBe(3);
    expect(countChars('\uD800x')).toBe(2);
  });
});
