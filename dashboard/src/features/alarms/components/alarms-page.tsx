import { useEffect } from 'react';
import type { Alarm } from '@flywheel/api';
import { useScope } from '../../../app/scope-context';
import { Panel } from '../../../shared/components/panel';
import { ResourceView } from '../../../shared/components/resource-view';
import { Empty } from '../../../shared/components/states';
import { useUrlParams } from '../../../shared/hooks/use-url-params';
import { useAlarm } from '../hooks/use-alarm';
import { useAlarms } from '../hooks/use-alarms';
import { alarmInRange, alarmsOutside, rangeAround } from '../lib/alarm-window';
import { AlarmCard } from './alarm-card';
import { OutsideRange } from './outside-range';

export function AlarmsPage() {
  const scope = useScope();
  const { get, set } = useUrlParams();
  const state =
    get('state') === 'firing' || get('state') === 'resolved' ? (get('state') as Alarm['state']) : undefined;
  const version = get('version');
  const focusId = get('alarm');
  const alarms = useAlarms(state);
  const focus = useAlarm(focusId);
  const focused = focus.state === 'ready' ? focus.data : null;

  // An alert's link names its alarm but no time range: widen the range around the alarm when the
  // current one misses it, so the page and its evidence links show the time it was about.
  useEffect(() => {
    if (!focused || scope.latestEventMs === null) return;
    if (alarmInRange(focused, scope.range.fromMs, scope.range.toMs)) return;
    set({ ...rangeAround(focused, scope.latestEventMs), range: null }, { replace: true });
  }, [focused, scope.latestEventMs, scope.range.fromMs, scope.range.toMs, set]);

  const matches = (a: Alarm) =>
    (!scope.workload || a.workloadId === scope.workload) && (!version || a.modelVersion === version);

  return (
    <div className="page">
      <h1>Alarms</h1>
      <div className="filterbar">
        <label>
          State
          <select name="state" value={state ?? ''} onChange={(e) => set({ state: e.target.value })}>
            <option value="">firing and resolved</option>
            <option value="firing">firing</option>
            <option value="resolved">resolved</option>
          </select>
        </label>
        {version ? (
          <span className="muted">
            version {version}{' '}
            <button type="button" className="link-button" onClick={() => set({ version: null })}>
              (show all versions)
            </button>
          </span>
        ) : null}
      </div>
      {focusId ? (
        <ResourceView resource={focus} what="the alarm from the link">
          {(alarm) =>
            alarm ? (
              <Panel title="The alarm from your link" wide testId="linked-alarm">
                <AlarmCard alarm={alarm} latestEventMs={scope.latestEventMs} focused />
              </Panel>
            ) : (
              <Empty>
                This project has no alarm with the id <code>{focusId}</code>: the link may belong to another
                project or server.
              </Empty>
            )
          }
        </ResourceView>
      ) : null}
      <ResourceView resource={alarms} what="alarms">
        {(list) => {
          const mine = list.items.filter((a) => matches(a) && a.id !== focused?.id);
          const items = mine.filter((a) => alarmInRange(a, scope.range.fromMs, scope.range.toMs));
          const firing = items.filter((a) => a.state === 'firing');
          const resolved = items.filter((a) => a.state === 'resolved');
          const outside = alarmsOutside(
            mine.filter((a) => !items.includes(a)),
            scope.range,
            scope.latestEventMs,
          );
          const showOutside = () => outside && set({ range: outside.preset, from: null, to: null });
          if (items.length === 0)
            return (
              <Empty>
                {focused ? 'No other alarms' : 'No alarms'}
                {state ? ` ${state}` : ''} in {scope.range.label} for this selection
                {/* A check's warning raises no alarm, so an empty page is no all-clear. */}
                {state === 'resolved' ? '.' : '. Warnings raise no alarm: the feedback checks are on Checks.'}
                {outside ? <OutsideRange outside={outside} onShow={showOutside} /> : null}
              </Empty>
            );
          return (
            <>
              {firing.length === 0 && state !== 'resolved' ? (
                <div className="state state-good" data-testid="nothing-firing">
                  Nothing is firing now{scope.workload ? ` for ${scope.workload}` : ''}.
                </div>
              ) : null}
              <AlarmGroup
                title="Firing"
                help="Still true as of the newest data: each says what to do."
                items={firing}
                latestEventMs={scope.latestEventMs}
              />
              <AlarmGroup
                title="Resolved"
                help={`Conditions that were true in ${scope.range.label} and no longer are.`}
                items={resolved}
                latestEventMs={scope.latestEventMs}
              />
              {outside ? (
                <p className="muted">
                  <OutsideRange outside={outside} onShow={showOutside} />
                </p>
              ) : null}
            </>
          );
        }}
      </ResourceView>
    </div>
  );
}

function AlarmGroup(props: { title: string; help: string; items: Alarm[]; latestEventMs: number | null }) {
  if (props.items.length === 0) return null;
  return (
    <Panel title={`${props.title} (${props.items.length})`} help={props.help} wide>
      <div className="alarm-list">
        {props.items.map((alarm) => (
          <AlarmCard key={alarm.id} alarm={alarm} latestEventMs={props.latestEventMs} focused={false} />
        ))}
      </div>
    </Panel>
  );
}
