import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStorage, type Storage } from '../client';
import { migrationFiles } from './files';
import { migrate } from './migrate';

// 0015 adds the per-interaction gate verdicts that sealed days are read from. Gate seals made before it
// have no such rows: the migration drops them so that the maintenance job seals those days again,
// instead of reads taking a sealed day's verdicts from an empty table.

const dir = mkdtempSync(join(tmpdir(), 'flywheel-gate-rows-'));
let storage: Storage;

const count = async (table: string) => {
  const result = await storage.client.query({
    query: `SELECT count() AS n FROM ${table}`,
    format: 'JSONEachRow',
  });
  return Number((await result.json<{ n: string }>())[0]!.n);
};

beforeAll(async () => {
  storage = createStorage({ engine: 'embedded', dataDir: join(dir, 'data'), database: 'default' });
  await migrate(
    storage.client,
    storage.topology,
    migrationFiles().filter((f) => f.version <= 14),
  );
  const seal = { project_id: 'p', gate_key: 'k', seal_version: 1, interaction_rows: 3, signal_rows: 2 };
  await storage.client.insert({
    table: 'gate_seals',
    values: [
      { ...seal, day: '2026-01-01' },
      { ...seal, day: '2026-01-02' },
    ],
    format: 'JSONEachRow',
  });
  await storage.client.insert({
    table: 'daily_gate',
    values: [
      {
        project_id: 'p',
        gate_key: 'k',
        day: '2026-01-01',
        workload_id: 'w',
        model_version: 'v',
        seal_version: 1,
        evaluated: 3,
        passed: 2,
      },
    ],
    format: 'JSONEachRow',
  });
});

afterAll(async () => {
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('migration 0015: gate_rows', () => {
  it('drops the gate seals made without per-interaction rows, and only those', async () => {
    expect(await count('gate_seals')).toBe(2);
    const result = await migrate(storage.client, storage.topology);
    expect(result.applied).toEqual(['0015_gate_rows']);
    expect(await count('gate_seals')).toBe(0);
    expect(await count('gate_rows')).toBe(0);
    // The counts stay (no seal names their version, so no read uses them until a new seal replaces them).
    expect(await count('daily_gate')).toBe(1);
    // Applied once: a later start keeps the seals made since.
    await storage.client.insert({
      table: 'gate_seals',
      values: [
        {
          project_id: 'p',
          gate_key: 'k',
          day: '2026-01-01',
          seal_version: 2,
          interaction_rows: 3,
          signal_rows: 2,
        },
      ],
      format: 'JSONEachRow',
    });
    expect((await migrate(storage.client, storage.topology)).applied).toEqual([]);
    expect(await count('gate_seals')).toBe(1);
  });
});
