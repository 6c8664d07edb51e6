import type { CheckQuery } from '@flywheel/api';
import { TimeSeriesChart, type Marker } from '../../../shared/components/charts/time-series-chart';
import { Panel } from '../../../shared/components/panel';
import { ResourceView } from '../../../shared/components/resource-view';
import { Empty } from '../../../shared/components/states';
import { COLORS, seriesColor } from '../../../shared/lib/colors';
import { formatCount, formatPercent, humanize } from '../../../shared/lib/format';
import { useSignalMix } from '../hooks/use-signal-mix';
import type { Bucket } from '../hooks/use-velocity';
import { signalMixSeries, type Frame } from '../lib/velocity-series';

/**
 * One colour per known kind, the same on every chart: positive signals green to teal, edits blue,
 * retries and give-ups amber to red; a kind the palette does not know takes the next series colour.
 */
const KIND_COLORS: Record<string, string> = {
  accepted: '#16a34a',
  copied: '#65a30d',
  thumbs_up: '#0d9488',
  edited: '#2563eb',
  follow_up: '#0891b2',
  corrected: '#7c3aed',
  regenerated: '#d97706',
  early_termination: '#ea580c',
  abandoned: '#64748b',
  deleted: '#db2777',
  thumbs_down: '#dc2626',
};

/**
 * What users do with the answers, per signal kind and bucket, and how much of it is explicit (thumbs):
 * a falling explicit share or a rising regenerate bar is visible before the success rate moves.
 */
export function SignalMixPanel({
  query,
  bucket,
  frame,
  markers,
  wide,
}: {
  query: CheckQuery;
  bucket: Bucket;
  frame: Frame;
  markers?: Marker[];
  wide?: boolean;
}) {
  const mix = useSignalMix(query, bucket);
  return (
    <Panel
      title={`Signal mix per ${bucket}`}
      testId="signal-mix"
      wide={wide ?? false}
      help="Every feedback signal by kind, by the time it arrived; explicit ones are thumbs, the rest implicit (copy, accept, edit, regenerate…)."
    >
      <ResourceView resource={mix} what="the signal mix">
        {(report) => {
          if (report.totals.signals === 0) return <Empty>No signal arrived in this range.</Empty>;
          const { data, kinds } = signalMixSeries(report, frame);
          return (
            <>
              <p className="chart-caption" data-testid="signal-mix-totals">
                {formatCount(report.totals.signals)} signals ·{' '}
                {formatPercent(report.totals.explicit / report.totals.signals)} explicit ·{' '}
                {report.kinds
                  .slice(0, 4)
                  .map((k) => `${humanize(k.kind)} ${formatPercent(k.signals / report.totals.signals, 0)}`)
                  .join(' · ')}
              </p>
              <TimeSeriesChart
                data={data}
                series={kinds.map((k, i) => ({
                  key: k,
                  label: humanize(k),
                  color: KIND_COLORS[k] ?? seriesColor(i),
                  kind: 'bar' as const,
                  stackId: 'kinds',
                }))}
                yFormat={(v) => formatCount(v)}
                {...(markers ? { markers } : {})}
              />
              <p className="chart-caption">Explicit share of signals</p>
              <TimeSeriesChart
                data={data}
                series={[{ key: 'explicitShare', label: 'Explicit share', color: COLORS.secondary }]}
                yFormat={(v) => formatPercent(v, 0)}
                height={120}
              />
            </>
          );
        }}
      </ResourceView>
    </Panel>
  );
}
