import { describe, expect, it } from 'vitest';
import { Rng } from './random';
import { UserPopulation } from './users';

const spec = {
  count: 2000,
  zipfExponent: 1.05,
  raterShareTopDecile: 0.3,
  raterShareRest: 0.03,
  explicitRate: 0.03,
};

describe('UserPopulation', () => {
  it('is the same population for the same seed', () => {
    const a = new UserPopulation(spec, 5);
    const b = new UserPopulation(spec, 5);
    expect(b.ids).toEqual(a.ids);
    expect(b.raters).toEqual(a.raters);
    expect(new UserPopulation(spec, 6).ids).not.toEqual(a.ids);
  });

  it('has a few power users and a long tail', () => {
    const users = new UserPopulation(spec, 1);
    const rng = new Rng(1, 'draws');
    const counts = new Array<number>(spec.count).fill(0);
    const draws = 50_000;
    for (let i = 0; i < draws; i++) counts[users.sample(rng)]!++;
    const sorted = [...counts].sort((a, b) => b - a);
    const share = (fraction: number) =>
      sorted.slice(0, spec.count * fraction).reduce((s, c) => s + c, 0) / draws;
    expect(share(0.01)).toBeGreaterThan(0.25);
    expect(share(0.1)).toBeGreaterThan(0.6);
    // The long tail: most users come a handful of times.
    expect(sorted[Math.floor(spec.count / 2)]).toBeLessThan(10);
  });

  it('makes the most active users far more likely to rate', () => {
    const users = new UserPopulation(spec, 2);
    const top = users.raters.slice(0, users.topDecileSize).filter(Boolean).length / users.topDecileSize;
    const rest =
      users.raters.slice(users.topDecileSize).filter(Boolean).length / (spec.count - users.topDecileSize);
    expect(top).toBeGreaterThan(0.2);
    expect(rest).toBeLessThan(0.06);
  });

  it('refuses an empty population', () => {
    expect(() => new UserPopulation({ ...spec, count: 0 }, 1)).toThrow(
      'users.count must be a positive integer',
    );
  });
});
