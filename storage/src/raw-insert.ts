import type { ClickHouseClient } from '@clickhouse/client';

/**
 * chDB's insert of encoded rows as they are (`chdb.rawInsert`): the buffer goes to the engine's parser
 * without a copy, where `@clickhouse/client`'s insert first joins statement and data into one
 * JavaScript string on the event loop. Only the embedded engine has it.
 */
export type RawInsert = (params: {
  table: string;
  format: 'JSONEachRow';
  values: Uint8Array;
}) => Promise<unknown>;

// Keyed by the client createStorage hands out, so every caller keeps passing just the client; weak,
// so a closed storage's client is not kept alive by the entry.
const rawInserts = new WeakMap<ClickHouseClient, RawInsert>();

/** Called by createStorage for a client it built over the embedded engine. */
export function attachRawInsert(client: ClickHouseClient, insert: RawInsert): void {
  rawInserts.set(client, insert);
}

/** The engine's raw insert behind `client`, or undefined (a ClickHouse server over HTTP). */
export function rawInsertOf(client: ClickHouseClient): RawInsert | undefined {
  return rawInserts.get(client);
}
