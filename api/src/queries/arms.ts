import type { ClickHouseClient } from '@flywheel/storage';
import { signalsAroundSql } from './outcome';
import { interactionsWithOutcomeSql, signalWindowParam } from './outcomes';

export interface ArmComparison {
  a: { successes: number; n: number };
  b: { successes: number; n: number };
  /** Two-sided p-value of the pooled two-proportion z-test; null when an arm is empty. */
  pValue: number | null;
}

export interface Arm {
  workload: string;
  modelVersion: string;
  from: string;
  to: string;
}

// SQL over `i.*`: the interaction belongs to arm a, resp. b.
const inArm = (
  arm: 'a' | 'b',
) => `i.workload_id = {${arm}Workload:String} AND i.model_version = {${arm}Version:String}
  AND i.time >= {${arm}From:DateTime64(6, 'UTC')} AND i.time < {${arm}To:DateTime64(6, 'UTC')}`;

/**
 * Success rates of two arms (a version in a time window each) over interactions with a known outcome
 * (docs/design.md §3: signals known at `asOf` within the signal window), compared with the engine's
 * proportionsZTest.
 */
export async function compareArms(
  client: ClickHouseClient,
  params: { projectId: string; asOf: string; signalWindowHours: number; a: Arm; b: Arm },
): Promise<ArmComparison> {
  const outcomes = interactionsWithOutcomeSql({
    columns: ['workload_id', 'model_version'],
    where: `i.project_id = {projectId:String} AND ((${inArm('a')}) OR (${inArm('b')}))`,
    signalFilter: signalsAroundSql({
      from: "least({aFrom:DateTime64(6, 'UTC')}, {bFrom:DateTime64(6, 'UTC')})",
      to: "greatest({aTo:DateTime64(6, 'UTC')}, {bTo:DateTime64(6, 'UTC')})",
    }),
  });
  const result = await client.query({
    query: `
      SELECT
        countIf(arm = 'a' AND outcome = 'success') AS sa, countIf(arm = 'a') AS na,
        countIf(arm = 'b' AND outcome = 'success') AS sb, countIf(arm = 'b') AS nb,
        if(na > 0 AND nb > 0 AND (sa + sb) > 0 AND (sa + sb) < (na + nb),
           tupleElement(proportionsZTest(sa, sb, na, nb, 0.95, 'pooled'), 2), NULL) AS p
      FROM (
        SELECT multiIf(${inArm('a')}, 'a', ${inArm('b')}, 'b', '') AS arm, i.outcome AS outcome
        FROM (${outcomes}) AS i
        WHERE i.outcome != 'unknown'
      )`,
    query_params: {
      projectId: params.projectId,
      asOf: params.asOf,
      ...signalWindowParam(params.signalWindowHours),
      aWorkload: params.a.workload,
      aVersion: params.a.modelVersion,
      aFrom: params.a.from,
      aTo: params.a.to,
      bWorkload: params.b.workload,
      bVersion: params.b.modelVersion,
      bFrom: params.b.from,
      bTo: params.b.to,
    },
    format: 'JSONEachRow',
  });
  const [row] = await result.json<{ sa: string; na: string; sb: string; nb: string; p: number | null }>();
  return {
    a: { successes: Number(row?.sa ?? 0), n: Number(row?.na ?? 0) },
    b: { successes: Number(row?.sb ?? 0), n: Number(row?.nb ?? 0) },
    pValue: row?.p ?? null,
  };
}

/** Interactions of a workload in [from, to). */
export async function interactionCount(
  client: ClickHouseClient,
  params: { projectId: string; workload: string; from: string; to: string },
): Promise<number> {
  const result = await client.query({
    query: `
      SELECT count() AS n FROM interactions FINAL
      WHERE project_id = {projectId:String} AND workload_id = {workload:String}
        AND time >= {from:DateTime64(6, 'UTC')} AND time < {to:DateTime64(6, 'UTC')}`,
    query_params: params,
    format: 'JSONEachRow',
  });
  const [row] = await result.json<{ n: string }>();
  return Number(row?.n ?? 0);
}

export interface RateComparison {
  recent: { hits: number; n: number };
  baseline: { hits: number; n: number };
  pValue: number | null;
}

/**
 * Per workload, the share of its interactions that got a `kind` signal (up to `asOf`), recent window
 * against baseline, in one pass over the windows: the cost follows the windows, not how many workloads
 * the project has ever seen. Workloads with fewer than `minSamples` interactions in either window are
 * left out.
 */
export async function signalRateChanges(
  client: ClickHouseClient,
  params: {
    projectId: string;
    kind: string;
    asOf: string;
    baselineFrom: string;
    recentFrom: string;
    minSamples: number;
  },
): Promise<Array<RateComparison & { workloadId: string }>> {
  const result = await client.query({
    query: `
      SELECT workload_id AS workloadId,
        countIf(recent AND hit) AS hr, countIf(recent) AS nr, countIf(NOT recent AND hit) AS hb, countIf(NOT recent) AS nb,
        if(nr > 0 AND nb > 0 AND (hr + hb) > 0 AND (hr + hb) < (nr + nb),
           tupleElement(proportionsZTest(hr, hb, nr, nb, 0.95, 'pooled'), 2), NULL) AS p
      FROM (
        SELECT workload_id, time >= {recentFrom:DateTime64(6, 'UTC')} AS recent,
               request_id IN (SELECT request_id FROM signals WHERE project_id = {projectId:String}
                              AND kind = {kind:String} AND time <= {asOf:DateTime64(6, 'UTC')}) AS hit
        FROM interactions FINAL
        WHERE project_id = {projectId:String}
          AND time >= {baselineFrom:DateTime64(6, 'UTC')} AND time <= {asOf:DateTime64(6, 'UTC')}
      )
      GROUP BY workload_id
      HAVING nr >= {minSamples:UInt64} AND nb >= {minSamples:UInt64}
      ORDER BY workload_id`,
    query_params: params,
    format: 'JSONEachRow',
  });
  const rows = await result.json<{
    workloadId: string;
    hr: string;
    nr: string;
    hb: string;
    nb: string;
    p: number | null;
  }>();
  return rows.map((row) => ({
    workloadId: row.workloadId,
    recent: { hits: Number(row.hr), n: Number(row.nr) },
    baseline: { hits: Number(row.hb), n: Number(row.nb) },
    pValue: row.p,
  }));
}
