import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { COLORS } from '../../lib/colors';
import { Empty } from '../states';
import type { SeriesSpec, Threshold } from './time-series-chart';

export type CategoryDatum = { label: string } & { [series: string]: number | null | string };

/** Bars per named category (a cycle, a quintile); stacked when the series share a `stackId`. */
export function CategoryBarChart({
  data,
  series,
  yFormat,
  height = 240,
  emptyText = 'Nothing to show yet.',
  testId,
  thresholds = [],
  yDomain,
  yTicks,
}: {
  data: CategoryDatum[];
  series: SeriesSpec[];
  yFormat: (value: number) => string;
  height?: number;
  emptyText?: string;
  testId?: string;
  thresholds?: Threshold[];
  yDomain?: [number | 'auto', number | 'auto'];
  yTicks?: number[];
}) {
  const drawn = data.some((d) => series.some((s) => typeof d[s.key] === 'number'));
  if (!drawn) return <Empty>{emptyText}</Empty>;
  const labels = new Map(series.map((s) => [s.key, s.label]));
  return (
    <div className="chart" data-testid={testId} role="img" aria-label={series.map((s) => s.label).join(', ')}>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={data} margin={{ top: 16, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          {/* Many categories: every label, slanted, rather than every other one silently dropped. */}
          <XAxis
            dataKey="label"
            interval={0}
            tick={{ fontSize: data.length > 6 ? 11 : 12, fill: COLORS.neutral }}
            {...(data.length > 6 ? { angle: -30, textAnchor: 'end', height: 60 } : {})}
          />
          <YAxis
            tickFormatter={(v: number) => yFormat(v)}
            width={64}
            tick={{ fontSize: 12, fill: COLORS.neutral }}
            {...(yDomain ? { domain: yDomain } : {})}
            {...(yTicks ? { ticks: yTicks, domain: [yTicks[0]!, yTicks.at(-1)!] } : {})}
          />
          {thresholds.map((th) => (
            <ReferenceLine
              key={th.label}
              y={th.y}
              stroke={th.color ?? COLORS.bad}
              strokeDasharray="4 3"
              ifOverflow="extendDomain"
              label={{
                value: th.label,
                position: 'insideTopRight',
                fontSize: 11,
                fill: th.color ?? COLORS.bad,
              }}
            />
          ))}
          <Tooltip
            formatter={(value, name) => [
              typeof value === 'number' ? yFormat(value) : '—',
              labels.get(String(name)) ?? String(name),
            ]}
          />
          {series.length > 1 ? (
            <Legend
              formatter={(key) => labels.get(String(key)) ?? String(key)}
              wrapperStyle={{ fontSize: 12 }}
            />
          ) : null}
          {series.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.key}
              fill={s.color}
              isAnimationActive={false}
              maxBarSize={48}
              {...(s.stackId ? { stackId: s.stackId } : {})}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
