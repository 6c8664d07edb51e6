import type { ClickHouseClient } from '@flywheel/storage';

export const CYCLE_STATUSES = [
  'collecting',
  'training',
  'evaluating',
  'deployed',
  'rolled_back',
  'rejected',
] as const;
export type CycleStatus = (typeof CYCLE_STATUSES)[number];

/** One state of a cycle. Times are DateTime64(6, 'UTC') text. */
export interface CycleState {
  id: string;
  workloadId: string;
  modelVersion: string;
  /** '' when not registered. */
  parentVersion: string;
  windowFrom: string;
  windowTo: string;
  status: CycleStatus;
  deployedAt: string | null;
  rolledBackAt: string | null;
  notes: string;
}

export interface StoredCycle extends CycleState {
  /** Write sequence: the highest version is the current state. */
  version: number;
  /** Wall-clock time of the write (bookkeeping, not event time). */
  writtenAt: string;
}

interface CycleRow {
  cycle_id: string;
  version: string;
  workload_id: string;
  model_version: string;
  parent_version: string;
  window_from: string;
  window_to: string;
  status: CycleStatus;
  deployed_at: string | null;
  rolled_back_at: string | null;
  notes: string;
  written: string;
}

const COLUMNS = `
  cycle_id, version, workload_id, model_version, parent_version, toString(window_from) AS window_from,
  toString(window_to) AS window_to, status, toString(deployed_at) AS deployed_at,
  toString(rolled_back_at) AS rolled_back_at, notes, toString(written_at) AS written`;

const toCycle = (row: CycleRow): StoredCycle => ({
  id: row.cycle_id,
  version: Number(row.version),
  workloadId: row.workload_id,
  modelVersion: row.model_version,
  parentVersion: row.parent_version,
  windowFrom: row.window_from,
  windowTo: row.window_to,
  status: row.status,
  deployedAt: row.deployed_at,
  rolledBackAt: row.rolled_back_at,
  notes: row.notes,
  writtenAt: row.written,
});

/** The current state of the project's cycles (optionally one workload's, or the given ids). */
export async function currentCycles(
  client: ClickHouseClient,
  projectId: string,
  filter: { workload?: string; ids?: string[] } = {},
): Promise<StoredCycle[]> {
  const result = await client.query({
    query: `
      SELECT * FROM (
        SELECT ${COLUMNS}
        FROM cycles FINAL
        WHERE project_id = {projectId:String}
          AND (empty({ids:Array(String)}) OR cycle_id IN {ids:Array(String)})
        ORDER BY cycle_id, version DESC
        LIMIT 1 BY cycle_id
      )
      WHERE {workload:String} = '' OR workload_id = {workload:String}
      ORDER BY window_to, cycle_id`,
    query_params: { projectId, ids: filter.ids ?? [], workload: filter.workload ?? '' },
    format: 'JSONEachRow',
  });
  return (await result.json<CycleRow>()).map(toCycle);
}

/** Every stored state of one cycle, oldest first. */
export async function cycleHistory(
  client: ClickHouseClient,
  projectId: string,
  id: string,
): Promise<StoredCycle[]> {
  const result = await client.query({
    query: `
      SELECT ${COLUMNS} FROM cycles FINAL
      WHERE project_id = {projectId:String} AND cycle_id = {id:String}
      ORDER BY version`,
    query_params: { projectId, id },
    format: 'JSONEachRow',
  });
  return (await result.json<CycleRow>()).map(toCycle);
}

/** Appends a state; `version` must exceed the cycle's current one. */
export async function writeCycle(
  client: ClickHouseClient,
  projectId: string,
  state: CycleState,
  version: number,
): Promise<void> {
  await client.insert({
    table: 'cycles',
    values: [
      {
        project_id: projectId,
        cycle_id: state.id,
        version,
        workload_id: state.workloadId,
        model_version: state.modelVersion,
        parent_version: state.parentVersion,
        window_from: state.windowFrom,
        window_to: state.windowTo,
        status: state.status,
        deployed_at: state.deployedAt,
        rolled_back_at: state.rolledBackAt,
        notes: state.notes,
      },
    ],
    format: 'JSONEachRow',
  });
}
