import { describe, expect, it } from 'vitest';
import { gateBand } from './gate-band';

describe('gateBand', () => {
  it.each([
    [null, 'insufficient_data'],
    [0, 'too_strict'],
    [0.099, 'too_strict'],
    [0.1, 'below_band'],
    [0.199, 'below_band'],
    [0.2, 'healthy'],
    [0.3, 'healthy'],
    [0.301, 'above_band'],
    [0.5, 'above_band'],
    [0.501, 'too_loose'],
    [1, 'too_loose'],
  ] as const)('%s → %s (10%, 20–30% and 50% are the edges)', (passRate, band) => {
    expect(gateBand(passRate)).toBe(band);
  });
});
