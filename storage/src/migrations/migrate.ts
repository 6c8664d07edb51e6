import type { ClickHouseClient } from '@clickhouse/client';
import { migrationFiles, type MigrationFile } from './files';
import { renderMigration, type Topology } from './render';

export interface MigrationResult {
  applied: string[];
  alreadyApplied: string[];
}

/**
 * Applies every migration not yet recorded in `flywheel_migrations`, in order, each exactly once.
 * Statements are idempotent (`IF NOT EXISTS`), so two processes racing at start-up converge.
 */
export async function migrate(
  client: ClickHouseClient,
  topology: Topology,
  files: MigrationFile[] = migrationFiles(),
): Promise<MigrationResult> {
  for (const statement of bootstrapStatements(topology)) await client.command({ query: statement });
  const done = await appliedVersions(client, topology);
  const result: MigrationResult = { applied: [], alreadyApplied: [] };
  for (const file of files) {
    if (done.has(file.version)) {
      result.alreadyApplied.push(file.name);
      continue;
    }
    for (const statement of renderMigration(file.sql, topology)) {
      try {
        await client.command({ query: statement });
      } catch (error) {
        throw new Error(`migration ${file.name} failed: ${(error as Error).message}`, { cause: error });
      }
    }
    await client.insert({
      table: `${topology.database}.flywheel_migrations`,
      values: [{ version: file.version, name: file.name }],
      format: 'JSONEachRow',
    });
    result.applied.push(file.name);
  }
  return result;
}

/** The statements that create the database and the migrations ledger, rendered for a topology. */
export function bootstrapStatements(topology: Topology): string[] {
  const onCluster = topology.cluster ? ` ON CLUSTER ${topology.cluster}` : '';
  const engine = topology.cluster
    ? `ReplicatedMergeTree('/clickhouse/flywheel/${topology.database}/flywheel_migrations', '{replica}')`
    : 'MergeTree';
  return [
    `CREATE DATABASE IF NOT EXISTS ${topology.database}${onCluster}`,
    `CREATE TABLE IF NOT EXISTS ${topology.database}.flywheel_migrations${onCluster}
(version UInt32, name String, applied_at DateTime64(3, 'UTC') DEFAULT now64(3))
ENGINE = ${engine} ORDER BY version`,
  ];
}

async function appliedVersions(client: ClickHouseClient, topology: Topology): Promise<Set<number>> {
  const result = await client.query({
    query: `SELECT DISTINCT version FROM ${topology.database}.flywheel_migrations`,
    format: 'JSONEachRow',
  });
  const rows = await result.json<{ version: number }>();
  return new Set(rows.map((row) => Number(row.version)));
}
