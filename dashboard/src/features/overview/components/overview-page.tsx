import { Link, useLocation } from 'react-router';
import { useScope } from '../../../app/scope-context';
import { ResourceView } from '../../../shared/components/resource-view';
import { Empty } from '../../../shared/components/states';
import { bucketMs, scopeQuery } from '../../../shared/lib/scope-query';
import { HEALTH_TEXT, projectVerdict, verdictOf } from '../lib/health';
import { useWorkloadHealth } from '../hooks/use-workload-health';
import { useCheckVerdicts } from '../hooks/use-check-verdicts';
import { checkHeadline, checkPhrases, withChecks } from '../lib/check-headline';
import { SignalMixPanel } from '../../velocity/components/signal-mix-panel';
import { GlossaryList } from '../../../shared/components/glossary-list';
import { CheckStrip } from './check-strip';
import { IncidentStrip } from './incident-strip';
import { WorkloadCard } from './workload-card';

const ICON = { healthy: '✓', attention: '!', critical: '✕', unknown: '?' } as const;
const RANK = { critical: 3, attention: 2, unknown: 1, healthy: 0 } as const;
const CLASS = { healthy: 'good', attention: 'warn', critical: 'bad', unknown: 'neutral' } as const;

export function OverviewPage() {
  const scope = useScope();
  const { search } = useLocation();
  const health = useWorkloadHealth(scopeQuery(scope));
  // Requested with the rest, not after the cards: the headline counts the checks' warnings too.
  const checks = useCheckVerdicts();
  const flagged = checkHeadline(checks);
  const checksHref = (name: string) => {
    const next = new URLSearchParams(search);
    next.set('check', name);
    return `/checks?${next.toString()}`;
  };
  const alarms = new URLSearchParams(search);
  alarms.set('state', 'firing');
  const alarmsHref = `/alarms?${alarms.toString()}`;
  const frame = { from: scope.range.fromMs, to: scope.range.toMs, stepMs: bucketMs('day') };
  return (
    <div className="page">
      <h1>Is the flywheel spinning?</h1>
      <IncidentStrip />
      <ResourceView resource={health} what="flywheel health">
        {({ workloads }) => {
          if (workloads.length === 0) return <Empty>No workload has traffic in {scope.range.label}.</Empty>;
          const verdicts = workloads.map(verdictOf);
          // Worst first: the card that needs someone is the one read first.
          const order = workloads
            .map((w, i) => ({ w, rank: RANK[verdicts[i]!.health] }))
            .sort((a, b) => b.rank - a.rank || a.w.workloadId.localeCompare(b.w.workloadId))
            .map((x) => x.w);
          // One rule for every page: a check in warning or alarm never sits under a healthy headline.
          const project = withChecks(projectVerdict(verdicts), flagged);
          const healthy = verdicts.filter((v) => v.health === 'healthy').length;
          const firing = workloads.flatMap((w) => w.firing);
          const critical = firing.filter((a) => a.severity === 'critical').length;
          const needy = order.filter((w) => {
            const h = verdicts[workloads.indexOf(w)]!.health;
            return h === 'critical' || h === 'attention';
          });
          return (
            <>
              <section
                className={`verdict verdict-${CLASS[project]}`}
                data-testid="project-verdict"
                data-health={project}
                data-check-warnings={flagged.warnings.join(' ')}
                data-check-alarms={flagged.alarms.join(' ')}
              >
                <span className={`verdict-icon badge-${CLASS[project]}`} aria-hidden="true">
                  {ICON[project]}
                </span>
                <div>
                  <div className="verdict-title">
                    {project === 'healthy'
                      ? flagged.pending
                        ? 'The workloads are healthy'
                        : 'The flywheel is spinning'
                      : HEALTH_TEXT[project]}
                  </div>
                  <div className="muted">
                    {healthy} of {workloads.length} workload{workloads.length === 1 ? '' : 's'} healthy
                    {needy.length > 0 ? ` · look at ${needy.map((w) => w.workloadId).join(', ')}` : ''}
                    {firing.length > 0 ? (
                      <>
                        {' · '}
                        <Link to={alarmsHref}>
                          {firing.length} alarm{firing.length === 1 ? '' : 's'} firing
                          {critical ? ` (${critical} critical)` : ''}
                        </Link>
                      </>
                    ) : (
                      ' · no alarms firing'
                    )}
                    {checkPhrases(flagged).map((p) => (
                      <span key={p.first}>
                        {' · '}
                        <Link to={checksHref(p.first)} data-testid="verdict-checks">
                          {p.text}
                        </Link>
                      </span>
                    ))}
                    {flagged.pending ? ' · checking the feedback…' : ''}
                  </div>
                </div>
              </section>
              <div className="cards">
                {order.map((w) => (
                  <WorkloadCard key={w.workloadId} w={w} frame={frame} search={new URLSearchParams(search)} />
                ))}
              </div>
            </>
          );
        }}
      </ResourceView>
      <CheckStrip results={checks} />
      <GlossaryList />
      {/* Outside the health view: its request starts with the others, not after them. */}
      <SignalMixPanel query={scopeQuery(scope)} bucket="day" frame={frame} wide />
    </div>
  );
}
