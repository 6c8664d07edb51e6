import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { Empty } from '../../../shared/components/states';
import { COLORS } from '../../../shared/lib/colors';
import { formatPoints } from '../../../shared/lib/format';
import { HEALTHY_DELTA, type DeltaDatum } from '../lib/cycle-series';

const LABELS: Record<string, string> = {
  online: 'Online delta',
  ci: '95% confidence interval',
  offline: 'Offline delta (golden set)',
};

/** Ticks every 2, 5 or 10 points, always showing 0 and the band. */
function pointTicks(data: DeltaDatum[]): number[] {
  const values = data
    .flatMap((d) => [d.online, d.offline, ...(d.ci ?? [])])
    .filter((v): v is number => v !== null);
  const lo = Math.min(-0.01, ...values);
  const hi = Math.max(HEALTHY_DELTA.max + 0.01, ...values);
  const span = hi - lo;
  const step = span <= 0.12 ? 0.02 : span <= 0.3 ? 0.05 : 0.1;
  const ticks: number[] = [];
  for (let t = Math.floor(lo / step) * step; t <= hi + step - 1e-9; t += step)
    ticks.push(Math.round(t * 1000) / 1000);
  return ticks;
}

/**
 * Quality delta per cycle against the +2..+5 point band: the online delta as a dot on its confidence
 * interval (a floating bar), the offline golden-set delta as a hollow dot.
 */
export function DeltaChart({ data }: { data: DeltaDatum[] }) {
  if (data.length === 0)
    return (
      <Empty>No cycle has a measured delta yet: deploy a registered cycle and wait its first days.</Empty>
    );
  const ticks = pointTicks(data);
  return (
    <div className="chart" data-testid="delta-chart" role="img" aria-label="Quality delta per cycle">
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart data={data} margin={{ top: 16, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="label" type="category" tick={{ fontSize: 12, fill: COLORS.neutral }} />
          <YAxis
            tickFormatter={(v: number) => formatPoints(v, 0)}
            width={64}
            tick={{ fontSize: 12, fill: COLORS.neutral }}
            ticks={ticks}
            domain={[ticks[0]!, ticks.at(-1)!]}
          />
          <ReferenceArea
            y1={HEALTHY_DELTA.min}
            y2={HEALTHY_DELTA.max}
            fill={COLORS.band}
            fillOpacity={0.15}
          />
          <ReferenceLine y={0} stroke={COLORS.neutral} />
          <Tooltip
            formatter={(value, name) => [
              Array.isArray(value)
                ? `${formatPoints(Number(value[0]))} … ${formatPoints(Number(value[1]))}`
                : typeof value === 'number'
                  ? formatPoints(value)
                  : '—',
              LABELS[String(name)] ?? String(name),
            ]}
          />
          <Legend formatter={(key) => LABELS[String(key)] ?? String(key)} wrapperStyle={{ fontSize: 12 }} />
          <Bar
            dataKey="ci"
            name="ci"
            fill={COLORS.primary}
            fillOpacity={0.3}
            barSize={8}
            isAnimationActive={false}
          />
          <Line
            dataKey="online"
            name="online"
            stroke={COLORS.primary}
            strokeWidth={0}
            legendType="circle"
            dot={{ r: 6, fill: COLORS.primary, stroke: '#fff', strokeWidth: 1.5 }}
            activeDot={false}
            isAnimationActive={false}
          />
          <Line
            dataKey="offline"
            name="offline"
            stroke={COLORS.secondary}
            strokeWidth={0}
            legendType="circle"
            dot={{ r: 5, fill: '#fff', stroke: COLORS.secondary, strokeWidth: 2.5 }}
            activeDot={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
      <p className="muted small">
        Green band: healthy, +2 to +5 points per cycle. A bar crossing 0: not significant.
      </p>
    </div>
  );
}
