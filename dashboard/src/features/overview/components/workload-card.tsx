import { Link } from 'react-router';
import { Badge } from '../../../shared/components/badge';
import { Sparkline } from '../../../shared/components/charts/sparkline';
import { PhaseBadge } from '../../../shared/components/phase-badge';
import { Term } from '../../../shared/components/term';
import type { Frame } from '../../velocity/lib/velocity-series';
import { velocitySeries } from '../../velocity/lib/velocity-series';
import { formatCount, formatPercent, formatPoints } from '../../../shared/lib/format';
import { alarmTitle } from '../../../shared/lib/alarm-titles';
import { deltaVerdict, DELTA_VERDICT_TEXT } from '../../cycles/lib/cycle-series';
import { gateBandText } from '../../velocity/lib/gate-band';
import { HEALTH_TEXT, HEALTH_TONE, verdictOf, type WorkloadHealth } from '../lib/health';

export function WorkloadCard({
  w,
  frame,
  search,
}: {
  w: WorkloadHealth;
  frame: Frame;
  search: URLSearchParams;
}) {
  const verdict = verdictOf(w);
  const tone = HEALTH_TONE[verdict.health];
  const href = (page: string, extra: Record<string, string> = {}) => {
    const params = new URLSearchParams(search);
    params.set('workload', w.workloadId);
    for (const [k, v] of Object.entries(extra)) params.set(k, v);
    return `/${page}?${params.toString()}`;
  };
  const gateBand = gateBandText(w.gate.band);
  const cycle = w.lastCycle;
  const delta = cycle?.onlineDelta ?? null;
  return (
    <article className={`card card-${tone}`} data-testid="workload-card" data-workload={w.workloadId}>
      <div className="card-head">
        <span className="card-title">{w.workloadId}</span>
        <Badge tone={tone}>{HEALTH_TEXT[verdict.health]}</Badge>
      </div>
      <p className="card-reason" data-testid="card-reason">
        {w.phase ? (
          <Term term="phase">
            <PhaseBadge phase={w.phase.phase} />
          </Term>
        ) : null}{' '}
        {verdict.reasons[0]}
      </p>
      <div className="metrics">
        <div>
          <div className="metric-label">Success rate (28 days)</div>
          <div className="metric-value">
            {/* Every headline number opens the interactions behind it. */}
            <Link
              to={href('explorer', { outcome: 'failure' })}
              title="The failures behind this rate, in the explorer"
              data-testid="card-success-link"
            >
              {formatPercent(w.phase?.successRate ?? null)}
            </Link>
          </div>
          <Sparkline data={velocitySeries(w.buckets, frame)} dataKey="successRate" domain={[0, 1]} />
        </div>
        <div>
          <div className="metric-label">Last cycle</div>
          <div className="metric-value">
            {delta && cycle ? (
              <Link to={href('cycles', { version: cycle.modelVersion })} title="The cycle on the Cycles page">
                {formatPoints(delta.delta)}
              </Link>
            ) : (
              '—'
            )}
          </div>
          <div className="metric-note">
            {!w.cyclesAvailable
              ? 'cycles not available in this version'
              : cycle
                ? `${cycle.modelVersion}: ${DELTA_VERDICT_TEXT[deltaVerdict(cycle)]} (+2..+5 pts)`
                : 'no deployed cycle yet'}
          </div>
        </div>
        <div>
          <div className="metric-label">Data rate</div>
          <div className="metric-value">
            {w.perDay ? (
              <Link to={href('explorer')} title="The interactions, in the explorer">
                {formatCount(Math.round(w.perDay.interactions))}/day
              </Link>
            ) : (
              '—'
            )}
          </div>
          <div className="metric-note">
            {w.perDay
              ? `${formatCount(Math.round(w.perDay.candidates))}/day with an outcome (candidates)`
              : 'no traffic in range'}
          </div>
        </div>
        <div>
          <div className="metric-label">
            <Term term="gate">Gate</Term> pass rate
          </div>
          <div className="metric-value">
            {w.gate.passRate !== null ? (
              <Link
                to={href('explorer', { gate: 'rejected' })}
                title="The gate’s rejections, with their reasons, in the explorer"
                data-testid="card-gate-link"
              >
                {formatPercent(w.gate.passRate)}
              </Link>
            ) : (
              formatPercent(w.gate.passRate)
            )}
          </div>
          <div className="metric-note" data-testid="card-gate-band" data-band={w.gate.band}>
            <Badge tone={gateBand.tone}>{gateBand.text}</Badge>
          </div>
        </div>
      </div>
      <div data-testid="card-alarms">
        {!w.alarmsAvailable ? (
          <span className="muted">Alarms are not available in this version.</span>
        ) : w.firing.length === 0 ? (
          <span className="muted">No alarms firing.</span>
        ) : (
          w.firing.map((a) => (
            <div key={a.id}>
              <Badge tone={a.severity === 'critical' ? 'bad' : 'warn'}>{a.severity}</Badge>{' '}
              <Link to={href('alarms', { alarm: a.id })}>{alarmTitle(a.kind)}</Link>
            </div>
          ))
        )}
      </div>
      <nav className="card-links" aria-label={`evidence for ${w.workloadId}`}>
        <Link to={href('velocity')}>Velocity →</Link>
        <Link to={href('cycles')}>Cycles →</Link>
        <Link to={href('alarms')}>Alarms →</Link>
        <Link to={href('explorer')}>Interactions →</Link>
      </nav>
    </article>
  );
}
