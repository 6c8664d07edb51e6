import { Readable } from 'node:stream';
import type { ClickHouseClient } from '@clickhouse/client';
import { rawInsertOf } from './raw-insert';

/** Tables written from rows encoded as JSONEachRow: the collector's, and the API's labels and evals. */
export type IngestTable =
  'interactions' | 'signals' | 'pipeline_nodes' | 'interaction_messages' | 'judgments' | 'reviews' | 'evals';

/**
 * Inserts rows already encoded as JSONEachRow (one JSON object per line). The collector's workers
 * encode rows where they are built, so the thread that holds the engine only hands bytes over.
 * Either engine; errors carry the engine's error name in `type`, as the client's own errors do.
 */
export async function insertJsonLines(
  client: ClickHouseClient,
  table: IngestTable,
  lines: Uint8Array,
): Promise<void> {
  if (lines.byteLength === 0) return;
  // The embedded engine takes the bytes as they are (raw-insert.ts); over HTTP they stream below.
  const rawInsert = rawInsertOf(client);
  if (rawInsert) {
    try {
      await rawInsert({ table, format: 'JSONEachRow', values: lines });
    } catch (error) {
      throw withErrorType(error);
    }
    return;
  }
  // Over HTTP the bytes are the request body as they are; `insert` would want objects to encode.
  const result = await client.exec({
    query: `INSERT INTO ${table} FORMAT JSONEachRow`,
    values: Readable.from([lines], { objectMode: false }),
  });
  result.stream.destroy();
}

/**
 * chDB's raw insert reports the engine's error name only at the end of its message
 * (`… (CANNOT_PARSE_DATETIME)`); classifyInsertError reads it from `type`.
 */
function withErrorType(error: unknown): unknown {
  if (!(error instanceof Error) || typeof (error as { type?: unknown }).type === 'string') return error;
  const name = /\(([A-Z][A-Z0-9_]+)\)\s*$/.exec(error.message.trim())?.[1];
  return name ? Object.assign(error, { type: name }) : error;
}

/**
 * JSONEachRow bytes of rows, one line each, and where each line ends. The bytes own their memory
 * (never a slice of Node's shared buffer pool), so a worker thread can transfer them without a copy.
 */
export function encodeJsonLines(rows: readonly object[]): { bytes: Uint8Array; ends: number[] } {
  const lines = rows.map((row) => `${JSON.stringify(row)}\n`);
  const ends: number[] = [];
  let size = 0;
  for (const line of lines) ends.push((size += Buffer.byteLength(line)));
  const bytes = Buffer.allocUnsafeSlow(size);
  let at = 0;
  for (const line of lines) at += bytes.write(line, at);
  return { bytes, ends };
}
