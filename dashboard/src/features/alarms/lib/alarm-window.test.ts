import { describe, expect, it } from 'vitest';
import type { Alarm } from '@flywheel/api';
import { alarmInRange, alarmsOutside, rangeAround } from './alarm-window';

const DAY = 86_400_000;
const latest = Date.parse('2026-10-31T12:00:00Z');
const alarm = (firedAt: string, resolvedAt: string | null): Alarm => ({
  id: firedAt,
  kind: 'regression_after_deploy',
  severity: 'critical',
  workloadId: 'support',
  modelVersion: 'v2',
  state: resolvedAt ? 'resolved' : 'firing',
  firedAt,
  resolvedAt,
  evidence: {},
  recommendation: '',
  link: '',
});

describe('alarm time windows', () => {
  it('keeps firing alarms in any range and resolved ones that overlap it', () => {
    const from = latest - 30 * DAY;
    expect(alarmInRange(alarm('2026-01-01T00:00:00Z', null), from, latest)).toBe(true);
    expect(alarmInRange(alarm('2026-09-01T00:00:00Z', '2026-10-05T00:00:00Z'), from, latest)).toBe(true);
    expect(alarmInRange(alarm('2026-09-01T00:00:00Z', '2026-09-20T00:00:00Z'), from, latest)).toBe(false);
  });

  it('widens to two weeks before the alarm and a week after it resolved, never past the data', () => {
    expect(rangeAround(alarm('2026-09-10T08:00:00Z', '2026-09-15T00:00:00Z'), latest)).toEqual({
      from: '2026-08-27',
      to: '2026-09-22',
    });
    expect(rangeAround(alarm('2026-10-28T08:00:00Z', '2026-10-30T00:00:00Z'), latest)).toEqual({
      from: '2026-10-14',
      to: '2026-10-31',
    });
    expect(rangeAround(alarm('2026-10-20T08:00:00Z', null), latest).to).toBe('2026-10-31');
  });

  it('says what an empty range hides, and the smallest preset that shows it', () => {
    const last30 = { fromMs: Date.parse('2026-10-02T00:00:00Z') };
    expect(alarmsOutside([alarm('2026-09-01T00:00:00Z', '2026-09-06T00:00:00Z')], last30, latest)).toEqual({
      earlier: 1,
      preset: '90d',
      label: '90 days',
    });
    expect(
      alarmsOutside([alarm('2026-03-01T00:00:00Z', '2026-03-06T00:00:00Z')], last30, latest)?.preset,
    ).toBe('all');
    expect(alarmsOutside([alarm('2026-10-10T00:00:00Z', '2026-10-12T00:00:00Z')], last30, latest)).toBeNull();
    expect(alarmsOutside([alarm('2026-03-01T00:00:00Z', '2026-03-06T00:00:00Z')], {}, latest)).toBeNull();
  });
});
