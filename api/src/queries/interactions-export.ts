import type { Readable } from 'node:stream';
import type { ClickHouseClient } from '@flywheel/storage';
import { interactionTextSql } from './interaction-messages';
import { filterParams, selectedSql, type InteractionFilter } from './interactions';
import { requestOutcomesSql, signalsAroundSql } from './outcome';

/**
 * Every interaction the explorer's filter selects, newest first, as CSV written by the engine
 * (`CSVWithNames`, RFC 4180 quoting) and streamed: nothing is held in memory however many rows match.
 * Columns: request_id, time (ISO 8601 UTC), workload, model_version, user_id, outcome (as of asOf, the
 * list's rule), signals (kinds in time order, space-separated), latency_ms, output_tokens, prompt, response
 * (from the span, else from its events: `interactionTextSql`).
 */
export async function exportInteractionsCsv(
  client: ClickHouseClient,
  filter: InteractionFilter,
): Promise<Readable> {
  const selected = `SELECT f.request_id FROM interaction_facts AS f WHERE ${selectedSql(filter)}`;
  const outcomes = requestOutcomesSql({
    requests: `SELECT f.request_id AS request_id, f.time AS time FROM interaction_facts AS f WHERE ${selectedSql(filter)}`,
    signalFilter: signalsAroundSql({ from: "{from:DateTime64(6, 'UTC')}", to: "{to:DateTime64(6, 'UTC')}" }),
  });
  const { stream } = await client.exec({
    query: `
      SELECT
        f.request_id AS request_id,
        formatDateTime(f.time, '%Y-%m-%dT%H:%i:%S.%fZ', 'UTC') AS time,
        f.workload_id AS workload, f.model_version AS model_version, f.user_id AS user_id,
        if(o.outcome = '', 'unknown', o.outcome) AS outcome,
        arrayStringConcat(s.kinds, ' ') AS signals,
        f.latency_ms AS latency_ms, f.output_tokens AS output_tokens,
        t.prompt AS prompt, t.response AS response
      FROM (
        SELECT f.request_id AS request_id, f.time AS time, f.trace_id AS trace_id, f.span_id AS span_id,
          f.workload_id AS workload_id, f.model_version AS model_version, f.user_id AS user_id,
          f.latency_ms AS latency_ms, f.output_tokens AS output_tokens
        FROM interaction_facts AS f
        WHERE ${selectedSql(filter)}
        LIMIT 1 BY f.time, f.trace_id, f.span_id
      ) AS f
      LEFT JOIN (${outcomes}) AS o ON o.request_id = f.request_id
      LEFT JOIN (
        SELECT request_id, arrayMap(x -> x.2, arraySort(groupArray((time, kind)))) AS kinds
        FROM (
          SELECT request_id, signal_id, time, kind FROM signals
          WHERE project_id = {projectId:String} AND request_id IN (${selected})
          LIMIT 1 BY request_id, signal_id
        )
        GROUP BY request_id
      ) AS s ON s.request_id = f.request_id
      LEFT JOIN (
        SELECT trace_id, span_id, argMax(prompt, ingested_at) AS prompt, argMax(response, ingested_at) AS response
        FROM (${interactionTextSql({
          columns: 'ingested_at',
          where: `project_id = {projectId:String} AND request_id IN (${selected})
            AND time >= {from:DateTime64(6, 'UTC')} AND time < {to:DateTime64(6, 'UTC')}`,
        })})
        GROUP BY trace_id, span_id
      ) AS t ON t.trace_id = f.trace_id AND t.span_id = f.span_id
      ORDER BY f.time DESC, f.trace_id DESC, f.span_id DESC
      FORMAT CSVWithNames`,
    query_params: filterParams(filter),
  });
  return stream;
}
