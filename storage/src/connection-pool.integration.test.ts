import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@clickhouse/client';
import { afterAll, describe, expect, it } from 'vitest';
import { EmbeddedConnectionPool } from './connection-pool';

const dir = mkdtempSync(join(tmpdir(), 'flywheel-pool-'));
const pool = new EmbeddedConnectionPool(dir, 3);
// The same cast as createStorage: chdb types against its own copy of the client's connection contract.
const client = createClient({ connection: pool as never });
afterAll(async () => {
  await client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('EmbeddedConnectionPool', () => {
  it('answers a ping while a long statement runs, which one chDB connection cannot', async () => {
    const finished: string[] = [];
    const slow = client
      .query({ query: 'SELECT sleep(2) AS s', format: 'JSONEachRow' })
      .then(() => finished.push('slow'));
    await new Promise((r) => setTimeout(r, 100));
    expect(pool.load.reduce((a, b) => a + b, 0)).toBe(1);
    expect((await client.ping()).success).toBe(true);
    finished.push('ping');
    await slow;
    expect(finished).toEqual(['ping', 'slow']);
    expect(pool.load).toEqual([0, 0, 0]);
  });

  it('shows rows inserted through one connection to reads on the others', async () => {
    await client.command({ query: 'CREATE TABLE t (n UInt32) ENGINE = MergeTree ORDER BY n' });
    const lines = new TextEncoder().encode('{"n":1}\n{"n":2}\n{"n":3}\n');
    await Promise.all([
      pool.chdb.rawInsert({ table: 't', format: 'JSONEachRow', values: lines }),
      client.query({ query: 'SELECT sleep(1)' }).then((r) => r.text()),
    ]);
    const counts = await Promise.all(
      [0, 1, 2].map(async () => {
        const r = await client.query({ query: 'SELECT count() AS c FROM t', format: 'JSONEachRow' });
        return Number((await r.json<{ c: number | string }>())[0]!.c);
      }),
    );
    expect(counts).toEqual([3, 3, 3]);
  });

  it('refuses a size that is not a positive integer', () => {
    expect(() => new EmbeddedConnectionPool(dir, 0)).toThrow(/connections: must be a positive integer/);
  });
});
