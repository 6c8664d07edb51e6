import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempStorage } from '../testing';
import { bootstrapStatements, migrate } from './migrate';
import { migrationFiles } from './files';
import { renderMigration } from './render';

let env: Awaited<ReturnType<typeof openTempStorage>>;
beforeAll(async () => {
  env = await openTempStorage();
});
afterAll(() => env.dispose());

async function rows<T>(query: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const result = await env.storage.client.query({ query, query_params: params, format: 'JSONEachRow' });
  return result.json<T>();
}

describe('migrations on the embedded engine', () => {
  it('created every table and recorded every file once', async () => {
    const tables = await rows<{ name: string }>(
      "SELECT name FROM system.tables WHERE database = 'default' ORDER BY name",
    );
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['flywheel_migrations', 'interactions', 'signals']),
    );
    const recorded = await rows<{ name: string }>('SELECT name FROM flywheel_migrations ORDER BY version');
    expect(recorded.map((r) => r.name)).toEqual(migrationFiles().map((f) => f.name));
  });

  it('applies nothing the second time', async () => {
    const again = await migrate(env.storage.client, env.storage.topology);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toHaveLength(migrationFiles().length);
    const [count] = await rows<{ c: string }>('SELECT count() AS c FROM flywheel_migrations');
    expect(Number(count!.c)).toBe(migrationFiles().length);
  });

  it('names the failing migration when a statement is invalid', async () => {
    const broken = [
      { version: 999, name: '0999_broken', sql: 'CREATE TABLE ${db}.broken (a UInt8) ENGINE = Nope;' },
    ];
    await expect(migrate(env.storage.client, env.storage.topology, broken)).rejects.toThrow(
      /migration 0999_broken failed/,
    );
  });
});

describe('clustered migrations are valid ClickHouse SQL', () => {
  // No cluster runs here: the engine's own parser (formatQuery) checks every clustered statement.
  const topology = { database: 'flywheel', cluster: 'flywheel_cluster' };
  const statements = [
    ...bootstrapStatements(topology),
    ...migrationFiles().flatMap((file) => renderMigration(file.sql, topology)),
  ];

  it.each(statements.map((s) => [s.split('\n')[0]!, s]))('%s', async (_title, statement) => {
    const [formatted] = await rows<{ f: string }>('SELECT formatQuery({q:String}) AS f', { q: statement });
    // DDL runs on every node; a one-off copy of existing rows (0007) goes through the Distributed tables.
    expect(formatted!.f).toMatch(
      /^INSERT/.test(statement) ? /^INSERT INTO flywheel\.\w+ SELECT/ : /ON CLUSTER flywheel_cluster/,
    );
  });

  it('rejects invalid SQL, so the check above can fail', async () => {
    await expect(
      rows('SELECT formatQuery({q:String})', { q: 'CREATE TABLE x ON CLUSTER c (' }),
    ).rejects.toThrow();
  });
});
