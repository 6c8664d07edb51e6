import { describe, expect, it } from 'vitest';
import { countTicks, DAY_MS, hasValues, percentTicks, toChartData } from './chart-data';

const day = (d: string) => Date.parse(`${d}T00:00:00Z`);

describe('chart data', () => {
  const rows = [
    { bucket: '2026-09-01', rate: 0.5, n: 10 },
    { bucket: '2026-09-02', rate: null, n: 0 },
    { bucket: '2026-09-04', rate: 0.7, n: 12 },
  ];
  const data = toChartData(rows, {
    time: (r) => `${r.bucket}T00:00:00Z`,
    values: (r) => ({ rate: r.rate, n: r.n }),
    series: ['rate', 'n'],
    from: day('2026-09-01'),
    to: day('2026-09-06'),
    stepMs: DAY_MS,
  });

  it('has one point per bucket, in time order', () => {
    expect(data.map((d) => d.t)).toEqual(
      ['2026-09-01', '2026-09-02', '2026-09-03', '2026-09-04', '2026-09-05'].map(day),
    );
  });

  it('leaves a bucket the API did not report as a gap (null), never a fabricated 0', () => {
    expect(data[2]).toEqual({ t: day('2026-09-03'), rate: null, n: null });
    expect(data[4]).toEqual({ t: day('2026-09-05'), rate: null, n: null });
  });

  it('keeps a reported 0 and a reported null as they are', () => {
    expect(data[1]).toEqual({ t: day('2026-09-02'), rate: null, n: 0 });
  });

  it('knows when a chart has nothing to draw', () => {
    expect(hasValues(data, ['rate'])).toBe(true);
    expect(hasValues([{ t: 1, rate: null }], ['rate'])).toBe(false);
  });

  it('gives rate and count axes round ticks', () => {
    expect(percentTicks([{ t: 0, r: 0.28 }], ['r'], 0.3)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(percentTicks([{ t: 0, r: 0.018 }], ['r'])).toEqual([0, 0.005, 0.01, 0.015, 0.02]);
    expect(countTicks([{ t: 0, a: 190 }], ['a'])).toEqual([0, 50, 100, 150, 200]);
    expect(countTicks([{ t: 0, a: 120, b: 90 }], ['a', 'b'], true)).toEqual([0, 50, 100, 150, 200, 250]);
  });
});
