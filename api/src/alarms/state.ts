import { createHash } from 'node:crypto';
import { addHours } from '../analytics/time';
import { alarmKey, type Alarm, type AlarmKind, type Condition } from './types';

export interface Transition {
  fired: Alarm[];
  resolved: Alarm[];
  /** Conditions that hold but page nobody: already firing, or within the cooldown after a resolve. */
  unchanged: number;
}

/**
 * The alarm state machine: a condition without a firing alarm fires (unless the same key resolved less
 * than `cooldownHours` ago); a firing alarm whose condition is gone resolves. Only kinds that were
 * evaluated can resolve, so a disabled or failed detector never clears its alarms.
 */
export function transition(params: {
  projectId: string;
  known: Alarm[];
  conditions: Condition[];
  evaluatedKinds: ReadonlySet<AlarmKind>;
  asOf: string;
  cooldownHours: number;
}): Transition {
  const { projectId, known, conditions, evaluatedKinds, asOf, cooldownHours } = params;
  const firing = new Map(known.filter((a) => a.state === 'firing').map((a) => [alarmKey(a), a]));
  const lastResolved = new Map<string, Alarm>();
  for (const a of known) {
    if (a.state !== 'resolved' || !a.resolvedAt) continue;
    const key = alarmKey(a);
    const prev = lastResolved.get(key);
    // Event-time text compares like the times it names.
    if (!prev || a.resolvedAt > prev.resolvedAt!) lastResolved.set(key, a);
  }
  const holding = new Set(conditions.map(alarmKey));
  const result: Transition = { fired: [], resolved: [], unchanged: 0 };
  for (const condition of conditions) {
    const key = alarmKey(condition);
    const resolved = lastResolved.get(key);
    const coolingDown = resolved && asOf < addHours(resolved.resolvedAt!, cooldownHours);
    if (firing.has(key) || coolingDown) {
      result.unchanged++;
      continue;
    }
    result.fired.push({
      ...condition,
      id: createHash('sha256').update(`${projectId}|${key}|${asOf}`).digest('hex').slice(0, 20),
      projectId,
      state: 'firing',
      firedAt: asOf,
      resolvedAt: null,
      evaluatedAt: asOf,
    });
  }
  for (const [key, alarm] of firing) {
    if (holding.has(key) || !evaluatedKinds.has(alarm.kind)) continue;
    // An evaluation behind the one that last changed the alarm (a backfill's day running after the
    // schedule's evaluation of the newest data) cannot see the condition yet: resolving there would
    // stamp a resolve before the fire and clear an incident that is still true.
    if (asOf < alarm.evaluatedAt) continue;
    result.resolved.push({ ...alarm, state: 'resolved', resolvedAt: asOf, evaluatedAt: asOf });
  }
  return result;
}
