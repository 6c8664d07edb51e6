import { describe, expect, it } from 'vitest';
import { resolveRange } from './time-range';

const latest = Date.parse('2026-09-19T23:58:37Z');

describe('time ranges', () => {
  it('counts back from the newest data, not from the wall clock', () => {
    expect(resolveRange({ range: '7d' }, latest)).toMatchObject({
      from: '2026-09-13T00:00:00.000Z',
      to: '2026-09-20T00:00:00.000Z',
      label: 'last 7 days',
    });
  });

  it('defaults to 30 days and ignores unknown presets', () => {
    expect(resolveRange({}, latest).from).toBe('2026-08-21T00:00:00.000Z');
    expect(resolveRange({ range: 'forever' }, latest).label).toBe('last 30 days');
  });

  it('pins a custom range to whole UTC days, both inclusive', () => {
    expect(resolveRange({ from: '2026-08-01', to: '2026-08-31' }, latest)).toMatchObject({
      from: '2026-08-01T00:00:00.000Z',
      to: '2026-09-01T00:00:00.000Z',
    });
  });

  it('leaves all time unbounded, and falls back to a preset for a malformed custom range', () => {
    expect(resolveRange({ range: 'all' }, latest)).toEqual({ label: 'all time' });
    expect(resolveRange({ from: '2026-08-31', to: '2026-08-01' }, latest).label).toBe('last 30 days');
    expect(resolveRange({ from: 'yesterday', to: '2026-08-01' }, latest).label).toBe('last 30 days');
  });
});
