import { Link, useLocation } from 'react-router';
import type { Alarm } from '@flywheel/api';
import { useScope } from '../../../app/scope-context';
import { Badge } from '../../../shared/components/badge';
import { useUrlParams } from '../../../shared/hooks/use-url-params';
import { alarmTitle } from '../../../shared/lib/alarm-titles';
import { formatDay } from '../../../shared/lib/format';
import { useAlarms } from '../../alarms/hooks/use-alarms';
import { alarmInRange, alarmsOutside } from '../../alarms/lib/alarm-window';
import { OutsideRange } from '../../alarms/components/outside-range';

/**
 * The incidents a product manager should know about before anything else: alarms firing now and those
 * resolved within the range, each one click from its alarm. Empty, it says what lies outside the range.
 */
export function IncidentStrip() {
  const scope = useScope();
  const { set } = useUrlParams();
  const { search } = useLocation();
  const alarms = useAlarms();
  if (alarms.state !== 'ready') return null;
  const mine = alarms.data.items.filter((a) => !scope.workload || a.workloadId === scope.workload);
  const shown = mine.filter((a) => alarmInRange(a, scope.range.fromMs, scope.range.toMs));
  // Firing first, then the most recent.
  shown.sort((a, b) =>
    a.state !== b.state ? (a.state === 'firing' ? -1 : 1) : b.firedAt.localeCompare(a.firedAt),
  );
  const outside = alarmsOutside(
    mine.filter((a) => !shown.includes(a)),
    scope.range,
    scope.latestEventMs,
  );
  const href = (a: Alarm) => {
    const params = new URLSearchParams(search);
    params.set('alarm', a.id);
    params.set('workload', a.workloadId);
    if (a.modelVersion) params.set('version', a.modelVersion);
    else params.delete('version');
    return `/alarms?${params.toString()}`;
  };
  return (
    <section className="incidents" aria-labelledby="incidents-title" data-testid="incident-strip">
      <h2 id="incidents-title" className="incidents-title">
        Incidents
      </h2>
      {shown.length === 0 ? (
        <p className="muted" data-testid="no-incidents">
          No alarm fired in {scope.range.label}.
          {outside ? (
            <OutsideRange
              outside={outside}
              onShow={() => set({ range: outside.preset, from: null, to: null })}
            />
          ) : null}
        </p>
      ) : (
        <ul className="incident-list">
          {shown.slice(0, 5).map((a) => (
            <li key={a.id} data-testid="incident" data-alarm-id={a.id} data-state={a.state}>
              <Badge tone={a.state === 'firing' ? (a.severity === 'critical' ? 'bad' : 'warn') : 'good'}>
                {a.state === 'firing' ? a.severity : 'resolved'}
              </Badge>{' '}
              <Link to={href(a)}>
                {alarmTitle(a.kind)} in {a.modelVersion ?? a.workloadId}
              </Link>{' '}
              <span className="muted">
                {a.state === 'firing'
                  ? `firing since ${formatDay(a.firedAt)}`
                  : `${formatDay(a.firedAt)} – resolved ${formatDay(a.resolvedAt)}`}
              </span>
            </li>
          ))}
          {shown.length > 5 ? (
            <li>
              <Link to={`/alarms${search}`}>{shown.length - 5} more →</Link>
            </li>
          ) : null}
        </ul>
      )}
    </section>
  );
}
