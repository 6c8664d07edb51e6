import { describe, expect, it } from 'vitest';
import { phaseOf, PHASE_MIN_CANDIDATES } from './phase';

describe('phaseOf (docs/design.md §6 bands)', () => {
  const at = (rate: number, candidates = 1000) =>
    phaseOf({ interactions: 2 * candidates, candidates, successes: Math.round(rate * candidates) });

  it.each([
    [0, 'cold_start'],
    [0.699, 'cold_start'],
    [0.7, 'bootstrap'],
    [0.799, 'bootstrap'],
    [0.8, 'acceleration'],
    [0.899, 'acceleration'],
    [0.9, 'maturity'],
    [1, 'maturity'],
  ])('success rate %f → %s', (rate, phase) => {
    expect(at(rate).phase).toBe(phase);
  });

  it('keeps a workload in cold start below the volume floor, whatever its rate', () => {
    expect(at(0.95, PHASE_MIN_CANDIDATES - 1)).toMatchObject({
      phase: 'cold_start',
      successRate: expect.closeTo(0.95, 2),
    });
    expect(at(0.95, PHASE_MIN_CANDIDATES).phase).toBe('maturity');
    expect(phaseOf({ interactions: 10, candidates: 0, successes: 0 })).toMatchObject({
      phase: 'cold_start',
      successRate: null,
    });
  });
});
