import { describe, expect, it } from 'vitest';
import { formatEventTime } from './rows';

describe('formatEventTime', () => {
  it('writes microseconds exactly, dropping sub-microsecond digits', () => {
    expect(formatEventTime(1_761_991_200_123_456_789n)).toBe('2025-11-01 10:00:00.123456');
    expect(formatEventTime(0n)).toBe('1970-01-01 00:00:00.000000');
  });

  it('floors times before 1970 instead of writing a negative fraction', () => {
    expect(formatEventTime(-500_000_000n)).toBe('1969-12-31 23:59:59.500000');
    expect(formatEventTime(-1n)).toBe('1969-12-31 23:59:59.999999');
    expect(formatEventTime(-1_000_000_000n)).toBe('1969-12-31 23:59:59.000000');
  });
});
