import type { ClickHouseClient } from '@flywheel/storage';
import { gateQueryParams, type GateConfig } from '../queries/gate';
import { signalsAroundSql } from '../queries/outcome';
import { gateContextParams, gatedRowsSql } from './gate-rows';
import type { GateMark } from './gate-seals';
import { END_OF_TIME, nextSealVersion } from './seal';
import type { SealedDay } from './seals';

/** A gate configuration as it is sealed: its key and the workloads it applies to ('' = all). */
export interface GateScope {
  key: string;
  workload: string;
  config: GateConfig;
}

/**
 * Seals consecutive days (one project, one gate scope) that follow the sealed prefix `before`: their
 * verdicts as of the end of time (each interaction's signal window has closed), one row per interaction
 * with its text's lexicon markers and the review queue's features into `gate_rows`, counted per day,
 * workload and model version into `daily_gate`, and each day's earliest passing row per duplicate key into `gate_firsts`, which stand in for the days as history for
 * later seals and reads. The marks are the cumulative ones read before this runs (`gatePrefix`): data
 * landing meanwhile moves them past the seal. Rows are written before the seal rows that make them
 * visible. Returns the days' seals.
 */
export async function sealGateDays(
  client: ClickHouseClient,
  projectId: string,
  scope: GateScope,
  before: readonly SealedDay[],
  days: readonly GateMark[],
): Promise<SealedDay[]> {
  if (days.length === 0) return [];
  const version = nextSealVersion();
  const first = `${days[0]!.day} 00:00:00.000000`;
  const end = `${addDay(days[days.length - 1]!.day)} 00:00:00.000000`;
  const rows = `i.project_id = {projectId:String}
    AND ({workload:String} = '' OR i.workload_id = {workload:String})
    AND i.time >= {first:DateTime64(6, 'UTC')} AND i.time < {end:DateTime64(6, 'UTC')}`;
  const signalFilter = signalsAroundSql({
    from: "{first:DateTime64(6, 'UTC')}",
    to: "{end:DateTime64(6, 'UTC')}",
  });
  const params = {
    projectId,
    workload: scope.workload,
    asOf: END_OF_TIME,
    first,
    end,
    version,
    gateKey: scope.key,
    ...gateQueryParams(scope.config),
    ...gateContextParams(before),
  };
  // The verdicts are computed once, into `gate_rows`; the counts and firsts are read back from there.
  await client.command({
    query: `
      INSERT INTO gate_rows (project_id, gate_key, day, workload_id, time, request_id, seal_version,
        model_version, dup_key, outcome, deciding_kind, base_passed, gate_reasons, praise, pushback, reversal,
        prompt_key, language, quality_score, response_mean_logprob)
      SELECT {projectId:String}, {gateKey:String}, toDate(g.time), g.workload_id, g.time, g.request_id,
        {version:UInt64}, g.model_version, g.dup_key, g.outcome, g.deciding_kind, g.base_passed, g.gate_reasons,
        g.praise, g.pushback, g.reversal, g.prompt_key, g.language, g.quality_score, g.response_mean_logprob
      FROM (${gatedRowsSql({ rows, signalFilter, wanted: '1' })}) AS g`,
    query_params: params,
  });
  const sealedRows = `FROM gate_rows
      WHERE project_id = {projectId:String} AND gate_key = {gateKey:String}
        AND day >= toDate({first:DateTime64(6, 'UTC')}) AND day < toDate({end:DateTime64(6, 'UTC')})
        AND seal_version = {version:UInt64}`;
  await client.command({
    query: `
      INSERT INTO gate_firsts
      SELECT {projectId:String}, {gateKey:String}, workload_id, dup_key, day, {version:UInt64}, t.1, t.2
      FROM (
        SELECT workload_id, dup_key, day, min((time, request_id)) AS t
        ${sealedRows} AND base_passed AND dup_key != ''
        GROUP BY workload_id, dup_key, day
      )`,
    query_params: params,
  });
  await client.command({
    query: `
      INSERT INTO daily_gate
      SELECT {projectId:String}, {gateKey:String}, day, workload_id, model_version, {version:UInt64},
        count(), countIf(empty(gate_reasons)),
        sumMap(mapFromArrays(gate_reasons, arrayMap(r -> toUInt64(1), gate_reasons)))
      ${sealedRows}
      GROUP BY day, workload_id, model_version`,
    query_params: params,
  });
  await client.insert({
    table: 'gate_seals',
    values: days.map((d) => ({
      project_id: projectId,
      gate_key: scope.key,
      day: d.day,
      seal_version: version,
      interaction_rows: d.interactionRows,
      signal_rows: d.signalRows,
    })),
    format: 'JSONEachRow',
  });
  return days.map((d) => ({ day: d.day, sealVersion: String(version) }));
}

function addDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
