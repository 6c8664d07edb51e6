import type { ClickHouseClient } from '@flywheel/storage';
import { signalReachDays } from './marks';
import type { SealedDay } from './seals';

/**
 * SQL: per event day of the project with interactions, the rows inserted so far into `interactions` on
 * that day and every earlier one, and into `signals` up to the last day whose signals can count for it.
 * A gate verdict depends on every earlier interaction (the near-duplicate rule), so a gate seal is
 * current only while these cumulative marks stand. Read from `read_model_marks` (a few hundred rows).
 * Params: projectId, reach (Int32, `signalReachDays`).
 */
const CUMULATIVE_MARKS_SQL = `
  SELECT d.day AS marked_day,
    sumIf(m.rows, m.source = 'interactions' AND m.day <= d.day) AS interaction_rows,
    sumIf(m.rows, m.source = 'signals' AND m.day <= addDays(d.day, {reach:Int32})) AS signal_rows
  FROM (
    SELECT day FROM read_model_marks
    WHERE project_id = {projectId:String} AND source = 'interactions'
    GROUP BY day HAVING sum(rows) > 0
  ) AS d
  CROSS JOIN (SELECT source, day, rows FROM read_model_marks WHERE project_id = {projectId:String}) AS m
  GROUP BY d.day`;

/** SQL: the newest gate seal per day under one gate key. Params: projectId, gateKey. */
const CURRENT_GATE_SEALS_SQL = `
  SELECT day AS sealed_day, max(seal_version) AS current_version,
    argMax(interaction_rows, seal_version) AS sealed_interaction_rows,
    argMax(signal_rows, seal_version) AS sealed_signal_rows
  FROM gate_seals
  WHERE project_id = {projectId:String} AND gate_key = {gateKey:String}
  GROUP BY day`;

export interface GateMark {
  day: string;
  interactionRows: number;
  signalRows: number;
}

/**
 * The gate's sealed history under one key: `sealed`, the leading days with interactions whose current
 * seal still matches the cumulative marks (a prefix, since late data on a day unseals every later day
 * too); `unsealed`, every later day with interactions, with the marks a seal of it would record.
 */
export async function gatePrefix(
  client: ClickHouseClient,
  projectId: string,
  key: string,
  signalWindowSeconds: number,
): Promise<{ sealed: SealedDay[]; unsealed: GateMark[] }> {
  const result = await client.query({
    query: `
      SELECT toString(m.marked_day) AS day, m.interaction_rows AS interaction_rows, m.signal_rows AS signal_rows,
        toString(s.current_version) AS version,
        s.current_version > 0 AND s.sealed_interaction_rows = m.interaction_rows
          AND s.sealed_signal_rows = m.signal_rows AS current
      FROM (${CUMULATIVE_MARKS_SQL}) AS m
      LEFT JOIN (${CURRENT_GATE_SEALS_SQL}) AS s ON s.sealed_day = m.marked_day
      ORDER BY m.marked_day`,
    query_params: { projectId, gateKey: key, reach: signalReachDays(signalWindowSeconds) },
    format: 'JSONEachRow',
  });
  const rows = await result.json<{
    day: string;
    interaction_rows: string;
    signal_rows: string;
    version: string;
    current: number | boolean;
  }>();
  const end = rows.findIndex((r) => !r.current);
  const cut = end < 0 ? rows.length : end;
  return {
    sealed: rows.slice(0, cut).map((r) => ({ day: r.day, sealVersion: r.version })),
    unsealed: rows.slice(cut).map((r) => ({
      day: r.day,
      interactionRows: Number(r.interaction_rows),
      signalRows: Number(r.signal_rows),
    })),
  };
}
