import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStorage } from './client';
import { encodeJsonLines, insertJsonLines } from './insert-lines';
import { rawInsertOf } from './raw-insert';
import { openTempStorage } from './testing';

let env: Awaited<ReturnType<typeof openTempStorage>>;
beforeAll(async () => {
  env = await openTempStorage();
});
afterAll(() => env.dispose());

describe('the engine’s raw insert', () => {
  it('is attached to the client of an embedded storage, and to no client over HTTP', async () => {
    expect(rawInsertOf(env.storage.client)).toBeTypeOf('function');
    const server = createStorage({
      engine: 'server',
      url: 'http://127.0.0.1:1',
      username: 'default',
      password: '',
      database: 'd',
    });
    try {
      expect(rawInsertOf(server.client)).toBeUndefined();
    } finally {
      await server.close();
    }
  });

  it('takes encoded lines, and names the engine’s error when it refuses one', async () => {
    const { client } = env.storage;
    await client.command({
      query: 'CREATE TABLE raw_lines (id UInt32, at DateTime) ENGINE = MergeTree ORDER BY id',
    });
    const insert = rawInsertOf(client)!;
    const { bytes } = encodeJsonLines([
      { id: 1, at: '2026-01-01 00:00:00' },
      { id: 2, at: '2026-01-02 00:00:00' },
    ]);
    await insert({ table: 'raw_lines', format: 'JSONEachRow', values: bytes });
    const rows = await client.query({ query: 'SELECT count() AS n FROM raw_lines', format: 'JSONEachRow' });
    expect(await rows.json()).toEqual([{ n: 2 }]);
    const bad = encodeJsonLines([{ id: 3, at: 'not a time' }]).bytes;
    await expect(insertJsonLines(client, 'raw_lines' as never, bad)).rejects.toMatchObject({
      type: expect.stringMatching(/^CANNOT_PARSE/),
    });
  });
});
