import { Line, LineChart, ResponsiveContainer, YAxis } from 'recharts';
import { hasValues, type ChartDatum } from '../../lib/chart-data';
import { COLORS } from '../../lib/colors';

/** A trend without axes, for a card; gaps stay gaps. */
export function Sparkline({
  data,
  dataKey,
  color = COLORS.good,
  domain,
}: {
  data: ChartDatum[];
  dataKey: string;
  color?: string;
  domain?: [number, number];
}) {
  if (!hasValues(data, [dataKey])) return <div className="sparkline sparkline-empty muted">no trend yet</div>;
  return (
    <div className="sparkline" role="img" aria-label={`${dataKey} trend`}>
      <ResponsiveContainer width="100%" height={56}>
        <LineChart data={data} margin={{ top: 4, right: 2, bottom: 4, left: 2 }}>
          <YAxis hide domain={domain ?? ['auto', 'auto']} />
          <Line
            dataKey={dataKey}
            stroke={color}
            strokeWidth={2}
            dot={false}
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
