import type { ClickHouseClient } from '@flywheel/storage';

export interface SignalMixRow {
  /** First day of the bucket, YYYY-MM-DD (UTC; weeks start on Monday). */
  bucket: string;
  kind: string;
  explicit: number;
  implicit: number;
}

/**
 * Signals per bucket and kind, split explicit/implicit, by the signal's own event time in [from, to)
 * and at or before asOf. Each signal counts once however often it was delivered (no FINAL: distinct
 * signal ids). With a workload, only signals on that workload's interactions (the facts table's key
 * starts with the workload, so the lookup reads that workload's rows only).
 */
export async function signalMixRows(
  client: ClickHouseClient,
  p: { projectId: string; workload: string; from: string; to: string; asOf: string; bucket: 'day' | 'week' },
): Promise<SignalMixRow[]> {
  const start = p.bucket === 'week' ? 'toMonday(time)' : 'toDate(time)';
  const result = await client.query({
    query: `
      SELECT toString(${start}) AS bucket_start, kind AS signal_kind,
        uniqExactIf((request_id, signal_id), explicit) AS n_explicit,
        uniqExactIf((request_id, signal_id), NOT explicit) AS n_implicit
      FROM signals
      WHERE project_id = {projectId:String}
        AND time >= {from:DateTime64(6, 'UTC')} AND time < {to:DateTime64(6, 'UTC')}
        AND time <= {asOf:DateTime64(6, 'UTC')}
        AND ({workload:String} = '' OR request_id IN (
          SELECT request_id FROM interaction_facts
          WHERE project_id = {projectId:String} AND workload_id = {workload:String}))
      GROUP BY bucket_start, signal_kind
      ORDER BY bucket_start, signal_kind`,
    query_params: { projectId: p.projectId, workload: p.workload, from: p.from, to: p.to, asOf: p.asOf },
    format: 'JSONEachRow',
  });
  const rows = await result.json<{
    bucket_start: string;
    signal_kind: string;
    n_explicit: string;
    n_implicit: string;
  }>();
  return rows.map((r) => ({
    bucket: r.bucket_start,
    kind: r.signal_kind,
    explicit: Number(r.n_explicit),
    implicit: Number(r.n_implicit),
  }));
}
