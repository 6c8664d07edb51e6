import { describe, expect, it } from 'vitest';
import {
  addDays,
  addHours,
  addMicros,
  daysBetween,
  EARLIEST,
  eventTimeToIso,
  eventTimeToMicros,
  isoToEventTime,
  isoToMicros,
  LATEST,
  microsToEventTime,
} from './time';

describe('event time helpers', () => {
  it('keeps microseconds from ISO input and honours offsets', () => {
    expect(isoToEventTime('2026-03-01T10:00:00.123456Z')).toBe('2026-03-01 10:00:00.123456');
    expect(isoToEventTime('2026-03-01T12:00:00.5+02:00')).toBe('2026-03-01 10:00:00.500000');
    expect(isoToEventTime('2026-03-01T10:00:00Z')).toBe('2026-03-01 10:00:00.000000');
    // Digits past the microsecond are cut, never rounded into the next microsecond.
    expect(isoToEventTime('2026-03-01T10:00:00.9999999Z')).toBe('2026-03-01 10:00:00.999999');
    expect(isoToMicros('1970-01-01T00:00:01Z')).toBe(1_000_000n);
    expect(() => isoToMicros('yesterday')).toThrow(/not an ISO 8601 time/);
  });

  it('round-trips between text, microseconds and ISO without loss', () => {
    const text = '2026-03-01 10:00:00.000001';
    expect(eventTimeToMicros(text)).toBe(isoToMicros('2026-03-01T10:00:00.000001Z'));
    expect(microsToEventTime(eventTimeToMicros(text))).toBe(text);
    expect(eventTimeToIso(text)).toBe('2026-03-01T10:00:00.000001Z');
    expect(isoToEventTime(eventTimeToIso(text))).toBe(text);
  });

  it('does day and hour arithmetic exactly', () => {
    expect(addDays('2026-02-28 12:00:00.000001', 1.5)).toBe('2026-03-02 00:00:00.000001');
    expect(addHours('2026-03-01 00:00:00.000001', -0.5)).toBe('2026-02-28 23:30:00.000001');
    expect(addMicros('2026-03-01 23:59:59.999999', 1n)).toBe('2026-03-02 00:00:00.000000');
    expect(daysBetween('2026-03-01 00:00:00.000000', '2026-03-15 12:00:00.000000')).toBe(14.5);
  });

  it('orders as text the way the times it names are ordered', () => {
    const times = [LATEST, '2026-03-01 10:00:00.000002', EARLIEST, '2026-03-01 10:00:00.000001'];
    const byText = [...times].sort();
    const byMicros = [...times].sort((a, b) => Number(eventTimeToMicros(a) - eventTimeToMicros(b)));
    expect(byText).toEqual(byMicros);
  });
});
