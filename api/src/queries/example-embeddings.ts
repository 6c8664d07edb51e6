import { renderMigration, type ClickHouseClient, type Topology } from '@flywheel/storage';
import type { SimilarExample } from './gold-examples';

/** A gold example still waiting for its vector under the configured model. */
export interface PendingExample {
  projectId: string;
  workload: string;
  requestId: string;
  text: string;
}

/**
 * Gold examples (migration 0010) with a non-empty input and no vector under `model` yet (migration
 * 0012), oldest change first: those of the given requests, or of every project when none are given (the
 * catch-up pass). Withdrawn examples are not embedded; their vectors stay and are filtered at read time.
 */
export async function pendingEmbeddings(
  client: ClickHouseClient,
  p: { model: string; limit: number; projectId?: string; requestIds?: readonly string[] },
): Promise<PendingExample[]> {
  const result = await client.query({
    query: `
      SELECT project_id AS projectId, workload_id AS workload, request_id AS requestId, text
      FROM gold_examples FINAL
      WHERE gold AND text != ''
        AND (empty({projectId:String}) OR project_id = {projectId:String})
        AND (empty({ids:Array(String)}) OR request_id IN {ids:Array(String)})
        AND (project_id, workload_id, request_id) NOT IN (
          SELECT project_id, workload_id, request_id FROM gold_example_embeddings
          WHERE model = {model:String}
            AND (empty({projectId:String}) OR project_id = {projectId:String}))
      ORDER BY updated_at, project_id, request_id
      LIMIT {limit:UInt32}`,
    query_params: {
      model: p.model,
      limit: p.limit,
      projectId: p.projectId ?? '',
      ids: p.requestIds ?? [],
    },
    format: 'JSONEachRow',
  });
  return result.json<PendingExample>();
}

export interface EmbeddingRow {
  projectId: string;
  workload: string;
  requestId: string;
  model: string;
  vector: number[];
}

export async function insertEmbeddings(client: ClickHouseClient, rows: readonly EmbeddingRow[]) {
  if (rows.length === 0) return;
  await client.insert({
    table: 'gold_example_embeddings',
    values: rows.map((r) => ({
      project_id: r.projectId,
      workload_id: r.workload,
      request_id: r.requestId,
      model: r.model,
      dimensions: r.vector.length,
      vector: r.vector,
    })),
    format: 'JSONEachRow',
  });
}

/** The dimension the table's vector index (`vectors`) was declared with; null when it has none yet. */
export async function vectorIndexDimensions(
  client: ClickHouseClient,
  topology: Topology,
): Promise<number | null> {
  const result = await client.query({
    query: `
      SELECT type_full AS type FROM system.data_skipping_indices
      WHERE database = {db:String} AND table = {table:String} AND name = 'vectors'`,
    query_params: { db: topology.database, table: embeddingsTable(topology) },
    format: 'JSONEachRow',
  });
  const [row] = await result.json<{ type: string }>();
  const match = row ? /(\d+)\s*\)\s*$/.exec(row.type) : null;
  return match ? Number(match[1]) : null;
}

/**
 * Declares the HNSW vector index for `dimensions`, replacing one of another dimension: the rows of
 * other dimensions (an earlier model's) are deleted first, since the index refuses vectors of another
 * length, in inserts and in merges alike. Parts written before the index get it by `MATERIALIZE INDEX`.
 * One graph per granule (GRANULARITY 1), not one per part: the primary key narrows a search to the
 * workload's granules first and each of them offers its own nearest rows, so the project and workload
 * filter applied after the index still leaves K (with one graph per part, a 100,000-row table answered
 * 34 of 36 for one project: the part's nearest rows belonged to another).
 */
export async function declareVectorIndex(
  client: ClickHouseClient,
  topology: Topology,
  dimensions: number,
  previous: number | null,
): Promise<void> {
  for (const statement of vectorIndexStatements(topology, dimensions, previous))
    await client.command({ query: statement });
}

/** The DDL of `declareVectorIndex`, rendered for the topology like a migration. */
export function vectorIndexStatements(
  topology: Topology,
  dimensions: number,
  previous: number | null,
): string[] {
  if (!Number.isInteger(dimensions) || dimensions < 1) throw new Error(`invalid dimensions ${dimensions}`);
  const table = '${db}.gold_example_embeddings${local} ${on_cluster}';
  const statements = [
    ...(previous === null ? [] : [`ALTER TABLE ${table} DROP INDEX IF EXISTS vectors`]),
    `ALTER TABLE ${table} DELETE WHERE dimensions != ${dimensions} SETTINGS mutations_sync = 2`,
    `ALTER TABLE ${table} ADD INDEX IF NOT EXISTS vectors vector
       TYPE vector_similarity('hnsw', 'cosineDistance', ${dimensions}) GRANULARITY 1`,
    `ALTER TABLE ${table} MATERIALIZE INDEX vectors`,
  ];
  return renderMigration(statements.map((s) => `${s};\n`).join(''), topology);
}

/**
 * The `limit` vectors of a workload nearest a query vector by cosine distance, answered from the HNSW
 * index where parts have it (`ORDER BY cosineDistance(…) LIMIT n` is the shape the engine serves from
 * it), by an exact scan where they do not. Approximate: callers ask for more than they keep.
 */
export async function nearestEmbeddings(
  client: ClickHouseClient,
  p: { projectId: string; workload: string; model: string; vector: readonly number[]; limit: number },
): Promise<Array<{ requestId: string; distance: number }>> {
  const result = await client.query({
    query: `
      SELECT request_id AS requestId, cosineDistance(vector, {vector:Array(Float32)}) AS distance
      FROM gold_example_embeddings
      WHERE project_id = {projectId:String} AND workload_id = {workload:String} AND model = {model:String}
      ORDER BY distance
      LIMIT {limit:UInt32}`,
    query_params: { ...p, vector: [...p.vector] },
    format: 'JSONEachRow',
  });
  return (await result.json<{ requestId: string; distance: number }>()).map((r) => ({
    requestId: r.requestId,
    distance: Number(r.distance),
  }));
}

/**
 * The K nearest of the given requests that are gold examples of the workload now (a later failing
 * review withdraws one), with similarity = 1 − cosine distance; ties go to the newest.
 */
export async function goldExamplesByDistance(
  client: ClickHouseClient,
  p: {
    projectId: string;
    workload: string;
    nearest: ReadonlyArray<{ requestId: string; distance: number }>;
    k: number;
  },
): Promise<SimilarExample[]> {
  if (p.nearest.length === 0) return [];
  const result = await client.query({
    query: `
      SELECT request_id AS requestId, workload_id AS workload, toString(time) AS time, source, text, expected,
        round(greatest(0, least(1, 1 - d.distance)), 6) AS similarity
      FROM gold_examples FINAL
      INNER JOIN (
        SELECT tupleElement(pair, 1) AS request_id, min(tupleElement(pair, 2)) AS distance
        FROM (SELECT arrayJoin(arrayZip({ids:Array(String)}, {distances:Array(Float64)})) AS pair)
        GROUP BY request_id
      ) AS d USING request_id
      WHERE project_id = {projectId:String} AND workload_id = {workload:String} AND gold
        AND request_id IN {ids:Array(String)}
      ORDER BY similarity DESC, time DESC, requestId
      LIMIT {k:UInt32}`,
    query_params: {
      projectId: p.projectId,
      workload: p.workload,
      ids: p.nearest.map((n) => n.requestId),
      distances: p.nearest.map((n) => n.distance),
      k: p.k,
    },
    format: 'JSONEachRow',
  });
  return (await result.json<SimilarExample>()).map((r) => ({ ...r, similarity: Number(r.similarity) }));
}

/** Where the rows live: the table itself on one node, its `_local` table on every node of a cluster. */
const embeddingsTable = (topology: Topology) =>
  topology.cluster ? 'gold_example_embeddings_local' : 'gold_example_embeddings';
