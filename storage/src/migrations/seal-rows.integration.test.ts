import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStorage, type Storage } from '../client';
import { migrationFiles } from './files';
import { migrate } from './migrate';

// 0015 and 0016 add the per-interaction rows that sealed days are read from (gate verdicts, outcomes).
// Seals made before them have no such rows: each migration drops its seals so that the maintenance job
// seals those days again, instead of reads taking a sealed day's rows from an empty table. 0017 adds
// columns to the outcome rows, 0018 to the gate rows: each drops the seals and the rows written without them.

const cases = [
  {
    migration: '0015_gate_rows',
    seals: 'gate_seals',
    rows: 'gate_rows',
    key: { gate_key: 'k' },
    counts: 'daily_gate',
    count: { model_version: 'v', evaluated: 3, passed: 2 },
  },
  {
    migration: '0016_outcome_rows',
    seals: 'read_model_seals',
    rows: 'outcome_rows',
    key: { signal_window_seconds: 86_400 },
    counts: 'daily_outcomes',
    count: { model_version: 'v', interactions: 3, candidates: 2 },
  },
  {
    migration: '0017_outcome_rows_mix',
    seals: 'read_model_seals',
    rows: 'outcome_rows',
    key: { signal_window_seconds: 86_400 },
    counts: 'daily_outcomes',
    count: { model_version: 'v', interactions: 3, candidates: 2 },
    row: { time: '2026-01-01 01:00:00', request_id: 'r', outcome: 'success' },
  },
  {
    migration: '0018_gate_rows_features',
    seals: 'gate_seals',
    rows: 'gate_rows',
    key: { gate_key: 'k' },
    counts: 'daily_gate',
    count: { model_version: 'v', evaluated: 3, passed: 2 },
    row: { time: '2026-01-01 01:00:00', request_id: 'r', outcome: 'success', base_passed: true },
  },
];

// One data directory (one engine per process): the cases run in order, each migrating one step further.
const dir = mkdtempSync(join(tmpdir(), 'flywheel-seal-rows-'));
const upTo = (v: number) => migrationFiles().filter((f) => f.version <= v);
let storage: Storage;

beforeAll(async () => {
  storage = createStorage({ engine: 'embedded', dataDir: join(dir, 'data'), database: 'default' });
  await migrate(storage.client, storage.topology, upTo(14));
});

afterAll(async () => {
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(cases)('migration $migration', (c) => {
  const version = Number(c.migration.slice(0, 4));
  const count = async (table: string) => {
    const result = await storage.client.query({
      query: `SELECT count() AS n FROM ${table}`,
      format: 'JSONEachRow',
    });
    return Number((await result.json<{ n: string }>())[0]!.n);
  };
  const seal = (day: string, sealVersion: number) => ({
    project_id: 'p',
    ...c.key,
    day,
    seal_version: sealVersion,
    interaction_rows: 3,
    signal_rows: 2,
  });

  it('drops the seals made without per-interaction rows, and only those', async () => {
    await storage.client.insert({
      table: c.seals,
      values: [seal('2026-01-01', 1), seal('2026-01-02', 1)],
      format: 'JSONEachRow',
    });
    await storage.client.insert({
      table: c.counts,
      values: [
        { project_id: 'p', ...c.key, day: '2026-01-01', workload_id: 'w', seal_version: 1, ...c.count },
      ],
      format: 'JSONEachRow',
    });
    if (c.row)
      await storage.client.insert({
        table: c.rows,
        values: [
          { project_id: 'p', ...c.key, day: '2026-01-01', workload_id: 'w', seal_version: 1, ...c.row },
        ],
        format: 'JSONEachRow',
      });
    if (c.row) expect(await count(c.rows)).toBe(1);
    // An earlier case may have left seals and counts of its own in the same tables.
    expect(await count(c.seals)).toBeGreaterThanOrEqual(2);
    const counts = await count(c.counts);
    const result = await migrate(storage.client, storage.topology, upTo(version));
    expect(result.applied).toEqual([c.migration]);
    expect(await count(c.seals)).toBe(0);
    expect(await count(c.rows)).toBe(0);
    // The counts stay (no seal names their version, so no read uses them until a new seal replaces them).
    expect(await count(c.counts)).toBe(counts);
    // Applied once: a later start keeps the seals made since.
    await storage.client.insert({ table: c.seals, values: [seal('2026-01-01', 2)], format: 'JSONEachRow' });
    expect((await migrate(storage.client, storage.topology, upTo(version))).applied).toEqual([]);
    expect(await count(c.seals)).toBe(1);
  });
});
