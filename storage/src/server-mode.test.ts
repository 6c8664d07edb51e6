import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStorage } from './client';
import { storageConfigFromEnv } from './config';
import { migrationFiles } from './migrations';

// No ClickHouse server runs here. This listener records what the HTTP client sends, so the server-mode
// path (configuration, credentials, database, rendered DDL) is checked on the wire; the statements
// themselves are parsed by the real engine in migrate.integration.test.ts.
interface Received {
  query: string;
  params: URLSearchParams;
  user: string | undefined;
}
let server: Server;
let url: string;
const received: Received[] = [];

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const params = new URL(req.url ?? '/', 'http://x').searchParams;
      const query = (params.get('query') ?? '') + body;
      received.push({ query, params, user: req.headers.authorization });
      res.setHeader('X-ClickHouse-Summary', '{}');
      res.end(query.includes('FROM') && query.includes('flywheel_migrations') ? '' : 'Ok.\n');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('server-mode configuration', () => {
  it('reads CLICKHOUSE_* and keeps the embedded default without them', () => {
    expect(storageConfigFromEnv({}, '/data')).toEqual({
      engine: 'embedded',
      dataDir: '/data',
      database: 'flywheel',
    });
    expect(
      storageConfigFromEnv(
        {
          CLICKHOUSE_URL: 'https://ch.example:8443',
          CLICKHOUSE_USER: 'fw',
          CLICKHOUSE_PASSWORD: 'pw',
          CLICKHOUSE_DATABASE: 'obs',
          CLICKHOUSE_CLUSTER: 'main',
        },
        '/data',
      ),
    ).toEqual({
      engine: 'server',
      url: 'https://ch.example:8443',
      username: 'fw',
      password: 'pw',
      database: 'obs',
      cluster: 'main',
    });
  });

  it.each([
    [{ CLICKHOUSE_URL: 'localhost' }, /^CLICKHOUSE_URL: /],
    [
      { CLICKHOUSE_URL: 'http://h:8123', CLICKHOUSE_DATABASE: 'a-b; DROP' },
      /^CLICKHOUSE_DATABASE: must be a plain identifier/,
    ],
    [{ CLICKHOUSE_CLUSTER: 'main' }, /CLICKHOUSE_CLUSTER needs CLICKHOUSE_URL/],
  ])('names the bad variable in %j', (env, message) => {
    expect(() => storageConfigFromEnv(env, '/data')).toThrow(message);
  });

  it('migrates a single server over HTTP with credentials, into the configured database', async () => {
    received.length = 0;
    const storage = createStorage({ engine: 'server', url, username: 'fw', password: 'pw', database: 'obs' });
    const result = await storage.migrate();
    expect(result.applied).toEqual(migrationFiles().map((f) => f.name));
    const queries = received.map((r) => r.query);
    expect(queries[0]).toBe('CREATE DATABASE IF NOT EXISTS obs');
    expect(queries.some((q) => q.startsWith('CREATE TABLE IF NOT EXISTS obs.interactions\n'))).toBe(true);
    expect(queries.join('\n')).not.toMatch(/ON CLUSTER|Replicated|Distributed/);
    const basic = `Basic ${Buffer.from('fw:pw').toString('base64')}`;
    expect(received.map((r) => r.user)).toEqual(received.map(() => basic));
    // Migrations name the database explicitly; the bootstrap client must not require it to exist.
    expect(received.every((r) => !r.params.has('database'))).toBe(true);

    received.length = 0;
    await storage.client.query({ query: 'SELECT 1', format: 'JSONEachRow' }).catch(() => {});
    expect(received[0]!.params.get('database')).toBe('obs');
    await storage.close();
  });

  it('migrates a cluster with ON CLUSTER, replicated local tables and Distributed tables', async () => {
    received.length = 0;
    const storage = createStorage({
      engine: 'server',
      url,
      username: 'fw',
      password: 'pw',
      database: 'obs',
      cluster: 'main',
    });
    await storage.migrate();
    const ddl = received.map((r) => r.query).join('\n');
    expect(ddl).toContain('CREATE DATABASE IF NOT EXISTS obs ON CLUSTER main');
    expect(ddl).toContain('CREATE TABLE IF NOT EXISTS obs.interactions_local ON CLUSTER main');
    expect(ddl).toContain('ENGINE = ReplicatedReplacingMergeTree');
    expect(ddl).toContain(
      "ENGINE = Distributed('main', obs, signals_local, cityHash64(project_id, request_id))",
    );
    // Inserts through Distributed tables are synchronous, so "2xx" still means committed.
    received.length = 0;
    await storage.client
      .insert({ table: 'signals', values: [{ a: 1 }], format: 'JSONEachRow' })
      .catch(() => {});
    expect(received[0]!.params.get('distributed_foreground_insert')).toBe('1');
    await storage.close();
  });
});
