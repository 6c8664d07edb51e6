import { describe, expect, it } from 'vitest';
import {
  columnProblem,
  countProblem,
  eventTimeProblem,
  FUTURE_SKEW_NS,
  LATEST_EVENT_NS,
  UINT32_MAX,
  wellFormedRow,
} from './domain';

const NOW = BigInt(Date.parse('2026-11-01T00:00:00Z')) * 1_000_000n;
const ns = (iso: string) => BigInt(Date.parse(iso)) * 1_000_000n;

describe('eventTimeProblem', () => {
  it('accepts 1970 up to a day ahead of the clock', () => {
    expect(eventTimeProblem(0n, NOW)).toBeUndefined();
    expect(eventTimeProblem(NOW, NOW)).toBeUndefined();
    expect(eventTimeProblem(NOW + FUTURE_SKEW_NS, NOW)).toBeUndefined();
  });

  it('refuses times before 1970, past 2299 and more than a day ahead', () => {
    expect(eventTimeProblem(ns('1969-12-31T23:59:59.500Z'), NOW)).toBe('is before 1970-01-01');
    expect(eventTimeProblem(NOW + FUTURE_SKEW_NS + 1n, NOW)).toMatch(/more than a day ahead/);
    expect(eventTimeProblem(ns('2500-01-01T00:00:00Z'), NOW)).toBe('is after 2299-12-31');
    expect(eventTimeProblem(ns('+010000-01-01T00:00:00Z'), NOW)).toBe('is after 2299-12-31');
    // Even a clock set far ahead never lets a time past what DateTime64(6) holds through.
    expect(eventTimeProblem(LATEST_EVENT_NS + 1000n, LATEST_EVENT_NS)).toBe('is after 2299-12-31');
    expect(eventTimeProblem(LATEST_EVENT_NS, LATEST_EVENT_NS)).toBeUndefined();
  });
});

describe('countProblem', () => {
  it('holds counts to UInt32', () => {
    expect(countProblem(0)).toBeUndefined();
    expect(countProblem(UINT32_MAX)).toBeUndefined();
    expect(countProblem(UINT32_MAX + 1)).toMatch(/at most 4294967295/);
    expect(countProblem(1e308)).toMatch(/at most/);
    expect(countProblem(-1)).toMatch(/non-negative integer/);
    expect(countProblem(1.5)).toMatch(/non-negative integer/);
    expect(countProblem(Number.NaN)).toMatch(/non-negative integer/);
  });
});

describe('wellFormedRow', () => {
  it('replaces lone surrogates in strings, arrays, map keys and map values; keeps pairs', () => {
    const row = {
      workload_id: 'w\ud800',
      service: 'ok \ud83d\ude00',
      pii_kinds: ['\udc00'],
      attributes: { 'k\ud800': 'v\udfff', fine: 'x' },
      input_tokens: 3,
      ttft_ms: null,
    };
    expect(wellFormedRow(row)).toEqual({
      workload_id: 'w\ufffd',
      service: 'ok \ud83d\ude00',
      pii_kinds: ['\ufffd'],
      attributes: { 'k\ufffd': 'v\ufffd', fine: 'x' },
      input_tokens: 3,
      ttft_ms: null,
    });
  });

  it('returns a well-formed row itself, without copying', () => {
    const row = { a: 'x', m: { k: 'v' }, l: ['y'] };
    expect(wellFormedRow(row)).toBe(row);
  });
});

describe('columnProblem', () => {
  it('names the first numeric column its type cannot hold', () => {
    expect(columnProblem({ input_tokens: 1, latency_ms: 2, ttft_ms: null })).toBeUndefined();
    expect(columnProblem({ input_tokens: 2 ** 32 })).toBe(
      'input_tokens must be at most 4294967295, got 4294967296',
    );
    expect(columnProblem({ latency_ms: Number.POSITIVE_INFINITY })).toMatch(
      /^latency_ms must be a finite number/,
    );
    expect(columnProblem({ value: Number.NaN })).toMatch(/^value must be a finite number/);
  });
});
