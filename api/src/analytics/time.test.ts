import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, eventTimeToIso, isoToEventTime, isoToMicros } from './time';

describe('event time helpers', () => {
  it('keeps microseconds from ISO input and honours offsets', () => {
    expect(isoToEventTime('2026-03-01T10:00:00.123456Z')).toBe('2026-03-01 10:00:00.123456');
    expect(isoToEventTime('2026-03-01T12:00:00.5+02:00')).toBe('2026-03-01 10:00:00.500000');
    expect(isoToMicros('1970-01-01T00:00:01Z')).toBe(1_000_000n);
  });

  it('converts back to ISO and does day arithmetic exactly', () => {
    expect(eventTimeToIso('2026-03-01 10:00:00.000001')).toBe('2026-03-01T10:00:00.000001Z');
    expect(addDays('2026-02-28 12:00:00.000001', 1.5)).toBe('2026-03-02 00:00:00.000001');
    expect(daysBetween('2026-03-01 00:00:00.000000', '2026-03-15 12:00:00.000000')).toBe(14.5);
  });
});
