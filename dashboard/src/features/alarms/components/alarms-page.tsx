import { useScope } from '../../../app/scope-context';
import { Panel } from '../../../shared/components/panel';
import { ResourceView } from '../../../shared/components/resource-view';
import { Empty } from '../../../shared/components/states';
import { useUrlParams } from '../../../shared/hooks/use-url-params';
import type { Alarm } from '@flywheel/api';
import { useAlarms } from '../hooks/use-alarms';
import { AlarmCard } from './alarm-card';

function inScope(
  alarm: Alarm,
  workload: string | null,
  version: string | null,
  fromMs?: number,
  toMs?: number,
) {
  if (workload && alarm.workloadId !== workload) return false;
  if (version && alarm.modelVersion !== version) return false;
  // A firing alarm is shown whatever the time range: it still needs someone. A resolved one is shown
  // when it was firing at any moment of the range.
  if (alarm.state === 'firing') return true;
  const fired = Date.parse(alarm.firedAt);
  const resolved = alarm.resolvedAt ? Date.parse(alarm.resolvedAt) : Infinity;
  return (fromMs === undefined || resolved >= fromMs) && (toMs === undefined || fired < toMs);
}

export function AlarmsPage() {
  const scope = useScope();
  const { get, set } = useUrlParams();
  const state =
    get('state') === 'firing' || get('state') === 'resolved' ? (get('state') as Alarm['state']) : undefined;
  const version = get('version');
  const focus = get('alarm');
  const alarms = useAlarms(state);

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
      <ResourceView resource={alarms} what="alarms">
        {(list) => {
          const items = list.items.filter((a) =>
            inScope(a, scope.workload, version, scope.range.fromMs, scope.range.toMs),
          );
          const firing = items.filter((a) => a.state === 'firing');
          const resolved = items.filter((a) => a.state === 'resolved');
          if (items.length === 0)
            return <Empty>No alarms{state ? ` ${state}` : ''} for this selection. Nothing needs you.</Empty>;
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
                focus={focus}
                latestEventMs={scope.latestEventMs}
              />
              <AlarmGroup
                title="Resolved"
                help="Conditions that were true and no longer are."
                items={resolved}
                focus={focus}
                latestEventMs={scope.latestEventMs}
              />
            </>
          );
        }}
      </ResourceView>
    </div>
  );
}

function AlarmGroup(props: {
  title: string;
  help: string;
  items: Alarm[];
  focus: string | null;
  latestEventMs: number | null;
}) {
  if (props.items.length === 0) return null;
  return (
    <Panel title={`${props.title} (${props.items.length})`} help={props.help} wide>
      <div className="alarm-list">
        {props.items.map((alarm) => (
          <AlarmCard
            key={alarm.id}
            alarm={alarm}
            latestEventMs={props.latestEventMs}
            focused={alarm.id === props.focus}
          />
        ))}
      </div>
    </Panel>
  );
}
