import { formatEventTime, type ClickHouseClient } from '@flywheel/storage';

/** SQL: the latest event time in `table` for the project, reading only what `from` (SQL) leaves. */
const latestIn = (table: string, from: string) =>
  `(SELECT max(time) FROM ${table} WHERE project_id = {projectId:String} AND time >= ${from})`;

/**
 * SQL: the start of the latest event day with rows inserted into `source`, from the insert-time marks
 * (storage migration 0007): no row of the table is later, so the max is sought in that day alone —
 * `interactions` is sorted by time within a workload, and a month's `signals` are one partition.
 */
const lastMarkedDay = (source: string) => `(SELECT toDateTime64(max(day), 6, 'UTC') FROM read_model_marks
  WHERE project_id = {projectId:String} AND source = '${source}')`;

/**
 * The project's latest event time (interactions or signals): the default "as of" for every evaluation,
 * so results depend on the data, never on the wall clock. Falls back to the epoch for an empty project.
 * Every request asks it first, so it reads the last marked day only; should that find nothing (rows
 * deleted by hand or by a TTL), the whole project is read.
 */
export async function latestEventTime(client: ClickHouseClient, projectId: string): Promise<string> {
  const latest = async (fast: boolean) => {
    const bound = (source: string) => (fast ? lastMarkedDay(source) : "toDateTime64(0, 6, 'UTC')");
    const result = await client.query({
      query: `SELECT toString(greatest(${latestIn('interactions', bound('interactions'))},
        ${latestIn('signals', bound('signals'))})) AS latest`,
      query_params: { projectId },
      format: 'JSONEachRow',
    });
    const [row] = await result.json<{ latest: string }>();
    return row?.latest && !row.latest.startsWith('1970') ? row.latest : null;
  };
  return (await latest(true)) ?? (await latest(false)) ?? formatEventTime(0n);
}
