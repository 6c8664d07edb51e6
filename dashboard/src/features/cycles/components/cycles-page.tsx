import { useScope } from '../../../app/scope-context';
import { CategoryBarChart } from '../../../shared/components/charts/category-bar-chart';
import { TimeSeriesChart } from '../../../shared/components/charts/time-series-chart';
import { Panel } from '../../../shared/components/panel';
import { ResourceView } from '../../../shared/components/resource-view';
import { Empty } from '../../../shared/components/states';
import { useMarkers } from '../../../shared/hooks/use-markers';
import { useUrlParams } from '../../../shared/hooks/use-url-params';
import { COLORS } from '../../../shared/lib/colors';
import { formatNumber, formatPercent } from '../../../shared/lib/format';
import { bucketFor, bucketMs, scopeQuery } from '../../../shared/lib/scope-query';
import { useVelocity } from '../../velocity/hooks/use-velocity';
import { velocitySeries } from '../../velocity/lib/velocity-series';
import { useCycles } from '../hooks/use-cycles';
import { deltaData } from '../lib/cycle-series';
import { CycleTable } from './cycle-table';
import { DeltaChart } from './delta-chart';
import { StagnationPanel } from './stagnation-panel';

export function CyclesPage() {
  const scope = useScope();
  const { get } = useUrlParams();
  const version = get('version');
  const cycles = useCycles(scope.workload);
  const bucket = bucketFor(scope.range, scope.latestEventMs);
  const velocity = useVelocity(scopeQuery(scope), bucket);
  const markers = useMarkers(scope.workload);
  const frame = { from: scope.range.fromMs, to: scope.range.toMs, stepMs: bucketMs(bucket) };

  return (
    <div className="page">
      <h1>Cycles</h1>
      <ResourceView resource={cycles} what="cycles">
        {(list) => (
          <div className="grid">
            <Panel
              title="Quality delta per cycle"
              testId="quality-delta"
              help="Success rate of each new version in its first days minus its parent's just before the deploy. Healthy: +2 to +5 points."
            >
              <DeltaChart data={deltaData(list.items)} />
            </Panel>
            <Panel
              title="Success rate, deploys and rollbacks"
              testId="success-with-deploys"
              help="Did quality move when a version went out? Deploys in blue, rollbacks in amber, alarms in red."
            >
              <ResourceView resource={velocity} what="success rate">
                {(report) => (
                  <TimeSeriesChart
                    data={velocitySeries(report.buckets, frame)}
                    series={[{ key: 'successRate', label: 'Success rate', color: COLORS.good }]}
                    yFormat={(v) => formatPercent(v, 0)}
                    yDomain={[0, 1]}
                    markers={markers}
                  />
                )}
              </ResourceView>
            </Panel>
            <Panel
              title="Time to improvement"
              testId="time-to-improvement"
              help="Days from the median example of a cycle's dataset to its deploy: how fast feedback reaches users."
            >
              <CategoryBarChart
                data={list.items
                  .filter((c) => c.timeToImprovementDays !== null)
                  .map((c) => ({ label: c.modelVersion, days: c.timeToImprovementDays }))}
                series={[{ key: 'days', label: 'Days', color: COLORS.secondary }]}
                yFormat={(v) => formatNumber(v, 0)}
                emptyText="No deployed cycle with a dataset snapshot yet."
              />
            </Panel>
            <Panel
              title="Cycles"
              wide
              testId="cycles"
              help="Every cycle of the workload, whatever the time range; newest data window first."
            >
              {list.items.length === 0 ? (
                <Empty>
                  No cycles registered{scope.workload ? ` for ${scope.workload}` : ''}. Register one with{' '}
                  <code>POST /api/v1/cycles</code>.
                </Empty>
              ) : (
                <CycleTable cycles={list.items} highlightVersion={version} showWorkload={!scope.workload} />
              )}
            </Panel>
            {velocity.state === 'ready' && velocity.data.workloads.length > 0 ? (
              <StagnationPanel workloads={velocity.data.workloads} />
            ) : null}
          </div>
        )}
      </ResourceView>
    </div>
  );
}
