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
 *
 * Ids are counted and looked up as 64-bit hashes: the engine's exact distinct count of a string tuple
 * already counts 128-bit hashes, and sets of numbers build in half the time. A collision would drop a
 * signal from a bucket (odds about 1 in 10^9 for a day of 10^5 signals) or count another workload's
 * signal (about 1 in 10^6 for a workload of 10^6 requests against 10^7 signals); docs/decisions.md.
 */
export async function signalMixRows(
  client: ClickHouseClient,
  p: { projectId: string; workload: string; from: string; to: string; asOf: string; bucket: 'day' | 'week' },
): Promise<SignalMixRow[]> {
  const start = p.bucket === 'week' ? 'toMonday(time)' : 'toDate(time)';
  const result = await client.query({
    query: `
      SELECT toString(${start}) AS bucket_start, kind AS signal_kind,
        uniqExactIf(cityHash64(request_id, signal_id), explicit) AS n_explicit,
        uniqExactIf(cityHash64(request_id, signal_id), NOT explicit) AS n_implicit
      FROM signals
      WHERE project_id = {projectId:String}
        AND time >= {from:DateTime64(6, 'UTC')} AND time < {to:DateTime64(6, 'UTC')}
        AND time <= {asOf:DateTime64(6, 'UTC')}
        AND ({workload:String} = '' OR cityHash64(request_id) IN (
          SELECT cityHash64(request_id) FROM interaction_facts
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
