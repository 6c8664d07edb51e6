import { describe, expect, it } from 'vitest';
import { Rng, WeightedIndex, hashString, normalCdf } from './random';

describe('Rng', () => {
  it('gives the same sequence for the same seed and a different one for another', () => {
    const a = new Rng(42, 'x');
    const b = new Rng(42, 'x');
    const c = new Rng(43, 'x');
    const seq = (r: Rng) => Array.from({ length: 20 }, () => r.nextUint32());
    const first = seq(a);
    expect(seq(b)).toEqual(first);
    expect(seq(c)).not.toEqual(first);
  });

  it('derives independent, reproducible streams from labels', () => {
    const a = new Rng(7);
    expect(a.fork('day', 3).next()).not.toBe(a.fork('day', 4).next());
    expect(a.fork('day', 3).next()).toBe(new Rng(7).fork('day', 3).next());
    // Forks derive from the current state, so the generator never draws from its root stream.
    const b = new Rng(7);
    b.next();
    expect(b.fork('day', 3).next()).not.toBe(a.fork('day', 3).next());
  });

  it('draws uniform, normal and Poisson values with the right moments', () => {
    const r = new Rng(1);
    const n = 20_000;
    const u = Array.from({ length: n }, () => r.next());
    expect(Math.min(...u)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...u)).toBeLessThan(1);
    expect(mean(u)).toBeCloseTo(0.5, 1);
    const z = Array.from({ length: n }, () => r.normal());
    expect(mean(z)).toBeCloseTo(0, 1);
    expect(mean(z.map((x) => x * x))).toBeCloseTo(1, 1);
    expect(mean(Array.from({ length: n }, () => r.poisson(4)))).toBeCloseTo(4, 1);
    expect(mean(Array.from({ length: 2000 }, () => r.poisson(400)))).toBeGreaterThan(395);
  });

  it('picks by weight and never picks a zero weight', () => {
    const r = new Rng(3);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 10_000; i++) counts[r.weighted({ a: 1, b: 3, c: 0 })]++;
    expect(counts.c).toBe(0);
    expect(counts.b / counts.a).toBeGreaterThan(2.6);
    expect(counts.b / counts.a).toBeLessThan(3.4);
  });

  it('samples indices in proportion to their weights', () => {
    const index = new WeightedIndex([1, 0, 2, 7]);
    const r = new Rng(9);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 20_000; i++) counts[index.sample(r)]!++;
    expect(counts[1]).toBe(0);
    expect(counts[3]! / 20_000).toBeCloseTo(0.7, 1);
  });
});

describe('helpers', () => {
  it('hashes strings stably', () => {
    expect(hashString('flywheel')).toBe(hashString('flywheel'));
    expect(hashString('flywheel')).not.toBe(hashString('flywheel', 1));
  });

  it('computes the normal CDF', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 6);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 4);
    expect(normalCdf(-1.959964)).toBeCloseTo(0.025, 4);
  });
});

function mean(xs: number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}
