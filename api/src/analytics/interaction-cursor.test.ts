import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './interaction-cursor';

describe('interaction cursor', () => {
  it('round-trips', () => {
    const cursor = {
      direction: 'newer' as const,
      time: '2026-03-01 10:00:00.123456',
      traceId: 'abc',
      spanId: 'def',
    };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(decodeCursor(encodeCursor({ ...cursor, direction: 'older' }))?.direction).toBe('older');
  });

  it('refuses anything it did not write', () => {
    expect(decodeCursor('not a cursor')).toBeNull();
    expect(decodeCursor(Buffer.from('["o","yesterday","a","b"]').toString('base64url'))).toBeNull();
    expect(
      decodeCursor(Buffer.from('["x","2026-03-01 10:00:00.000000","a","b"]').toString('base64url')),
    ).toBeNull();
    expect(decodeCursor(Buffer.from('{"a":1}').toString('base64url'))).toBeNull();
  });
});
