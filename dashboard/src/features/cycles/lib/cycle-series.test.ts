import { describe, expect, it } from 'vitest';
import type { Cycle, OnlineDelta } from '@flywheel/api';
import { deltaData, deltaVerdict } from './cycle-series';

const online = (
  delta: number,
  ci: [number, number],
  significant: boolean,
  windowClosed = true,
): OnlineDelta => ({
  delta,
  ci,
  significant,
  n: { version: 400, parent: 400 },
  successRate: { version: 0.8, parent: 0.8 - delta },
  windowClosed,
});

const cycle = (
  version: string,
  deployedAt: string | null,
  d: OnlineDelta | null,
  offline: number | null = null,
): Cycle => ({
  id: `c-${version}`,
  workloadId: 'w',
  modelVersion: version,
  parentVersion: 'p',
  status: 'deployed',
  dataWindow: { from: '2026-08-01T00:00:00Z', to: '2026-08-05T00:00:00Z' },
  deployedAt,
  rolledBackAt: null,
  notes: '',
  trainingVolume: { total: 0, gold: 0, gatePassed: 0, correction: 0 },
  snapshot: null,
  onlineDelta: d,
  offlineDelta: offline,
  timeToImprovementDays: null,
  inHealthyBand: null,
});

describe('cycle deltas', () => {
  it('places a delta against the +2..+5 band', () => {
    expect(deltaVerdict(cycle('a', 'x', online(0.03, [0.01, 0.05], true)))).toBe('healthy');
    expect(deltaVerdict(cycle('a', 'x', online(0.015, [0.005, 0.025], true)))).toBe('below');
    expect(deltaVerdict(cycle('a', 'x', online(0.08, [0.04, 0.12], true)))).toBe('above');
    expect(deltaVerdict(cycle('a', 'x', online(0.02, [-0.01, 0.05], false)))).toBe('not_significant');
    expect(deltaVerdict(cycle('a', 'x', null))).toBe('unmeasured');
  });

  it('waits for the first days to pass, except for a significant drop', () => {
    expect(deltaVerdict(cycle('a', 'x', online(0.03, [-0.01, 0.07], false, false)))).toBe('measuring');
    expect(deltaVerdict(cycle('a', 'x', online(-0.15, [-0.21, -0.09], true, false)))).toBe('negative');
  });

  it('charts measured cycles in deploy order with their confidence intervals', () => {
    const data = deltaData([
      cycle('v3', '2026-09-03T00:00:00Z', online(0.05, [0.02, 0.08], true), 0.04),
      cycle('v1', '2026-08-12T00:00:00Z', online(0.03, [0.01, 0.05], true)),
      cycle('v4', null, null),
    ]);
    expect(data.map((d) => [d.label, d.online, d.ci, d.offline])).toEqual([
      ['v1', 0.03, [0.01, 0.05], null],
      ['v3', 0.05, [0.02, 0.08], 0.04],
    ]);
  });
});
