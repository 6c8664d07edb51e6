import type { ClickHouseClient } from '@flywheel/storage';
import { interactionTextSql } from './interaction-messages';
import { filterParams, selectedSql, type InteractionFilter, type InteractionKey } from './interactions';
import { requestOutcomesSql, signalsAroundSql } from './outcome';

/**
 * The two queries of the interactions CSV export, which is read in pages of its order (newest first:
 * time, trace id, span id, all descending) so that no single result of the embedded engine is large:
 * the engine hands a query's whole result over on the main thread when the query completes, and the cost
 * of that follows the result's size (docs/benchmarks.md, `/healthz` during one large request).
 */

/** A row's place in the export's order. */
export type ExportKey = Omit<InteractionKey, 'requestId' | 'workloadId'>;

/** The rows of one page: strictly after `below` (none: from the newest) down to `atLeast`, included. */
export interface ExportPageBounds {
  below: ExportKey | null;
  atLeast: ExportKey | null;
}

const KEY = '(f.time, f.trace_id, f.span_id)';
const BELOW = "({belowTime:DateTime64(6, 'UTC')}, {belowTrace:String}, {belowSpan:String})";
const AT_LEAST = "({atLeastTime:DateTime64(6, 'UTC')}, {atLeastTrace:String}, {atLeastSpan:String})";
const NO_KEY: ExportKey = { time: '1970-01-01 00:00:00.000000', traceId: '', spanId: '' };

/** SQL over `f.*`: the filter's rows within the bounds. Params: those of `boundParams`. */
function boundedSql(filter: InteractionFilter, bounds: ExportPageBounds): string {
  return `${selectedSql(filter)}
        ${bounds.below ? `AND ${KEY} < ${BELOW}` : ''}
        ${bounds.atLeast ? `AND ${KEY} >= ${AT_LEAST}` : ''}`;
}

function boundParams(bounds: ExportPageBounds): Record<string, string> {
  const below = bounds.below ?? NO_KEY;
  const atLeast = bounds.atLeast ?? NO_KEY;
  return {
    belowTime: below.time,
    belowTrace: below.traceId,
    belowSpan: below.spanId,
    atLeastTime: atLeast.time,
    atLeastTrace: atLeast.traceId,
    atLeastSpan: atLeast.spanId,
  };
}

/** Where the next page ends, how many rows it holds, and whether it is the export's last. */
export interface ExportPageEnd {
  end: ExportKey;
  rows: number;
  last: boolean;
}

/**
 * The end of the page that follows `below`: at most `rows` rows, and no more than fit in `bytes` by the
 * estimate below, but always one (so a huge row is a page of its own). Null when no row follows `below`. Read from the narrow `interaction_facts` alone, deduplicated
 * as the export is; `last` when every remaining row is in the page.
 *
 * Why the ends are read first rather than taken from the last line of a page read with a LIMIT: a page
 * bounded by two keys is exact without parsing any CSV, and the byte estimate keeps large prompts out of
 * a page before it is read, which a row count alone learns only after reading one. The estimate is the
 * prompt's characters plus six bytes a response word (the facts carry no response size, nor the size of
 * messages that came as events); the exporter corrects for what it misses by the bytes it reads.
 */
export async function exportPageEnd(
  client: ClickHouseClient,
  filter: InteractionFilter,
  page: { below: ExportKey | null; rows: number; bytes: number },
): Promise<ExportPageEnd | null> {
  const bounds = { below: page.below, atLeast: null };
  const result = await client.query({
    query: `
      SELECT toString(time) AS time, trace_id AS traceId, span_id AS spanId, toUInt32(taken) AS rows,
        taken = read AND read < {rows:UInt32} AS last
      FROM (
        SELECT time, trace_id, span_id,
          sum(size) OVER w AS running,
          row_number() OVER w AS taken,
          count() OVER () AS read
        FROM (
          SELECT f.time AS time, f.trace_id AS trace_id, f.span_id AS span_id,
            toUInt64(f.prompt_chars) + 6 * toUInt64(f.response_words) AS size
          FROM interaction_facts AS f
          WHERE ${boundedSql(filter, bounds)}
          ORDER BY f.time DESC, f.trace_id DESC, f.span_id DESC
          LIMIT 1 BY f.time, f.trace_id, f.span_id
          LIMIT {rows:UInt32}
        )
        WINDOW w AS (ORDER BY time DESC, trace_id DESC, span_id DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
      )
      WHERE taken = 1 OR running <= {bytes:UInt64}
      ORDER BY time ASC, trace_id ASC, span_id ASC
      LIMIT 1`,
    query_params: { ...filterParams(filter), ...boundParams(bounds), rows: page.rows, bytes: page.bytes },
    format: 'JSONEachRow',
  });
  const [row] = await result.json<ExportKey & { rows: number; last: number | boolean }>();
  return row
    ? {
        end: { time: row.time, traceId: row.traceId, spanId: row.spanId },
        rows: row.rows,
        last: Boolean(row.last),
      }
    : null;
}

/**
 * One page of the export as CSV written by the engine (RFC 4180 quoting), with the header line when
 * `header` (CSVWithNames and CSV quote alike, so the pages concatenate to what one query would write).
 * `empty`: no rows, for the header of an export with none.
 * Columns: request_id, time (ISO 8601 UTC), workload, model_version, user_id, outcome (as of asOf, the
 * list's rule), signals (kinds in time order, space-separated), latency_ms, output_tokens, prompt, response
 * (from the span, else from its events: `interactionTextSql`).
 *
 * Outcomes, signals and text are read for the page's requests only: each is per request (outcomes over
 * every row of the request the filter selects, as before) or per span, so narrowing them to the page's
 * requests changes no row of the page.
 */
export async function exportPageCsv(
  client: ClickHouseClient,
  filter: InteractionFilter,
  page: ExportPageBounds & { header: boolean; empty?: boolean },
): Promise<Buffer> {
  const inPage = `SELECT f.request_id FROM interaction_facts AS f WHERE ${boundedSql(filter, page)}`;
  const outcomes = requestOutcomesSql({
    requests: `SELECT f.request_id AS request_id, f.time AS time FROM interaction_facts AS f
      WHERE ${selectedSql(filter)} AND f.request_id IN (${inPage})`,
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
        WHERE ${boundedSql(filter, page)}
        LIMIT 1 BY f.time, f.trace_id, f.span_id
      ) AS f
      LEFT JOIN (${outcomes}) AS o ON o.request_id = f.request_id
      LEFT JOIN (
        SELECT request_id, arrayMap(x -> x.2, arraySort(groupArray((time, kind)))) AS kinds
        FROM (
          SELECT request_id, signal_id, time, kind FROM signals
          WHERE project_id = {projectId:String} AND request_id IN (${inPage})
          LIMIT 1 BY request_id, signal_id
        )
        GROUP BY request_id
      ) AS s ON s.request_id = f.request_id
      LEFT JOIN (
        SELECT trace_id, span_id, argMax(prompt, ingested_at) AS prompt, argMax(response, ingested_at) AS response
        FROM (${interactionTextSql({
          columns: 'ingested_at',
          where: `project_id = {projectId:String} AND request_id IN (${inPage})
            AND time >= {from:DateTime64(6, 'UTC')} AND time < {to:DateTime64(6, 'UTC')}`,
        })})
        GROUP BY trace_id, span_id
      ) AS t ON t.trace_id = f.trace_id AND t.span_id = f.span_id
      ORDER BY f.time DESC, f.trace_id DESC, f.span_id DESC
      ${page.empty ? 'LIMIT 0' : ''}
      FORMAT ${page.header ? 'CSVWithNames' : 'CSV'}`,
    query_params: { ...filterParams(filter), ...boundParams(page) },
  });
  // The embedded engine hands the result over as one buffer; a server over HTTP in several.
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}
