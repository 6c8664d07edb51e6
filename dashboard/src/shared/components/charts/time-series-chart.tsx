import {
  Area,
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
import type { ChartDatum } from '../../lib/chart-data';
import { countTicks, hasValues } from '../../lib/chart-data';
import { COLORS } from '../../lib/colors';
import { formatDay } from '../../lib/format';
import { Empty } from '../states';

export interface SeriesSpec {
  key: string;
  label: string;
  color: string;
  kind?: 'line' | 'bar' | 'area';
  stackId?: string;
  /** Dashed: a secondary reading of the same thing (offline next to online). */
  dashed?: boolean;
}

/** A shaded horizontal band, e.g. the healthy 20–30% pass rate. */
export interface Band {
  from: number;
  to: number;
  label: string;
  color?: string;
}

/** A horizontal threshold line, e.g. the judge–human kappa floor. */
export interface Threshold {
  y: number;
  label: string;
  color?: string;
}

/** A vertical marker: a deploy, a rollback, an alarm firing. */
export interface Marker {
  t: number;
  label: string;
  kind: 'deploy' | 'rollback' | 'alarm';
}

const MARKER_COLOR: Record<Marker['kind'], string> = {
  deploy: COLORS.primary,
  rollback: COLORS.warn,
  alarm: COLORS.bad,
};

export function TimeSeriesChart({
  data,
  series,
  yFormat,
  height = 240,
  bands = [],
  markers = [],
  thresholds = [],
  yDomain,
  yTicks,
  emptyText = 'No data in this range.',
  testId,
}: {
  data: ChartDatum[];
  series: SeriesSpec[];
  yFormat: (value: number) => string;
  height?: number;
  bands?: Band[];
  markers?: Marker[];
  thresholds?: Threshold[];
  yDomain?: [number | 'auto' | 'dataMin' | 'dataMax', number | 'auto' | 'dataMin' | 'dataMax'];
  /** Explicit ticks, e.g. `percentTicks(…)`, so a rate axis reads 0%, 10%, 20% rather than 7.5%. */
  yTicks?: number[];
  emptyText?: string;
  testId?: string;
}) {
  if (
    !hasValues(
      data,
      series.map((s) => s.key),
    )
  )
    return <Empty>{emptyText}</Empty>;
  const labels = new Map(series.map((s) => [s.key, s.label]));
  // Counts get round ticks too (Recharts would pick 55, 110, 165 for 0–200).
  const ticks =
    yTicks ??
    (yDomain
      ? undefined
      : countTicks(
          data,
          series.map((s) => s.key),
          series.some((s) => s.stackId),
        ));
  // Markers outside the plotted days would be pinned to an edge and mislead: they are left out.
  const first = data[0]?.t ?? 0;
  const last = data.at(-1)?.t ?? 0;
  const shown = markers.filter((m) => m.t >= first && m.t <= last + 86_400_000);
  const placed = placeMarkerLabels(shown, first, last);
  // Dots only where lines are short: an isolated point between two gaps must stay visible.
  const dot = data.length <= 45 ? { r: 2.5 } : false;
  return (
    <div className="chart" data-testid={testId} role="img" aria-label={series.map((s) => s.label).join(', ')}>
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart data={data} margin={{ top: 16, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={['dataMin', 'dataMax']}
            tickFormatter={(t: number) => formatDay(t)}
            minTickGap={24}
            tick={{ fontSize: 12, fill: COLORS.neutral }}
          />
          <YAxis
            tickFormatter={(v: number) => yFormat(v)}
            width={64}
            tick={{ fontSize: 12, fill: COLORS.neutral }}
            {...(yDomain ? { domain: yDomain } : {})}
            {...(ticks ? { ticks, domain: [ticks[0]!, ticks.at(-1)!] } : {})}
          />
          {bands.map((band) => (
            <ReferenceArea
              key={band.label}
              y1={band.from}
              y2={band.to}
              fill={band.color ?? COLORS.band}
              fillOpacity={0.12}
              ifOverflow="extendDomain"
            />
          ))}
          {thresholds.map((th) => (
            <ReferenceLine
              key={`th-${th.label}`}
              y={th.y}
              stroke={th.color ?? COLORS.bad}
              strokeDasharray="4 3"
              ifOverflow="extendDomain"
              label={{
                value: th.label,
                position: 'insideBottomRight',
                fontSize: 11,
                fill: th.color ?? COLORS.bad,
              }}
            />
          ))}
          {shown.map((m, i) => (
            <ReferenceLine
              key={`${m.kind}-${m.t}-${i}`}
              x={m.t}
              stroke={MARKER_COLOR[m.kind]}
              strokeDasharray={m.kind === 'alarm' ? '2 2' : '4 3'}
              ifOverflow="discard"
              label={markerLabel(m.label, MARKER_COLOR[m.kind], placed[i]!.row, placed[i]!.flip)}
            />
          ))}
          <Tooltip
            labelFormatter={(t) => formatDay(Number(t))}
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
          {series.map((s) => renderSeries(s, dot))}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

function renderSeries(s: SeriesSpec, dot: false | { r: number }) {
  const common = { dataKey: s.key, name: s.key, isAnimationActive: false } as const;
  if (s.kind === 'bar')
    return (
      <Bar
        key={s.key}
        {...common}
        fill={s.color}
        {...(s.stackId ? { stackId: s.stackId } : {})}
        maxBarSize={24}
      />
    );
  if (s.kind === 'area')
    return (
      <Area
        key={s.key}
        {...common}
        type="linear"
        stroke={s.color}
        fill={s.color}
        fillOpacity={0.35}
        connectNulls={false}
        {...(s.stackId ? { stackId: s.stackId } : {})}
      />
    );
  return (
    <Line
      key={s.key}
      {...common}
      type="linear"
      stroke={s.color}
      strokeWidth={2}
      dot={dot}
      connectNulls={false}
      {...(s.dashed ? { strokeDasharray: '5 4' } : {})}
    />
  );
}

/** The plot width labels are laid out for; charts are about this wide in a two-column grid. */
const ASSUMED_PLOT_PX = 560;
const CHAR_PX = 6.2;
const ROWS = 4;

/**
 * Gives each marker label a row so labels of nearby markers do not overlap: in time order, the first
 * row whose previous label ends before this one starts (positions estimated from the time axis). Labels
 * in the right third extend to the left of their line.
 */
export function placeMarkerLabels(
  markers: Marker[],
  first: number,
  last: number,
): { row: number; flip: boolean }[] {
  const span = Math.max(1, last - first);
  const ends: number[] = new Array(ROWS).fill(-Infinity);
  return markers.map((m) => {
    const x = ((m.t - first) / span) * ASSUMED_PLOT_PX;
    const width = m.label.length * CHAR_PX + 8;
    const flip = x > ASSUMED_PLOT_PX * 0.66;
    const [start, end] = flip ? [x - width, x] : [x, x + width];
    let row = ends.findIndex((e) => e < start);
    if (row < 0) row = ends.indexOf(Math.min(...ends));
    ends[row] = end;
    return { row, flip };
  });
}

/**
 * Marker labels are staggered over rows so neighbouring deploys stay readable, and flip to the
 * left of their line near the right edge so they are not cut off.
 */
function markerLabel(text: string, color: string, row: number, flip: boolean) {
  function MarkerLabel(props: { viewBox?: { x?: number; y?: number } }) {
    const x = props.viewBox?.x ?? 0;
    const y = (props.viewBox?.y ?? 0) + 11 + row * 13;
    return (
      <text
        className="marker-label"
        x={flip ? x - 4 : x + 4}
        y={y}
        fontSize={11}
        fill={color}
        textAnchor={flip ? 'end' : 'start'}
      >
        {text}
      </text>
    );
  }
  return MarkerLabel;
}
