import type { ClickHouseClient } from '@flywheel/storage';
import { gatePlanParams, gateRawSql, planGateRead, type GatePlan } from '../read-model/gate-plan';
import { gatedRowsSql } from '../read-model/gate-rows';
import { currentSealSql } from '../read-model/seals';
import { gateQueryParams, type GateConfig } from './gate';
import { signalsAroundSql } from './outcome';

export interface GateVerdict {
  requestId: string;
  evaluated: boolean;
  passed: boolean;
  reasons: string[];
}

/** The scope of `gateVerdicts`, apart from the requests. */
export interface VerdictScope {
  projectId: string;
  workload?: string;
  to: string;
  asOf: string;
  config: GateConfig;
}

/**
 * What `gateVerdicts` reads first: the sealed history and the tail of the scope, which do not depend on
 * the requests, so a reader can ask for it before it knows them.
 */
export function planVerdicts(client: ClickHouseClient, scope: VerdictScope): Promise<GatePlan> {
  // Only the sealed history and the tail matter: no interval of its own is read from `daily_gate`.
  return planGateRead(client, { ...scope, workload: scope.workload ?? '', from: scope.to });
}

/**
 * The gate's verdict for given requests (the explorer's per-interaction view): those on sealed history
 * days (`planGateRead`) as the seal stored them (`gate_rows`); those of the unsealed tail from raw rows,
 * with the tail's rows that share their duplicate keys and sealed history's firsts. With `workload`, the requests are that workload's (others get no verdict) and its
 * own sealed configuration is used.
 */
export async function gateVerdicts(
  client: ClickHouseClient,
  params: VerdictScope & {
    requestIds: string[];
    /** When known, an event time none of the requests is older than: their rows are sought after it. */
    since?: string;
    /** When known, an event time none of the requests is newer than: none is in a tail that starts later. */
    latest?: string;
  },
  /** `planVerdicts` of the same scope, when the caller asked for it already. */
  planned?: Promise<GatePlan>,
): Promise<GateVerdict[]> {
  if (params.requestIds.length === 0) return [];
  const workload = params.workload ?? '';
  const plan = await (planned ?? planVerdicts(client, params));
  const since = "{since:DateTime64(6, 'UTC')}";
  // Requests on a history day have their verdict in `gate_rows`; only those of the tail are computed.
  const inTail = plan.tail ? "i.time >= {gateTail:DateTime64(6, 'UTC')}" : '0';
  const raw = gateRawSql(
    plan,
    `i.request_id IN {requestIds:Array(String)} AND i.time >= ${since} AND ${inTail}`,
    `request_id IN {requestIds:Array(String)} AND ${signalsAroundSql({ from: since, to: "{to:DateTime64(6, 'UTC')}" })}`,
    `(i.workload_id, i.dup_key) IN (
      SELECT workload_id, dup_key FROM interaction_facts
      WHERE project_id = {projectId:String} AND request_id IN {requestIds:Array(String)}
        AND time >= ${since} AND time < {to:DateTime64(6, 'UTC')} AND dup_key != '')`,
  );
  // Requests all older than the tail (one interaction, an older page) have every verdict sealed: the
  // tail's computation, which costs the same with no row to compute, is left out.
  const tailRead =
    plan.tail !== null && (params.latest === undefined || params.latest >= plan.tail)
      ? `UNION ALL
      SELECT request_id, evaluated, gate_passed, CAST(gate_reasons, 'Array(String)')
      FROM (${gatedRowsSql({ ...raw, wanted: 'request_id IN {requestIds:Array(String)}' })})`
      : '';
  const result = await client.query({
    query: `
      SELECT request_id AS requestId, true AS evaluated, empty(gate_reasons) AS passed,
        CAST(gate_reasons, 'Array(String)') AS reasons
      FROM gate_rows
      WHERE project_id = {projectId:String} AND gate_key = {gateKey:String}
        AND ({workload:String} = '' OR workload_id = {workload:String})
        AND ${currentSealSql('gateDays', 'gateVersions')}
        AND day >= toDate(${since}) AND time >= ${since} AND time < {to:DateTime64(6, 'UTC')}
        AND request_id IN {requestIds:Array(String)}
      ${tailRead}`,
    query_params: {
      projectId: params.projectId,
      workload,
      to: params.to,
      asOf: params.asOf,
      requestIds: params.requestIds,
      since: params.since ?? '1970-01-01 00:00:00.000000',
      ...gateQueryParams(params.config),
      ...gatePlanParams(plan),
    },
    format: 'JSONEachRow',
  });
  const rows = await result.json<{
    requestId: string;
    evaluated: number | boolean;
    passed: number | boolean;
    reasons: string[];
  }>();
  return rows.map((r) => ({
    requestId: r.requestId,
    evaluated: Boolean(r.evaluated),
    passed: Boolean(r.passed),
    reasons: r.reasons,
  }));
}
