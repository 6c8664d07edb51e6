import type { ClickHouseClient } from '@flywheel/storage';
import { interactionTextSql } from './interaction-messages';
import type { VersionsWindow } from './version-profile';

export interface ResponseSample {
  requestId: string;
  /** DateTime64 text. */
  time: string;
  prompt: string;
  response: string;
  latencyMs: number;
  responseWords: number;
}

export interface SimilarPair {
  similarity: number;
  baseline: ResponseSample;
  candidate: ResponseSample;
}

/** How many of each version's newest interactions are paired: 200 × 200 prompt comparisons at most. */
const POOL = 200;

// SQL: one version's newest POOL interactions of the window, with their text (the span's, else its
// events'), read for these rows only.
const poolSql = (version: string) => `
  SELECT request_id, toString(any(time)) AS event_time, argMax(prompt, ingested_at) AS prompt,
    argMax(response, ingested_at) AS response, any(latency_ms) AS latency_ms,
    any(response_words) AS response_words
  FROM (${interactionTextSql({
    columns: 'request_id, time, latency_ms, response_words, ingested_at',
    where: `project_id = {projectId:String} AND workload_id = {workload:String}
      AND model_version = {${version}:String}
      AND time >= {from:DateTime64(6, 'UTC')} AND time < {to:DateTime64(6, 'UTC')}
      AND request_id IN (
        SELECT request_id FROM interaction_facts
        WHERE project_id = {projectId:String} AND workload_id = {workload:String}
          AND model_version = {${version}:String}
          AND time >= {from:DateTime64(6, 'UTC')} AND time < {to:DateTime64(6, 'UTC')}
        ORDER BY time DESC LIMIT {pool:UInt32})`,
  })})
  GROUP BY request_id`;

/**
 * Responses of two versions to similar prompts, paired by the engine: every prompt of the baseline's
 * pool against every prompt of the candidate's, similarity 1 − the case-insensitive 4-gram distance of
 * the prompts; each baseline response keeps its best match, each candidate response is used once, the
 * most similar pairs first.
 */
export async function similarResponsePairs(
  client: ClickHouseClient,
  w: VersionsWindow & { baseline: string; candidate: string; limit: number },
): Promise<SimilarPair[]> {
  if (w.limit === 0) return [];
  const result = await client.query({
    query: `
      SELECT * FROM (
        SELECT round(1 - ngramDistanceCaseInsensitiveUTF8(a.prompt, b.prompt), 4) AS similarity,
          a.request_id AS a_id, a.event_time AS a_time, a.prompt AS a_prompt, a.response AS a_response,
          a.latency_ms AS a_latency, a.response_words AS a_words,
          b.request_id AS b_id, b.event_time AS b_time, b.prompt AS b_prompt, b.response AS b_response,
          b.latency_ms AS b_latency, b.response_words AS b_words
        FROM (${poolSql('baseline')}) AS a
        CROSS JOIN (${poolSql('candidate')}) AS b
        ORDER BY similarity DESC, a_id, b_id
        LIMIT 1 BY a_id
      )
      ORDER BY similarity DESC, a_id
      LIMIT 1 BY b_id
      LIMIT {limit:UInt32}`,
    query_params: {
      projectId: w.projectId,
      workload: w.workload,
      baseline: w.baseline,
      candidate: w.candidate,
      from: w.from,
      to: w.to,
      pool: POOL,
      limit: w.limit,
    },
    format: 'JSONEachRow',
  });
  type Row = Record<`${'a' | 'b'}_${'id' | 'time' | 'prompt' | 'response'}`, string> &
    Record<`${'a' | 'b'}_${'latency' | 'words'}`, number> & { similarity: number };
  const rows = await result.json<Row>();
  const side = (r: Row, s: 'a' | 'b'): ResponseSample => ({
    requestId: r[`${s}_id`],
    time: r[`${s}_time`],
    prompt: r[`${s}_prompt`],
    response: r[`${s}_response`],
    latencyMs: Number(r[`${s}_latency`]),
    responseWords: Number(r[`${s}_words`]),
  });
  return rows.map((r) => ({
    similarity: Number(r.similarity),
    baseline: side(r, 'a'),
    candidate: side(r, 'b'),
  }));
}
