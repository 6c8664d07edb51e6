import type { ClickHouseClient } from '@flywheel/storage';
import { interactionTextSql } from './interaction-messages';

/**
 * Rewrites the gold examples (migration 0010) of the given requests from their reviews as they stand
 * now: gold when every review passes every label (the answer is the response) or a reviewer wrote a
 * correction (the answer is their latest one); otherwise the example is withdrawn (`gold = false`).
 * Requests whose interaction is not stored are left alone.
 */
export async function refreshGoldExamples(
  client: ClickHouseClient,
  projectId: string,
  requestIds: readonly string[],
  now: string,
): Promise<void> {
  if (requestIds.length === 0) return;
  await client.command({
    query: `
      INSERT INTO gold_examples (project_id, workload_id, request_id, time, source, text, expected, gold, updated_at)
      SELECT {projectId:String}, i.i_workload, i.request_id, i.i_time,
        if(r.r_correction != '', 'correction', 'gold'),
        i.prompt, if(r.r_correction != '', r.r_correction, i.response),
        r.all_pass OR r.r_correction != '', {now:DateTime64(6, 'UTC')}
      FROM (
        SELECT request_id, min(passed) AS all_pass,
          argMaxIf(correction, (time, reviewer), correction != '') AS r_correction
        FROM reviews FINAL
        WHERE project_id = {projectId:String} AND request_id IN {ids:Array(String)}
        GROUP BY request_id
      ) AS r
      INNER JOIN (
        SELECT request_id, any(workload_id) AS i_workload, any(time) AS i_time, any(prompt) AS prompt,
          any(response) AS response
        FROM (${interactionTextSql({
          columns: 'request_id, workload_id, time',
          where: 'project_id = {projectId:String} AND request_id IN {ids:Array(String)}',
        })})
        GROUP BY request_id
      ) AS i ON i.request_id = r.request_id`,
    query_params: { projectId, ids: requestIds, now },
  });
}

/**
 * SQL: per request, the latest correction a reviewer wrote as of the time parameter named `asOf` (only
 * requests that have one). Datasets take it as the answer to learn, before a user's correction.
 */
export const reviewerCorrectionsSql = (asOf: 'asOf' | 'at') => `
  SELECT request_id, argMaxIf(correction, (time, reviewer), correction != '') AS reviewer_correction
  FROM reviews FINAL
  WHERE project_id = {projectId:String} AND time <= {${asOf}:DateTime64(6, 'UTC')}
  GROUP BY request_id
  HAVING reviewer_correction != ''`;

export interface SimilarParams {
  projectId: string;
  workload: string;
  text: string;
  k: number;
}

export interface SimilarExample {
  requestId: string;
  workload: string;
  /** Event time of the interaction, DateTime64 text. */
  time: string;
  source: 'gold' | 'correction';
  text: string;
  expected: string;
  similarity: number;
}

/**
 * SQL: the query's words as the gold table stores them (`tokens` of migration 0010): lower case, three
 * letters or more.
 */
const QUERY_TOKENS = `arrayDistinct(arrayFilter(t -> lengthUTF8(t) >= 3, tokens(lowerUTF8({text:String}))))`;

/**
 * The K gold examples of a workload most similar to a text, by the engine: candidates share at least
 * one word with it (the bloom filter on `tokens` skips granules that share none), and are ranked by the
 * mean of two lexical similarities — 1 − the 4-gram distance of the texts (spelling and word forms) and
 * the Jaccard index of their word sets (word order and length matter less). Ties go to the newest.
 */
export async function similarExamples(client: ClickHouseClient, p: SimilarParams): Promise<SimilarExample[]> {
  const result = await client.query({
    query: `
      WITH ${QUERY_TOKENS} AS q
      SELECT request_id AS requestId, workload_id AS workload, toString(time) AS time, source, text, expected,
        round((1 - ngramDistanceCaseInsensitiveUTF8(text, {text:String}))
          + length(arrayIntersect(tokens, q)) / greatest(1, length(arrayDistinct(arrayConcat(tokens, q)))), 6) / 2
          AS similarity
      FROM gold_examples FINAL
      WHERE project_id = {projectId:String} AND workload_id = {workload:String} AND gold
        AND (empty(q) OR hasAny(tokens, q))
      ORDER BY similarity DESC, time DESC, request_id
      LIMIT {k:UInt32}`,
    query_params: { projectId: p.projectId, workload: p.workload, text: p.text, k: p.k },
    format: 'JSONEachRow',
  });
  return result.json<SimilarExample>();
}
