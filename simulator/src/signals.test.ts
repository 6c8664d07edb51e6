import { describe, expect, it } from 'vitest';
import type { SimSignal } from './internal-types';
import { Rng } from './random';
import {
  DEFAULT_NEGATIVE_MIX,
  DEFAULT_POSITIVE_MIX,
  decidingSignal,
  drawSignals,
  outcomeOf,
} from './signals';
import type { SignalSpec } from './types';

const spec: SignalSpec = {
  coverage: 0.5,
  positiveMix: DEFAULT_POSITIVE_MIX,
  negativeMix: DEFAULT_NEGATIVE_MIX,
  followUpRate: 0.05,
  delayMedianMinutes: 4,
  delaySigma: 1,
};

const s = (kind: SimSignal['kind'], timeMs: number, value?: number): SimSignal => ({
  kind,
  timeMs,
  explicit: kind.startsWith('thumbs'),
  ...(value !== undefined ? { value } : {}),
});

describe('outcome rule (docs/design.md §3)', () => {
  it.each([
    [[], 'unknown'],
    [[s('accepted', 1)], 'success'],
    [[s('follow_up', 1)], 'failure'],
    [[s('accepted', 1), s('regenerated', 2)], 'failure'],
    [[s('regenerated', 1), s('thumbs_up', 2)], 'success'],
    [[s('thumbs_down', 1), s('corrected', 2)], 'failure'],
    [[s('corrected', 1), s('accepted', 2)], 'failure'],
    [[s('edited', 1, 0.1), s('copied', 2)], 'success'],
    [[s('edited', 1, 0.5), s('copied', 2)], 'failure'],
    [[s('edited', 1)], 'failure'],
    [[s('thumbs_up', 1), s('thumbs_down', 2)], 'failure'],
    [[s('thumbs_down', 1), s('thumbs_up', 2)], 'success'],
  ] as Array<[SimSignal[], string]>)('%j → %s', (signals, outcome) => {
    expect(outcomeOf(signals)).toBe(outcome);
  });

  it('lets the latest of equal precedence decide', () => {
    expect(decidingSignal([s('regenerated', 5), s('abandoned', 3)])?.kind).toBe('regenerated');
  });
});

describe('drawSignals', () => {
  const draw = (satisfied: boolean, n: number, rater = false) => {
    const rng = new Rng(11, satisfied ? 'sat' : 'unsat');
    return Array.from({ length: n }, () =>
      drawSignals(rng, spec, {
        satisfied,
        rater,
        explicitRate: 0.05,
        responseEndMs: 1_000_000,
        correction: () => 'No, I meant …',
      }),
    );
  };

  it('never contradicts satisfaction: the outcome is success exactly when the user was satisfied', () => {
    for (const signals of draw(true, 3000, true))
      expect(['success', 'unknown']).toContain(outcomeOf(signals));
    for (const signals of draw(false, 3000, true))
      expect(['failure', 'unknown']).toContain(outcomeOf(signals));
  });

  it('covers the configured share and follows the mix', () => {
    const all = draw(false, 20_000);
    const covered = all.filter((x) => x.length > 0).length / all.length;
    expect(covered).toBeCloseTo(spec.coverage, 1);
    const kinds = all.flat().map((x) => x.kind);
    const share = (k: string) => kinds.filter((x) => x === k).length / kinds.length;
    expect(share('regenerated')).toBeCloseTo(DEFAULT_NEGATIVE_MIX.regenerated!, 1);
    expect(share('corrected')).toBeCloseTo(DEFAULT_NEGATIVE_MIX.corrected!, 1);
    expect(share('accepted')).toBe(0);
  });

  it('gives edits a ratio on the right side of 0.2 and corrections a text', () => {
    for (const signals of [...draw(true, 2000), ...draw(false, 2000)]) {
      for (const x of signals) {
        if (x.kind === 'edited') expect(x.value).toBeDefined();
        if (x.kind === 'edited' || x.kind === 'corrected') expect(x.correction).toBe('No, I meant …');
      }
    }
  });

  it('sends signals minutes after the response, inside the 24-hour window', () => {
    const times = draw(true, 2000)
      .flat()
      .map((x) => x.timeMs - 1_000_000);
    expect(Math.min(...times)).toBeGreaterThan(0);
    expect(Math.max(...times)).toBeLessThanOrEqual(12 * 3_600_000 + 1);
    const sorted = [...times].sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]! / 60_000).toBeGreaterThan(2);
    expect(sorted[Math.floor(sorted.length / 2)]! / 60_000).toBeLessThan(8);
  });
});
