import type { ClickHouseClient } from '@flywheel/storage';
import { LATEST } from '../analytics/time';
import { interactionOutcomesSql } from '../queries/outcomes';
import { DAY_MARKS_SQL, signalReachDays } from './marks';

/**
 * A time after every event: a sealed day's signal window has closed, so its outcomes are the same for
 * every asOf from the window's end on, and the seal computes them once, as of the end of time.
 */
export const END_OF_TIME = LATEST;

let lastVersion = 0;
/** Seal versions: wall-clock microseconds, strictly increasing in this process. They order seals only. */
export function nextSealVersion(): number {
  lastVersion = Math.max(lastVersion + 1, Date.now() * 1000);
  return lastVersion;
}

/**
 * Seals `days` (`YYYY-MM-DD`, one project, one signal window): computes each interaction's outcome with
 * the reference rule over deduplicated raw rows into `outcome_rows`, counts them per workload and version
 * into `daily_outcomes`, and records the marks the result was computed over. The marks are read first: a
 * row inserted while this runs either is in the result and moves the marks past the seal (the day is
 * read raw and sealed again), or is not and moves them too. Rows and counts are written before the seal
 * row that makes them visible. Returns the interactions
 * (raw rows) on the sealed days.
 */
export async function sealDays(
  client: ClickHouseClient,
  projectId: string,
  signalWindowSeconds: number,
  days: readonly string[],
): Promise<number> {
  if (days.length === 0) return 0;
  const sorted = [...days].sort();
  const marks = await client.query({
    query: `SELECT toString(marked_day) AS day, interaction_rows, signal_rows FROM (${DAY_MARKS_SQL})
      WHERE has({days:Array(Date)}, marked_day)`,
    query_params: { projectId, reach: signalReachDays(signalWindowSeconds), days: sorted },
    format: 'JSONEachRow',
  });
  const byDay = new Map(
    (await marks.json<{ day: string; interaction_rows: string; signal_rows: string }>()).map((m) => [
      m.day,
      m,
    ]),
  );
  const version = nextSealVersion();
  const outcomes = interactionOutcomesSql(
    [
      'workload_id',
      'model_version',
      'user_id',
      'latency_ms',
      'output_tokens',
      'response_words',
      'prompt_chars',
      'quality_score',
      'language',
      'prompt_key',
    ],
    'has({days:Array(Date)}, toDate(i.time))',
  );
  const params = {
    projectId,
    workload: '',
    from: `${sorted[0]} 00:00:00.000000`,
    to: `${addDay(sorted[sorted.length - 1]!)} 00:00:00.000000`,
    asOf: END_OF_TIME,
    signalWindowSeconds,
    days: sorted,
    version,
  };
  // The outcomes are computed once, into `outcome_rows`; the day's counts are read back from there.
  await client.command({
    query: `
      INSERT INTO outcome_rows (project_id, signal_window_seconds, day, workload_id, time, request_id,
        seal_version, model_version, user_id, latency_ms, output_tokens, response_words, prompt_chars,
        quality_score, language, prompt_key, outcome, deciding_kind, has_explicit, explicit_outcome,
        implicit_outcome, has_correction)
      SELECT {projectId:String}, {signalWindowSeconds:UInt32}, toDate(time), workload_id, time, request_id,
        {version:UInt64}, model_version, user_id, latency_ms, output_tokens, response_words, prompt_chars,
        quality_score, language, prompt_key, outcome, deciding_kind, has_explicit, explicit_outcome,
        implicit_outcome, has_correction
      FROM (${outcomes})`,
    query_params: params,
  });
  await client.command({
    query: `
      INSERT INTO daily_outcomes
      SELECT {projectId:String}, {signalWindowSeconds:UInt32}, day, workload_id, model_version,
        {version:UInt64},
        count(), countIf(outcome != 'unknown'), countIf(outcome = 'success'), countIf(has_explicit),
        countIf(explicit_outcome = 'success'), countIf(explicit_outcome = 'failure'),
        countIf(implicit_outcome = 'success'), countIf(implicit_outcome = 'failure'),
        countIf(has_correction),
        sumMapIf(map(deciding_kind, toUInt64(1)), outcome != 'unknown'),
        sum(latency_ms), sum(output_tokens), sum(response_words),
        quantileTDigestState(latency_ms), uniqCombined64State(user_id)
      FROM outcome_rows
      WHERE project_id = {projectId:String} AND signal_window_seconds = {signalWindowSeconds:UInt32}
        AND has({days:Array(Date)}, day) AND seal_version = {version:UInt64}
      GROUP BY day, workload_id, model_version`,
    query_params: params,
  });
  await client.insert({
    table: 'read_model_seals',
    values: sorted.map((day) => ({
      project_id: projectId,
      signal_window_seconds: signalWindowSeconds,
      day,
      seal_version: version,
      interaction_rows: Number(byDay.get(day)?.interaction_rows ?? 0),
      signal_rows: Number(byDay.get(day)?.signal_rows ?? 0),
    })),
    format: 'JSONEachRow',
  });
  return sorted.reduce((n, day) => n + Number(byDay.get(day)?.interaction_rows ?? 0), 0);
}

function addDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
