import type { ClickHouseClient } from '@flywheel/storage';
import { CURRENT_SEALS_SQL, DAY_MARKS_SQL, signalReachDays } from './marks';

export interface SealedDay {
  /** `YYYY-MM-DD` (UTC). */
  day: string;
  sealVersion: string;
}

/**
 * SQL over a sealed table's `day` and `seal_version`: the row belongs to the current seal of one of the
 * days the array params `days` and `versions` name (the `SealedDay`s of a plan, day n sealed at version
 * n). The pairs are a set the engine builds once: looking each row's day up in the array (`indexOf`)
 * cost four times as much over a million sealed rows. `has` keeps the days in the key analysis.
 */
export function currentSealSql(days: string, versions: string): string {
  return `has({${days}:Array(Date)}, day)
      AND (day, seal_version) IN (SELECT arrayJoin(arrayZip({${days}:Array(Date)}, {${versions}:Array(UInt64)})))`;
}

/** The params `currentSealSql(days, versions)` reads for `sealed`. */
export function currentSealParams(
  days: string,
  versions: string,
  sealed: readonly SealedDay[],
): Record<string, unknown> {
  // Microsecond versions stay below 2^53 until the year 2255.
  return { [days]: sealed.map((s) => s.day), [versions]: sealed.map((s) => Number(s.sealVersion)) };
}

/**
 * The days of a project whose seal under `signalWindowSeconds` is current: sealed, and no row inserted
 * into `interactions` on the day or into `signals` within reach of it since. Only these may be read
 * from `daily_outcomes`; every other day is read from raw rows.
 */
export async function currentSeals(
  client: ClickHouseClient,
  projectId: string,
  signalWindowSeconds: number,
  range: { fromDay: string; toDay: string },
): Promise<SealedDay[]> {
  const result = await client.query({
    query: `
      SELECT toString(s.sealed_day) AS day, toString(s.current_version) AS version
      FROM (${CURRENT_SEALS_SQL}) AS s
      LEFT JOIN (${DAY_MARKS_SQL}) AS m ON m.marked_day = s.sealed_day
      WHERE s.sealed_day >= {fromDay:Date} AND s.sealed_day <= {toDay:Date}
        AND s.sealed_interaction_rows = m.interaction_rows AND s.sealed_signal_rows = m.signal_rows
      ORDER BY s.sealed_day`,
    query_params: {
      projectId,
      signalWindowSeconds,
      reach: signalReachDays(signalWindowSeconds),
      ...range,
    },
    format: 'JSONEachRow',
  });
  const rows = await result.json<{ day: string; version: string }>();
  return rows.map((r) => ({ day: r.day, sealVersion: r.version }));
}

/**
 * The days of a project that need a (re-)seal under `signalWindowSeconds`: days with interactions
 * whose signal window closed before `horizon` (the project's latest event time), and that have no
 * current seal. Params are the project's event times, never the wall clock, so a backfill of old
 * days seals like live traffic.
 */
export async function daysToSeal(
  client: ClickHouseClient,
  projectId: string,
  signalWindowSeconds: number,
  horizon: string,
): Promise<string[]> {
  const result = await client.query({
    query: `
      SELECT toString(m.marked_day) AS day
      FROM (${DAY_MARKS_SQL}) AS m
      LEFT JOIN (${CURRENT_SEALS_SQL}) AS s ON s.sealed_day = m.marked_day
      WHERE m.interaction_rows > 0
        AND m.marked_day < toDate({horizon:DateTime64(6, 'UTC')} - toIntervalSecond({signalWindowSeconds:UInt32}))
        AND (s.current_version = 0 OR s.sealed_interaction_rows != m.interaction_rows
          OR s.sealed_signal_rows != m.signal_rows)
      ORDER BY m.marked_day`,
    query_params: {
      projectId,
      signalWindowSeconds,
      reach: signalReachDays(signalWindowSeconds),
      horizon,
    },
    format: 'JSONEachRow',
  });
  return (await result.json<{ day: string }>()).map((r) => r.day);
}
