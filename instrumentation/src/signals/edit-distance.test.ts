import { describe, expect, it } from 'vitest';
import { levenshtein, normalizedEditDistance } from './edit-distance';

describe('normalizedEditDistance', () => {
  it('is 0 for identical texts and for two empty texts', () => {
    expect(normalizedEditDistance('same text', 'same text')).toBe(0);
    expect(normalizedEditDistance('', '')).toBe(0);
  });

  it('is 1 when everything was rewritten', () => {
    expect(normalizedEditDistance('abc', 'xyz')).toBe(1);
    expect(normalizedEditDistance('', 'new')).toBe(1);
    expect(normalizedEditDistance('old', '')).toBe(1);
  });

  it('divides the Levenshtein distance by the longer length', () => {
    expect(levenshtein(Array.from('kitten'), Array.from('sitting'))).toBe(3);
    expect(normalizedEditDistance('kitten', 'sitting')).toBeCloseTo(3 / 7, 10);
    expect(normalizedEditDistance('flaw', 'lawn')).toBe(0.5);
  });

  it('counts code points, not UTF-16 units', () => {
    expect(normalizedEditDistance('a😀b', 'a😃b')).toBeCloseTo(1 / 3, 10);
  });

  it('handles edits in the middle of long texts quickly', () => {
    const base = 'lorem ipsum dolor sit amet '.repeat(2000);
    const edited = `${base.slice(0, 27_000)}CHANGED${base.slice(27_000)}`;
    const started = performance.now();
    expect(normalizedEditDistance(base, edited)).toBeCloseTo(7 / edited.length, 10);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
