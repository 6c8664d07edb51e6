import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { Alarm } from '@flywheel/api';
import { Badge } from '../../../shared/components/badge';
import { formatMinute } from '../../../shared/lib/format';
import { alarmTitle } from '../../../shared/lib/alarm-titles';
import { evidenceHref, interactionsLink } from '../lib/alarm-kinds';
import { layoutEvidence } from '../lib/evidence';

export function AlarmCard({
  alarm,
  latestEventMs,
  focused,
}: {
  alarm: Alarm;
  latestEventMs: number | null;
  focused: boolean;
}) {
  const ref = useRef<HTMLElement>(null);
  // An alert's link names its alarm: bring it into view.
  useEffect(() => {
    if (focused) ref.current?.scrollIntoView({ block: 'center' });
  }, [focused]);
  const interactions = interactionsLink(alarm, latestEventMs);
  const tone =
    alarm.state === 'resolved' ? 'resolved' : alarm.severity === 'critical' ? 'critical' : 'warning';
  return (
    <article
      ref={ref}
      className={`alarm alarm-${tone}${focused ? ' alarm-focused' : ''}`}
      data-testid="alarm"
      data-alarm-id={alarm.id}
      data-kind={alarm.kind}
      data-state={alarm.state}
    >
      <div className="alarm-head">
        <span className="alarm-title">{alarmTitle(alarm.kind)}</span>
        <Badge tone={alarm.severity === 'critical' ? 'bad' : 'warn'}>{alarm.severity}</Badge>
        <Badge tone={alarm.state === 'firing' ? 'bad' : 'good'}>{alarm.state}</Badge>
        <span className="muted">
          {alarm.workloadId}
          {alarm.modelVersion ? ` · ${alarm.modelVersion}` : ''} · fired {formatMinute(alarm.firedAt)}
          {alarm.resolvedAt ? ` · resolved ${formatMinute(alarm.resolvedAt)}` : ''}
        </span>
      </div>
      <p className="alarm-rec">
        <strong>Recommendation:</strong> {alarm.recommendation}
      </p>
      <Evidence evidence={alarm.evidence} />
      <p className="alarm-rec alarm-links">
        <Link to={evidenceHref(alarm, latestEventMs)} data-testid="alarm-evidence-link">
          Show the evidence →
        </Link>
        <Link to={interactions.href} data-testid="alarm-interactions-link">
          List {interactions.label} →
        </Link>
      </p>
    </article>
  );
}

function Evidence({ evidence }: { evidence: Record<string, unknown> }) {
  const { facts, groups } = layoutEvidence(evidence);
  return (
    <div className="evidence-block" data-testid="alarm-evidence">
      {facts.length > 0 ? (
        <dl className="evidence">
          {facts.map((f) => (
            <div key={f.label}>
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {groups.length > 0 ? (
        <table className="table table-compact evidence-table">
          <tbody>
            {groups.map((g) => (
              <tr key={g.label}>
                <th scope="row">{g.label}</th>
                <td>
                  <dl className="evidence">
                    {g.facts.map((f) => (
                      <div key={f.label}>
                        <dt>{f.label}</dt>
                        <dd>{f.value}</dd>
                      </div>
                    ))}
                  </dl>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
