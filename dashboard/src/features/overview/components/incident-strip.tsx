import { Link, useLocation } from 'react-router';
import type { Alarm } from '@flywheel/api';
import { useScope } from '../../../app/scope-context';
import { Badge } from '../../../shared/components/badge';
import { useUrlParams } from '../../../shared/hooks/use-url-params';
import { alarmTitle } from '../../../shared/lib/alarm-titles';
import { formatDay } from '../../../shared/lib/format';
import { useAlarms } from '../../alarms/hooks/use-alarms';
import { useCycles } from '../../cycles/hooks/use-cycles';
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
  // The same request the Overview's cards make: a version's rollback is what ended most regressions.
  const cycles = useCycles(scope.workload);
  if (alarms.state !== 'ready') return null;
  const rolledBackAt = (a: Alarm) =>
    cycles.state === 'ready' && a.modelVersion
      ? (cycles.data.items.find(
          (c) => c.workloadId === a.workloadId && c.modelVersion === a.modelVersion && c.rolledBackAt,
        )?.rolledBackAt ?? null)
      : null;
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
              <span className="muted">{when(a, rolledBackAt(a))}</span>
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

/** "19 Oct – rolled back 22 Oct, resolved 23 Oct": what happened, in event time, in the fewest words. */
function when(a: Alarm, rolledBackAt: string | null): string {
  const rollback = rolledBackAt ? `rolled back ${formatDay(rolledBackAt)}` : null;
  if (a.state === 'firing') return `firing since ${formatDay(a.firedAt)}${rollback ? ` · ${rollback}` : ''}`;
  return `${formatDay(a.firedAt)} – ${rollback ? `${rollback}, ` : ''}resolved ${formatDay(a.resolvedAt)}`;
}
