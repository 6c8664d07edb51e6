import { Link, useLocation } from 'react-router';
import type { CheckName } from '@flywheel/api';
import { useScope } from '../../../app/scope-context';
import { ResourceView } from '../../../shared/components/resource-view';
import type { Resource } from '../../../shared/lib/resource';
import { formatDay } from '../../../shared/lib/format';
import { useUrlParams } from '../../../shared/hooks/use-url-params';
import { useCheck } from '../hooks/use-check';
import { CHECKS, isCheckName } from '../lib/check-meta';
import { checkQuery } from '../lib/check-query';
import { DriftView } from './drift-view';
import { VerdictBadge } from './findings-list';
import { LatencyBiasView } from './latency-bias-view';
import { SurvivorshipView } from './survivorship-view';
import { SycophancyView } from './sycophancy-view';

export function ChecksPage() {
  const scope = useScope();
  const { get, search: params } = useUrlParams();
  const { search } = useLocation();
  const query = checkQuery(scope, params);
  const selected: CheckName = isCheckName(get('check')) ? (get('check') as CheckName) : 'drift';
  // All four load at once: the tabs show every verdict, so a problem is visible from any tab.
  const results = {
    drift: useCheck('drift', query),
    sycophancy: useCheck('sycophancy', query),
    'latency-bias': useCheck('latency-bias', query),
    survivorship: useCheck('survivorship', query),
  } satisfies Record<CheckName, Resource<unknown>>;
  const tabHref = (name: CheckName) => {
    const params = new URLSearchParams(search);
    params.set('check', name);
    return `/checks?${params.toString()}`;
  };

  return (
    <div className="page">
      <h1>Checks on the feedback</h1>
      <CheckWindow span={verdictSpan(results[selected])} custom={'from' in query} />
      <nav className="tabs" aria-label="checks">
        {CHECKS.map((c) => {
          const r = results[c.name];
          return (
            <Link
              key={c.name}
              to={tabHref(c.name)}
              className={`tab${c.name === selected ? ' tab-active' : ''}`}
              data-testid={`tab-${c.name}`}
              data-verdict={r.state === 'ready' ? r.data.verdict : undefined}
            >
              <span className="tab-title">
                {c.title}{' '}
                {r.state === 'ready' ? (
                  <VerdictBadge verdict={r.data.verdict} />
                ) : r.state === 'loading' ? (
                  <span className="badge badge-neutral tab-loading">checking…</span>
                ) : (
                  <span className="badge badge-neutral">—</span>
                )}
              </span>
              <span className="tab-question">{c.question}</span>
            </Link>
          );
        })}
      </nav>
      <div className="grid" data-testid={`check-${selected}`}>
        {selected === 'drift' ? (
          <ResourceView resource={results.drift} what="the drift check">
            {(r) => <DriftView result={r} />}
          </ResourceView>
        ) : selected === 'sycophancy' ? (
          <ResourceView resource={results.sycophancy} what="the sycophancy check">
            {(r) => <SycophancyView result={r} version={get('version')} />}
          </ResourceView>
        ) : selected === 'latency-bias' ? (
          <ResourceView resource={results['latency-bias']} what="the latency-bias check">
            {(r) => <LatencyBiasView result={r} />}
          </ResourceView>
        ) : (
          <ResourceView resource={results.survivorship} what="the survivorship check">
            {(r) => <SurvivorshipView result={r} />}
          </ResourceView>
        )}
      </div>
    </div>
  );
}

type Span = { from: string; to: string };

/** The span a check's verdict is about: drift compares its last 7 days with the 28 before. */
function verdictSpan(result: Resource<{ window: Span; statistics: object }>): Span | null {
  if (result.state !== 'ready') return null;
  const stats = result.data.statistics as { windows?: { baseline: Span; current: Span } };
  return stats.windows
    ? { from: stats.windows.baseline.from, to: stats.windows.current.to }
    : result.data.window;
}

/** Which span the verdicts are about, and why it is not the header's range. */
function CheckWindow({ span, custom }: { span: Span | null; custom: boolean }) {
  if (!span) return null;
  return (
    <p className="muted" data-testid="check-window">
      Verdicts over {formatDay(span.from)} – {formatDay(span.to)}
      {custom
        ? ' (the custom range).'
        : ': each check’s own window before the newest data, the one alarms are evaluated on. Pick custom dates to re-check another span.'}
    </p>
  );
}
