import { Link, useLocation } from 'react-router';
import { useScope } from '../../../app/scope-context';
import { TimeSeriesChart } from '../../../shared/components/charts/time-series-chart';
import { Panel } from '../../../shared/components/panel';
import { ResourceView } from '../../../shared/components/resource-view';
import { Stat } from '../../../shared/components/stat';
import { useMarkers } from '../../../shared/hooks/use-markers';
import { globalSearch } from '../../../shared/hooks/use-url-params';
import { percentTicks } from '../../../shared/lib/chart-data';
import { COLORS } from '../../../shared/lib/colors';
import { explorerHref } from '../../../shared/lib/explorer-link';
import { formatCount, formatPercent } from '../../../shared/lib/format';
import { bucketFor, bucketMs, scopeQuery } from '../../../shared/lib/scope-query';
import { useCycles } from '../../cycles/hooks/use-cycles';
import { useSignalMix } from '../hooks/use-signal-mix';
import { useGate, useVelocity } from '../hooks/use-velocity';
import { velocitySeries, type Frame } from '../lib/velocity-series';
import { GatePanels } from './gate-panels';
import { PhaseTable } from './phase-table';
import { SignalMixPanel } from './signal-mix-panel';
import { TrainingVolumePanel } from './training-volume-panel';

export function VelocityPage() {
  const scope = useScope();
  const query = scopeQuery(scope);
  const bucket = bucketFor(scope.range, scope.latestEventMs);
  const frame: Frame = { from: scope.range.fromMs, to: scope.range.toMs, stepMs: bucketMs(bucket) };
  const velocity = useVelocity(query, bucket);
  const gate = useGate(query, bucket);
  const cycles = useCycles(scope.workload);
  const markers = useMarkers(scope.workload);
  // The signal-mix panel renders inside the velocity report; asking here starts its request with the
  // page's others instead of after the report (the panel reads the same cached query).
  useSignalMix(query, bucket);
  const per = bucket === 'week' ? 'week' : 'day';
  const { search } = useLocation();
  const survivorship = new URLSearchParams(globalSearch(new URLSearchParams(search)));
  survivorship.set('check', 'survivorship');
  const survivorshipHref = `/checks?${survivorship.toString()}`;
  // Each headline number opens the interactions behind it, over the same workload and range.
  const evidence = (value: string, title: string, filters: Record<string, string> = {}) => (
    <Link to={explorerHref(search, filters)} title={title}>
      {value}
    </Link>
  );

  return (
    <div className="page">
      <h1>Velocity</h1>
      <ResourceView resource={velocity} what="velocity">
        {(report) => {
          const data = velocitySeries(report.buckets, frame);
          const incomplete = report.buckets.filter((b) => !b.complete).length;
          const gateEvaluated = report.buckets.reduce((n, b) => n + b.gate.evaluated, 0);
          const gatePassed = report.buckets.reduce((n, b) => n + b.gate.passed, 0);
          return (
            <>
              <div className="panel stat-row" data-testid="velocity-totals">
                <Stat
                  label="Interactions"
                  value={evidence(
                    formatCount(report.totals.interactions),
                    'The interactions, in the explorer',
                  )}
                  note={scope.range.label}
                />
                <Stat
                  label="Candidates"
                  value={formatCount(report.totals.candidates)}
                  note="with a known outcome"
                />
                <Stat
                  label="Success rate"
                  value={evidence(
                    formatPercent(report.totals.successRate),
                    'The failures behind this rate, in the explorer',
                    { outcome: 'failure' },
                  )}
                  note="success ÷ known outcomes"
                />
                <Stat
                  label="Explicit feedback"
                  value={
                    <Link to={survivorshipHref} title="Who gives the explicit feedback, on the Checks page">
                      {formatPercent(report.totals.explicitRate)}
                    </Link>
                  }
                  note="interactions with a thumb"
                />
                <Stat
                  label="Signal coverage"
                  value={evidence(
                    formatPercent(report.totals.coverage),
                    'The interactions without an outcome, in the explorer',
                    { outcome: 'unknown' },
                  )}
                  note="interactions with an outcome"
                />
                <Stat
                  label="Gate pass rate"
                  value={evidence(
                    formatPercent(gateEvaluated > 0 ? gatePassed / gateEvaluated : null),
                    'The gate’s rejections, with their reasons, in the explorer',
                    { gate: 'rejected' },
                  )}
                  note={`${formatCount(gatePassed)} of ${formatCount(gateEvaluated)} evaluated`}
                />
              </div>
              {incomplete > 0 ? (
                <p className="muted">
                  The newest {incomplete} {per}
                  {incomplete === 1 ? '' : 's'} still collect signals (24 h window): their rates may still
                  change.
                </p>
              ) : null}
              <div className="grid">
                <Panel
                  title={`Data collection per ${per}`}
                  testId="data-collection"
                  help="Interactions, and candidates: those with a known outcome."
                >
                  <TimeSeriesChart
                    data={data}
                    series={[
                      { key: 'interactions', label: 'Interactions', color: COLORS.primary, kind: 'bar' },
                      { key: 'candidates', label: 'Candidates', color: COLORS.good },
                    ]}
                    yFormat={(v) => formatCount(v)}
                    markers={markers}
                  />
                </Panel>
                <Panel
                  title="Success rate"
                  testId="success-rate"
                  help="Success ÷ (success + failure), by the strongest signal of each interaction."
                >
                  <TimeSeriesChart
                    data={data}
                    series={[{ key: 'successRate', label: 'Success rate', color: COLORS.good }]}
                    yFormat={(v) => formatPercent(v, 0)}
                    yDomain={[0, 1]}
                    markers={markers}
                  />
                </Panel>
                <Panel
                  title="Feedback"
                  testId="feedback-rates"
                  help="Explicit feedback rate (thumbs, the rarest signal) and signal coverage (any signal that decides an outcome)."
                >
                  <p className="chart-caption">Explicit feedback rate</p>
                  <TimeSeriesChart
                    data={data}
                    series={[
                      { key: 'explicitRate', label: 'Explicit feedback rate', color: COLORS.secondary },
                    ]}
                    yFormat={(v) => formatPercent(v)}
                    yTicks={percentTicks(data, ['explicitRate'], 0.01)}
                    height={150}
                  />
                  <p className="chart-caption">Signal coverage</p>
                  <TimeSeriesChart
                    data={data}
                    series={[{ key: 'coverage', label: 'Signal coverage', color: COLORS.primary }]}
                    yFormat={(v) => formatPercent(v, 0)}
                    yTicks={percentTicks(data, ['coverage'], 0.1)}
                    height={150}
                  />
                </Panel>
                <SignalMixPanel query={query} bucket={bucket} frame={frame} markers={markers} />
                <GatePanels gate={gate} frame={frame} markers={markers} />
                <TrainingVolumePanel cycles={cycles} />
                <PhaseTable workloads={report.workloads} />
              </div>
            </>
          );
        }}
      </ResourceView>
    </div>
  );
}
