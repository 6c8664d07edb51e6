import { describe, expect, it } from 'vitest';
import type { CycleReport } from './cycle-report';
import { diagnose, stagnationOf, type StagnationEvidence } from './stagnation';

const cycle = (id: string, deployedAt: string, delta: number, significant: boolean, windowClosed = true) =>
  ({
    id,
    modelVersion: id,
    deployedAt,
    onlineDelta: { delta, significant, windowClosed },
  }) as unknown as CycleReport;

describe('stagnationOf', () => {
  it('needs two deployed cycles with a closed window', () => {
    expect(stagnationOf([cycle('a', '2026-01-01', 0, false)]).stagnating).toBeNull();
    expect(
      stagnationOf([cycle('a', '2026-01-01', 0, false), cycle('b', '2026-02-01', 0, false, false)])
        .stagnating,
    ).toBeNull();
  });

  it('stagnates when each of the last two moved < +2 points or not significantly', () => {
    expect(
      stagnationOf([cycle('a', '2026-01-01', 0.01, true), cycle('b', '2026-02-01', 0.04, false)]).stagnating,
    ).toBe(true);
    expect(
      stagnationOf([cycle('a', '2026-01-01', 0.01, true), cycle('b', '2026-02-01', 0.03, true)]).stagnating,
    ).toBe(false);
    // Only the last two count: an old good cycle does not rescue two flat ones.
    const three = stagnationOf([
      cycle('a', '2026-01-01', 0.1, true),
      cycle('b', '2026-02-01', 0, false),
      cycle('c', '2026-03-01', 0.01, true),
    ]);
    expect(three.stagnating).toBe(true);
    expect(three.cycles.map((c) => c.id)).toEqual(['c', 'b']);
  });
});

describe('diagnose', () => {
  const healthy: StagnationEvidence = {
    windowDays: 28,
    gate: { evaluated: 1000, passed: 250, passRate: 0.25, passRateWithOutcome: 0.4 },
    reviewQueue: { pending: 10, oldestPendingDays: 2, reviewedPerDay: 5, backlogDays: 2 },
    coverage: 0.6,
    successRate: 0.8,
    interactions: 1000,
    candidates: 600,
  };
  const causes = (e: Partial<StagnationEvidence>) => diagnose({ ...healthy, ...e }).map((c) => c.cause);

  it('finds nothing in a healthy workload', () => {
    expect(causes({})).toEqual([]);
  });

  it.each<[string, Partial<StagnationEvidence>, string[]]>([
    [
      'gate too strict',
      { gate: { evaluated: 1000, passed: 50, passRate: 0.05, passRateWithOutcome: 0.08 } },
      ['gate_too_strict'],
    ],
    [
      'low pass rate explained by sparse feedback',
      { gate: { evaluated: 1000, passed: 30, passRate: 0.03, passRateWithOutcome: 0.75 }, coverage: 0.04 },
      ['feedback_too_sparse'],
    ],
    [
      'oldest pending review > 7 days',
      { reviewQueue: { pending: 3, oldestPendingDays: 7.5, reviewedPerDay: 10, backlogDays: 0.3 } },
      ['review_queue_backed_up'],
    ],
    [
      'backlog > 2 weeks of throughput',
      { reviewQueue: { pending: 300, oldestPendingDays: 6, reviewedPerDay: 20, backlogDays: 15 } },
      ['review_queue_backed_up'],
    ],
    [
      'nobody reviews',
      { reviewQueue: { pending: 5, oldestPendingDays: 1, reviewedPerDay: 0, backlogDays: null } },
      ['review_queue_backed_up'],
    ],
    ['feedback too sparse', { coverage: 0.049 }, ['feedback_too_sparse']],
    ['saturation', { successRate: 0.96 }, ['saturation']],
  ])('%s', (_name, evidence, expected) => {
    expect(causes(evidence)).toEqual(expected);
  });

  it('states the evidence in numbers', () => {
    const [c] = diagnose({
      ...healthy,
      reviewQueue: { pending: 300, oldestPendingDays: 6, reviewedPerDay: 20, backlogDays: 15 },
    });
    expect(c!.evidence).toBe('300 pending reviews are 15.0 days of throughput at 20.0 reviews/day (> 14)');
  });
});
