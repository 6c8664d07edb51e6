import type { ClickHouseClient } from '@flywheel/storage';
import { gateConfigFor } from '../analytics/gate-settings';
import { END_OF_TIME } from '../read-model/seal';
import { inRawSql, planParams, SEALED_OUTCOMES_SQL } from '../read-model/sources';
import { planRead } from '../read-model/split';
import { signalWindowParam } from './outcomes';

export interface VersionExtent {
  workloadId: string;
  modelVersion: string;
  interactions: number;
  /** DateTime64 text. */
  firstSeen: string;
  lastSeen: string;
}

/**
 * Interactions per workload and model version with their first and last event time. The counts of days
 * sealed under the project's signal window come from `daily_outcomes` (counted over deduplicated rows,
 * and current while no row landed on the day since); the other days are counted in the narrow
 * `interaction_facts` (no FINAL: a re-delivery not merged yet shares its key and is counted once). The
 * first and last times come from the facts of the other days and of each version's first and last
 * sealed day (a re-delivery shares its time), so the read never scans the project's history.
 */
export async function versionExtents(client: ClickHouseClient, projectId: string): Promise<VersionExtent[]> {
  const { signalWindowHours } = await gateConfigFor(client, projectId, '');
  // A day's interaction count does not depend on asOf: any current seal of the day will do.
  const plan = await planRead(client, {
    projectId,
    workload: '',
    from: '1970-01-01 00:00:00.000000',
    to: END_OF_TIME,
    asOf: END_OF_TIME,
    signalWindowHours,
  });
  const result = await client.query({
    query: `
      SELECT workloadId, modelVersion, sum(n) AS n_interactions,
        toString(min(first_t)) AS first_seen, toString(max(last_t)) AS last_seen
      FROM (
        SELECT toString(workload_id) AS workloadId, toString(model_version) AS modelVersion,
          sum(interactions) AS n, toDateTime64('2299-12-31 00:00:00', 6, 'UTC') AS first_t,
          toDateTime64('1970-01-01 00:00:00', 6, 'UTC') AS last_t
        FROM (${SEALED_OUTCOMES_SQL})
        GROUP BY workloadId, modelVersion
        UNION ALL
        SELECT toString(workload_id), toString(model_version), uniqExact(time, trace_id, span_id), min(time), max(time)
        FROM interaction_facts
        WHERE project_id = {projectId:String} AND ${inRawSql(plan, 'time')}
        GROUP BY workload_id, model_version
        UNION ALL
        -- On sealed days a version's first and last time lie on its first and last sealed day: only the
        -- workload's rows of those days are read (the facts are sorted by workload and time).
        SELECT toString(workload_id), toString(model_version), 0, min(time), max(time)
        FROM interaction_facts
        WHERE project_id = {projectId:String} AND (workload_id, toDate(time)) IN (
          SELECT workload_id, edge FROM (
            SELECT workload_id, min(day) AS first_day, max(day) AS last_day FROM (${SEALED_OUTCOMES_SQL})
            GROUP BY workload_id, model_version
          ) ARRAY JOIN [first_day, last_day] AS edge)
        GROUP BY workload_id, model_version
      )
      GROUP BY workloadId, modelVersion`,
    query_params: { projectId, workload: '', ...signalWindowParam(signalWindowHours), ...planParams(plan) },
    format: 'JSONEachRow',
  });
  const rows = await result.json<{
    workloadId: string;
    modelVersion: string;
    n_interactions: string;
    first_seen: string;
    last_seen: string;
  }>();
  return rows.map((r) => ({
    workloadId: r.workloadId,
    modelVersion: r.modelVersion,
    interactions: Number(r.n_interactions),
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
  }));
}
