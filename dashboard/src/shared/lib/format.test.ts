import { describe, expect, it } from 'vitest';
import { formatCount, formatDateTime, formatDuration, formatPercent, formatPoints, MISSING } from './format';

describe('numbers for people', () => {
  it('shows counts whole below 10k and compact above', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(9_876)).toBe('9,876');
    expect(formatCount(12_400)).toBe('12.4K');
    expect(formatCount(3_450_000)).toBe('3.5M');
  });

  it('shows rates as percentages, with a decimal only where it matters', () => {
    expect(formatPercent(0.2312345)).toBe('23%');
    expect(formatPercent(0.0093)).toBe('0.9%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(1)).toBe('100%');
  });

  it('shows deltas as signed points', () => {
    expect(formatPoints(0.031)).toBe('+3.1 pts');
    expect(formatPoints(-0.1051)).toBe('−10.5 pts');
    expect(formatPoints(0)).toBe('±0.0 pts');
  });

  it('shows durations in the unit a person would use', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(2_240)).toBe('2.2 s');
    expect(formatDuration(8 * 60_000)).toBe('8 min');
    expect(formatDuration(5 * 86_400_000)).toBe('5.0 days');
  });

  it('never turns a missing value into a 0', () => {
    for (const f of [formatCount, formatPercent, formatPoints, formatDuration, formatDateTime])
      expect(f(null)).toBe(MISSING);
    expect(formatPercent(Number.NaN)).toBe(MISSING);
  });

  it('shows event times in UTC', () => {
    expect(formatDateTime('2026-10-30T22:53:27.123Z')).toBe('30 Oct 2026, 22:53:27 UTC');
  });
});
