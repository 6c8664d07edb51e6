import { describe, expect, it } from 'vitest';
import { resolveRange } from '../../../shared/lib/time-range';
import { checkQuery } from './check-query';

const latest = Date.parse('2026-10-31T12:00:00Z');

describe('checkQuery', () => {
  it('leaves a preset range to the checks’ own rule windows (the alarms’ windows)', () => {
    const range = resolveRange({ range: '90d' }, latest);
    expect(checkQuery({ workload: null, range }, new URLSearchParams('range=90d'))).toEqual({});
    expect(checkQuery({ workload: 'support', range }, new URLSearchParams())).toEqual({
      workload: 'support',
    });
  });

  it('re-checks a custom from–to span', () => {
    const search = new URLSearchParams('from=2026-09-01&to=2026-09-30');
    const range = resolveRange({ from: '2026-09-01', to: '2026-09-30' }, latest);
    expect(checkQuery({ workload: null, range }, search)).toEqual({
      from: '2026-09-01T00:00:00.000Z',
      to: '2026-10-01T00:00:00.000Z',
    });
  });
});
