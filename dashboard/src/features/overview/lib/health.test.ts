import { describe, expect, it } from 'vitest';
import type { Alarm, Cycle, GateBand } from '@flywheel/api';
import { projectVerdict, verdictOf, type WorkloadHealth } from './health';

const base: WorkloadHealth = {
  workloadId: 'support-chat',
  phase: {
    phase: 'acceleration',
    successRate: 0.84,
    candidates: 900,
    interactions: 2000,
    windowDays: 28,
    reason: '',
  },
  stagnation: null,
  buckets: [],
  perDay: { interactions: 100, candidates: 40 },
  gate: { evaluated: 1000, passed: 250, passRate: 0.25, band: 'healthy' },
  lastCycle: null,
  firing: [],
  cyclesAvailable: true,
  alarmsAvailable: true,
};

const cycle = (delta: number, ci: [number, number], significant: boolean): Cycle => ({
  id: 'c',
  workloadId: 'support-chat',
  modelVersion: 'v3',
  parentVersion: 'v2',
  status: 'deployed',
  dataWindow: { from: '2026-08-01T00:00:00Z', to: '2026-08-10T00:00:00Z' },
  deployedAt: '2026-08-25T00:00:00Z',
  rolledBackAt: null,
  notes: '',
  trainingVolume: { total: 0, gold: 0, gatePassed: 0, correction: 0 },
  snapshot: null,
  onlineDelta: {
    delta,
    ci,
    significant,
    n: { version: 500, parent: 500 },
    successRate: { version: 0.8, parent: 0.77 },
    windowClosed: true,
  },
  offlineDelta: null,
  timeToImprovementDays: null,
  inHealthyBand: null,
});

const alarm = (severity: Alarm['severity']): Alarm => ({
  id: 'a',
  kind: 'regression_after_deploy',
  severity,
  workloadId: 'support-chat',
  modelVersion: 'v3',
  state: 'firing',
  firedAt: '2026-08-26T00:00:00Z',
  resolvedAt: null,
  evidence: {},
  recommendation: 'Roll back support-chat to v2',
  link: '',
});

describe('workload verdict', () => {
  it('is healthy with a gate in band, a last cycle in band and nothing firing', () => {
    expect(verdictOf({ ...base, lastCycle: cycle(0.03, [0.01, 0.05], true) }).health).toBe('healthy');
  });

  it('is critical with a critical alarm, and says what to do first', () => {
    const v = verdictOf({ ...base, firing: [alarm('critical')] });
    expect(v).toEqual({ health: 'critical', reasons: ['Roll back support-chat to v2'] });
  });

  it('is critical when the last cycle made quality significantly worse', () => {
    expect(verdictOf({ ...base, lastCycle: cycle(-0.04, [-0.07, -0.01], true) }).health).toBe('critical');
  });

  it('needs attention for a gate outside 10–50%, a weak last cycle, a warning or a stalled loop', () => {
    const gate = (passed: number, band: GateBand) => ({
      evaluated: 1000,
      passed,
      passRate: passed / 1000,
      band,
    });
    expect(verdictOf({ ...base, gate: gate(50, 'too_strict') }).reasons[0]).toMatch(/too strict/);
    expect(verdictOf({ ...base, gate: gate(600, 'too_loose') }).reasons[0]).toMatch(/too loose/);
    expect(verdictOf({ ...base, lastCycle: cycle(0.01, [-0.01, 0.03], false) }).health).toBe('attention');
    expect(verdictOf({ ...base, firing: [alarm('warning')] }).health).toBe('attention');
  });

  it('never says healthy under an out-of-band number: a loose gate or a cycle above +5 points', () => {
    const gate = (passed: number, band: GateBand) => ({
      evaluated: 1000,
      passed,
      passRate: passed / 1000,
      band,
    });
    expect(verdictOf({ ...base, gate: gate(400, 'above_band') }).health).toBe('attention');
    expect(verdictOf({ ...base, gate: gate(150, 'below_band') }).health).toBe('attention');
    const above = verdictOf({ ...base, lastCycle: cycle(0.08, [0.06, 0.1], true) });
    expect(above.health).toBe('attention');
    expect(above.reasons[0]).toMatch(/above the \+2\.\.\+5 band: check for leakage/);
  });

  it('judges the gate by the band the API gives it, not by recomputing one from the pass rate', () => {
    // Bands are the API's to define (docs/design.md §5); a card and the Velocity page must agree with it.
    const bandedByTheApi = { evaluated: 1000, passed: 50, passRate: 0.05, band: 'healthy' as const };
    expect(verdictOf({ ...base, gate: bandedByTheApi }).health).toBe('healthy');
    const loose = { evaluated: 1000, passed: 50, passRate: 0.05, band: 'above_band' as const };
    expect(verdictOf({ ...base, gate: loose }).reasons).toEqual([
      'the gate is a little loose: 30–50% pass, healthy is 20–30%; tighten it a little',
    ]);
    const nothingEvaluated = { evaluated: 0, passed: 0, passRate: null, band: 'insufficient_data' as const };
    expect(verdictOf({ ...base, gate: nothingEvaluated }).health).toBe('healthy');
  });

  it('says when there is not enough data rather than calling it healthy', () => {
    expect(verdictOf({ ...base, phase: { ...base.phase!, successRate: null } }).health).toBe('unknown');
  });

  it('gives the project its worst workload', () => {
    expect(
      projectVerdict([
        { health: 'healthy', reasons: [] },
        { health: 'critical', reasons: [] },
      ]),
    ).toBe('critical');
    expect(
      projectVerdict([
        { health: 'healthy', reasons: [] },
        { health: 'unknown', reasons: [] },
      ]),
    ).toBe('healthy');
    expect(projectVerdict([])).toBe('unknown');
  });
});
