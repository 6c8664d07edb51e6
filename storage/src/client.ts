import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createClient, type ClickHouseClient } from '@clickhouse/client';
import type { StorageConfig } from './config';
import { EmbeddedConnectionPool } from './connection-pool';
import { migrate, type MigrationResult, type Topology } from './migrations';
import { attachRawInsert } from './raw-insert';

type ClientOptions = NonNullable<Parameters<typeof createClient>[0]>;

export interface Storage {
  client: ClickHouseClient;
  config: StorageConfig;
  /** Database and cluster the migrations render for. */
  topology: Topology;
  /** Creates the database if needed and applies pending migrations. */
  migrate(): Promise<MigrationResult>;
  close(): Promise<void>;
}

/** The embedded engine has a single database that unqualified names resolve to. */
const EMBEDDED_DATABASE = 'default';

/**
 * One `@clickhouse/client` for either engine: chDB in-process (one data directory per process) or a
 * ClickHouse server over HTTP. Every query runs unchanged on both.
 */
export function createStorage(config: StorageConfig): Storage {
  if (config.engine === 'embedded') {
    const path = resolve(config.dataDir);
    mkdirSync(path, { recursive: true });
    // Per-query clickhouse_settings would stick to the chDB session for every later query, so none are
    // set here or anywhere else: dedup relies on ReplacingMergeTree, not insert_deduplication_token.
    // chdb types its connection against @clickhouse/client-common, which @clickhouse/client bundles as
    // its own copy; the shapes match at run time but not nominally, hence the cast.
    // Several connections on the one engine, so that a long read does not hold inserts and pings
    // (EmbeddedConnectionPool).
    const pool = new EmbeddedConnectionPool(path);
    const connection = pool as unknown as NonNullable<ClientOptions['connection']>;
    const client = createClient({ connection });
    attachRawInsert(client, (params) => pool.chdb.rawInsert(params));
    return {
      client,
      config,
      topology: { database: EMBEDDED_DATABASE },
      migrate: () => migrate(client, { database: EMBEDDED_DATABASE }),
      close: () => client.close(),
    };
  }
  const client = createClient({
    url: config.url,
    username: config.username,
    password: config.password,
    database: config.database,
    application: 'flywheel',
    // On a cluster, inserts go through Distributed tables; foreground inserts keep "2xx means committed".
    ...(config.cluster ? { clickhouse_settings: { distributed_foreground_insert: 1 } } : {}),
  });
  const topology = { database: config.database, ...(config.cluster ? { cluster: config.cluster } : {}) };
  return {
    client,
    config,
    topology,
    migrate: async () => {
      // The HTTP interface rejects a `database` that does not exist yet, so the migrations run on a
      // client without one; every statement names the database explicitly.
      const admin = createClient({ url: config.url, username: config.username, password: config.password });
      try {
        return await migrate(admin, topology);
      } finally {
        await admin.close();
      }
    },
    close: () => client.close(),
  };
}
