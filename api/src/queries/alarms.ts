import type { ClickHouseClient } from '@flywheel/storage';
import type { Alarm, AlarmState } from '../alarms/types';

let lastVersion = 0;
/** Row versions only order the state changes of one alarm; they never enter event-time analytics. */
function nextVersion(): number {
  lastVersion = Math.max(Date.now() * 1000, lastVersion + 1);
  return lastVersion;
}

/** Stores the current state of alarms (a new row version each). */
export async function upsertAlarms(client: ClickHouseClient, alarms: Alarm[]): Promise<void> {
  if (alarms.length === 0) return;
  await client.insert({
    table: 'alarms',
    values: alarms.map((a) => ({
      project_id: a.projectId,
      alarm_id: a.id,
      kind: a.kind,
      severity: a.severity,
      workload_id: a.workloadId,
      model_version: a.modelVersion,
      state: a.state,
      fired_at: a.firedAt,
      resolved_at: a.resolvedAt,
      evaluated_at: a.evaluatedAt,
      evidence: JSON.stringify(a.evidence),
      recommendation: a.recommendation,
      version: nextVersion(),
    })),
    format: 'JSONEachRow',
  });
}

interface AlarmRow {
  projectId: string;
  id: string;
  kind: Alarm['kind'];
  severity: Alarm['severity'];
  workloadId: string;
  modelVersion: string;
  state: AlarmState;
  firedAt: string;
  resolvedAt: string | null;
  evaluatedAt: string;
  evidence: string;
  recommendation: string;
}

/**
 * Alarms of a project as of an event time: those fired by then, with the state they had then. `state`
 * filters on that state ('' for all). Newest first.
 */
export async function listAlarms(
  client: ClickHouseClient,
  params: { projectId: string; asOf: string; state: AlarmState | ''; limit: number },
): Promise<Alarm[]> {
  const result = await client.query({
    query: `
      SELECT project_id AS projectId, alarm_id AS id, kind, severity, workload_id AS workloadId,
             model_version AS modelVersion,
             if(resolved_at IS NOT NULL AND resolved_at <= {asOf:DateTime64(6, 'UTC')}, 'resolved', 'firing') AS state_as_of,
             state_as_of AS state,
             toString(fired_at) AS firedAt,
             if(state_as_of = 'resolved', toString(resolved_at), NULL) AS resolvedAt,
             toString(evaluated_at) AS evaluatedAt, evidence, recommendation
      FROM alarms FINAL
      WHERE project_id = {projectId:String} AND fired_at <= {asOf:DateTime64(6, 'UTC')}
        AND ({state:String} = '' OR state_as_of = {state:String})
      ORDER BY fired_at DESC, alarm_id
      LIMIT {limit:UInt32}`,
    query_params: params,
    format: 'JSONEachRow',
  });
  const rows = await result.json<AlarmRow & { state_as_of: string }>();
  return rows.map(({ state_as_of: _ignored, ...row }) => ({
    ...row,
    evidence: JSON.parse(row.evidence) as Record<string, unknown>,
  }));
}

/** One alarm of a project by id, with the state it had at `asOf`; undefined when the project has none. */
export async function getAlarm(
  client: ClickHouseClient,
  params: { projectId: string; id: string; asOf: string },
): Promise<Alarm | undefined> {
  const result = await client.query({
    query: `
      SELECT project_id AS projectId, alarm_id AS id, kind, severity, workload_id AS workloadId,
             model_version AS modelVersion,
             if(resolved_at IS NOT NULL AND resolved_at <= {asOf:DateTime64(6, 'UTC')}, 'resolved', 'firing') AS state_as_of,
             state_as_of AS state,
             toString(fired_at) AS firedAt,
             if(state_as_of = 'resolved', toString(resolved_at), NULL) AS resolvedAt,
             toString(evaluated_at) AS evaluatedAt, evidence, recommendation
      FROM alarms FINAL
      WHERE project_id = {projectId:String} AND alarm_id = {id:String}
      LIMIT 1`,
    query_params: params,
    format: 'JSONEachRow',
  });
  const [row] = await result.json<AlarmRow & { state_as_of: string }>();
  if (!row) return undefined;
  const { state_as_of: _ignored, ...alarm } = row;
  return { ...alarm, evidence: JSON.parse(alarm.evidence) as Record<string, unknown> };
}

/** The newest state of every alarm that is firing or was resolved after `since` (the state machine's memory). */
export async function recentAlarms(
  client: ClickHouseClient,
  projectId: string,
  since: string,
): Promise<Alarm[]> {
  const result = await client.query({
    query: `
      SELECT project_id AS projectId, alarm_id AS id, kind, severity, workload_id AS workloadId,
             model_version AS modelVersion, state, toString(fired_at) AS firedAt,
             if(resolved_at IS NULL, NULL, toString(resolved_at)) AS resolvedAt, toString(evaluated_at) AS evaluatedAt,
             evidence, recommendation
      FROM alarms FINAL
      WHERE project_id = {projectId:String} AND (state = 'firing' OR resolved_at >= {since:DateTime64(6, 'UTC')})`,
    query_params: { projectId, since },
    format: 'JSONEachRow',
  });
  const rows = await result.json<AlarmRow>();
  return rows.map((row) => ({ ...row, evidence: JSON.parse(row.evidence) as Record<string, unknown> }));
}

export interface DeliveryRecord {
  projectId: string;
  alarmId: string;
  destination: string;
  channel: string;
  action: string;
  attempt: number;
  status: 'delivered' | 'failed' | 'retrying';
  httpStatus: number;
  error: string;
}

export async function insertDelivery(client: ClickHouseClient, record: DeliveryRecord): Promise<void> {
  await client.insert({
    table: 'alert_deliveries',
    values: [
      {
        project_id: record.projectId,
        alarm_id: record.alarmId,
        destination: record.destination,
        channel: record.channel,
        action: record.action,
        attempt: record.attempt,
        status: record.status,
        http_status: record.httpStatus,
        error: record.error,
        sent_at: Date.now(),
      },
    ],
    format: 'JSONEachRow',
  });
}

/** Delivery log of a project (or one alarm), newest first. */
export async function listDeliveries(
  client: ClickHouseClient,
  params: { projectId: string; alarmId: string; limit: number },
): Promise<Array<DeliveryRecord & { sentAt: string }>> {
  const result = await client.query({
    query: `
      SELECT project_id AS projectId, alarm_id AS alarmId, destination, channel, action, attempt, status,
             http_status AS httpStatus, error, toString(sent_at) AS sentAt
      FROM alert_deliveries
      WHERE project_id = {projectId:String} AND ({alarmId:String} = '' OR alarm_id = {alarmId:String})
      ORDER BY sent_at DESC
      LIMIT {limit:UInt32}`,
    query_params: params,
    format: 'JSONEachRow',
  });
  return result.json<DeliveryRecord & { sentAt: string }>();
}
