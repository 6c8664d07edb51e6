import { Link, useLocation } from 'react-router';
import type { GateReport } from '@flywheel/api';
import { Badge } from '../../../shared/components/badge';
import { TimeSeriesChart, type Marker } from '../../../shared/components/charts/time-series-chart';
import { Panel } from '../../../shared/components/panel';
import { ResourceView } from '../../../shared/components/resource-view';
import type { Resource } from '../../../shared/lib/resource';
import { COLORS, seriesColor } from '../../../shared/lib/colors';
import { formatCount, formatPercent } from '../../../shared/lib/format';
import { explorerHref } from '../../../shared/lib/explorer-link';
import { gateReasonShort, gateReasonText } from '../../../shared/lib/gate-reasons';
import { GATE_HEALTHY_RANGE, gateBandText } from '../lib/gate-band';
import { rejectionSeries, type Frame } from '../lib/velocity-series';
import { percentTicks, toChartData } from '../../../shared/lib/chart-data';

export function GatePanels({
  gate,
  frame,
  markers,
}: {
  gate: Resource<GateReport>;
  frame: Frame;
  markers: Marker[];
}) {
  return (
    <>
      <Panel
        title="Gate pass rate"
        testId="gate-pass-rate"
        help="Share of evaluated interactions that became training candidates. Healthy: 20–30% (shaded)."
        actions={gate.state === 'ready' ? <GateVerdict report={gate.data} /> : null}
      >
        <ResourceView resource={gate} what="the gate">
          {(report) => {
            const data = toChartData(report.buckets, {
              time: (b) => `${b.bucket}T00:00:00Z`,
              values: (b) => ({ passRate: b.passRate }),
              series: ['passRate'],
              ...frame,
            });
            return (
              <TimeSeriesChart
                data={data}
                series={[{ key: 'passRate', label: 'Pass rate', color: COLORS.primary }]}
                yFormat={(v) => formatPercent(v, 0)}
                yTicks={percentTicks(data, ['passRate'], 0.35)}
                bands={[{ from: GATE_HEALTHY_RANGE[0], to: GATE_HEALTHY_RANGE[1], label: 'healthy 20–30%' }]}
                markers={markers}
                emptyText="No interaction has been evaluated by the gate in this range yet (the signal window is 24 h)."
              />
            );
          }}
        </ResourceView>
      </Panel>
      <Panel
        title="Why the gate rejects"
        testId="gate-rejections"
        help="Rejected interactions per reason and day. One interaction counts under every rule it failed."
      >
        <ResourceView resource={gate} what="the gate">
          {(report) => <Rejections report={report} frame={frame} />}
        </ResourceView>
      </Panel>
    </>
  );
}

function GateVerdict({ report }: { report: GateReport }) {
  const { text, tone } = gateBandText(report.total.band);
  return (
    <Badge
      tone={tone}
      title={`${formatCount(report.total.passed)} of ${formatCount(report.total.evaluated)} evaluated`}
    >
      {formatPercent(report.total.passRate)} · {text}
    </Badge>
  );
}

function Rejections({ report, frame }: { report: GateReport; frame: Frame }) {
  const { search } = useLocation();
  const { data, reasons } = rejectionSeries(report.buckets, frame);
  const totalRejected = report.total.evaluated - report.total.passed;
  return (
    <>
      <TimeSeriesChart
        data={data}
        series={reasons.map((r, i) => ({
          key: r,
          label: gateReasonShort(r),
          color: seriesColor(i),
          kind: 'bar' as const,
          stackId: 'reasons',
        }))}
        yFormat={(v) => formatCount(v)}
        emptyText="No rejections in this range."
      />
      {reasons.length > 0 ? (
        <table className="table table-compact" data-testid="rejection-table">
          <tbody>
            {reasons.map((r) => (
              <tr key={r} data-reason={r}>
                <th scope="row">{gateReasonText(r)}</th>
                <td className="num">
                  {/* The same workload, range and asOf as this table: the list totals this count. */}
                  <Link
                    to={explorerHref(search, { gateReason: r })}
                    title={`The interactions the gate rejected as ${gateReasonShort(r)}, in the explorer`}
                    data-testid="rejection-link"
                    data-count={report.total.rejections[r] ?? 0}
                  >
                    {formatCount(report.total.rejections[r] ?? 0)}
                  </Link>
                </td>
                <td className="num muted">
                  {totalRejected > 0 ? formatPercent((report.total.rejections[r] ?? 0) / totalRejected) : '—'}{' '}
                  of rejected
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
