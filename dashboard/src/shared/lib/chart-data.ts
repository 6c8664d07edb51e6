/**
 * The one chart-data type: a point per time bucket, `t` its start in epoch milliseconds, and one value per
 * series where `null` is a gap. A bucket the API did not report stays a gap, never a fabricated 0, so a
 * chart never shows "no data" as "zero".
 */
export type ChartDatum = { t: number } & { [series: string]: number | null };

export const DAY_MS = 86_400_000;

export function toValue(value: number | null | undefined): number | null {
  return value === undefined || value === null || !Number.isFinite(value) ? null : value;
}

/**
 * Builds chart data from API rows, one point per bucket between `from` and `to` (exclusive) every `stepMs`;
 * buckets without a row get `null` in every series.
 */
export function toChartData<Row>(
  rows: readonly Row[],
  options: {
    time: (row: Row) => string | number;
    values: (row: Row) => Record<string, number | null | undefined>;
    series: readonly string[];
    from?: number;
    to?: number;
    stepMs?: number;
  },
): ChartDatum[] {
  const byTime = new Map<number, ChartDatum>();
  for (const row of rows) {
    const raw = options.time(row);
    const t = typeof raw === 'number' ? raw : Date.parse(raw);
    if (Number.isNaN(t)) continue;
    const values = options.values(row);
    const datum: ChartDatum = { t };
    for (const name of options.series) datum[name] = toValue(values[name]);
    byTime.set(t, datum);
  }
  const { from, to, stepMs } = options;
  if (from !== undefined && to !== undefined && stepMs && (to - from) / stepMs <= 2000) {
    for (let t = alignDown(from, stepMs); t < to; t += stepMs) {
      if (!byTime.has(t)) {
        const gap: ChartDatum = { t };
        for (const name of options.series) gap[name] = null;
        byTime.set(t, gap);
      }
    }
  }
  return [...byTime.values()].sort((a, b) => a.t - b.t);
}

function alignDown(t: number, stepMs: number): number {
  return Math.floor(t / stepMs) * stepMs;
}

/** True when at least one point of one series has a value: an all-gap chart shows the empty state instead. */
export function hasValues(data: readonly ChartDatum[], series: readonly string[]): boolean {
  return data.some((d) => series.some((s) => d[s] !== null && d[s] !== undefined));
}

const STEPS = [1, 2, 2.5, 5];

/** A round step that divides `max` into at most `count` intervals: 1, 2, 2.5 or 5 times a power of ten. */
function roundStep(max: number, count: number): number {
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  return (STEPS.find((s) => s * power >= raw) ?? 10) * power;
}

function ticksUpTo(max: number, count: number, cap = Infinity): number[] {
  if (!(max > 0)) return [0, 1];
  const step = roundStep(max, count);
  const top = Math.min(cap, Math.ceil(max / step - 1e-9) * step);
  const ticks: number[] = [];
  for (let i = 0; i * step <= top + step * 1e-6; i++) ticks.push(Number((i * step).toPrecision(6)));
  return ticks;
}

type Row = { readonly [key: string]: unknown };

function largest(data: readonly Row[], series: readonly string[], stacked: boolean): number {
  let max = 0;
  for (const d of data) {
    const values = series.map((s) => d[s]).filter((v): v is number => typeof v === 'number');
    max = Math.max(max, stacked ? values.reduce((a, b) => a + b, 0) : Math.max(0, ...values));
  }
  return max;
}

/** Round ticks for a rate axis from 0 to the largest value (at least `minTop`, e.g. a band's top). */
export function percentTicks(data: readonly Row[], series: readonly string[], minTop = 0): number[] {
  return ticksUpTo(Math.max(minTop, largest(data, series, false)), 5, 1);
}

/** Round ticks for a count axis (stacked bars add up). */
export function countTicks(
  data: readonly ChartDatum[],
  series: readonly string[],
  stacked = false,
): number[] {
  return ticksUpTo(largest(data, series, stacked), 5);
}
