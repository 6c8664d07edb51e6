import { insertJsonLines, type ClickHouseClient } from '@flywheel/storage';
import type { LabelTable } from './label-rows';

// Writers for what people and judges say about interactions, and for offline evals. Each table is a
// ReplacingMergeTree keyed so that a re-post replaces the earlier row (see storage migrations README).

/**
 * Inserts label rows already encoded as JSONEachRow (`encodeJsonLines` of label-rows.ts):
 * they are encoded where the body is parsed, off the event loop for large batches (api/src/batches).
 */
export async function insertLabelLines(
  client: ClickHouseClient,
  table: LabelTable,
  lines: Uint8Array,
): Promise<void> {
  await insertJsonLines(client, table, lines);
}

/** SQL: per request, its reviews as of `{asOf}`: reviewed, gold (every review passes every label), and
 * the accuracy verdict (every review passes accuracy; NULL when no review labels accuracy). */
export const REVIEWS_BY_REQUEST_SQL = `
  SELECT request_id, 1 AS reviewed, min(passed) AS gold,
    if(countIf(mapContains(labels, 'accuracy')) = 0, NULL, minIf(labels['accuracy'], mapContains(labels, 'accuracy'))) AS review_correct
  FROM reviews FINAL
  WHERE project_id = {projectId:String} AND time <= {asOf:DateTime64(6, 'UTC')}
  GROUP BY request_id`;
