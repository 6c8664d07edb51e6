import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { runFuzz, type FuzzTarget } from './run';

// The harness itself must notice what it is for: a 5xx, and a server that dies mid-run.

const DOCUMENT = {
  openapi: '3.1.0',
  paths: {
    '/api/v1/signals': {
      post: {
        requestBody: {
          content: {
            'application/json': { schema: { type: 'object', properties: { kind: { type: 'string' } } } },
          },
        },
      },
    },
    '/api/v1/things/{id}': {
      get: { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }] },
    },
  },
};

let server: Server | undefined;

async function serve(handle: (url: string) => number): Promise<FuzzTarget & { close(): void }> {
  let alive = true;
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.url === '/api/openapi.json') return void res.end(JSON.stringify(DOCUMENT));
      res.statusCode = handle(req.url ?? '');
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiUrl: url,
    otlpUrl: url,
    alive: () => alive,
    peakRssBytes: () => undefined,
    close() {
      alive = false;
      server!.closeAllConnections();
      server!.close();
    },
  };
}

afterEach(() => {
  server?.closeAllConnections();
  server?.close();
});

describe('runFuzz', () => {
  it('counts 5xx answers and keeps a reproducer of each', async () => {
    const target = await serve((url) => (url.startsWith('/api/v1/things/') ? 500 : 200));
    const report = await runFuzz(target, { bodies: 200, seed: 3, concurrency: 4 });
    expect(report.bodies).toBe(200);
    expect(report.serverErrors).toBeGreaterThan(0);
    expect(report.reproducers[0]).toMatchObject({ problem: '500 api', method: 'GET' });
    expect(report.crashed).toBe(false);
  });

  it('reports a crash when the server dies mid-run', async () => {
    let answered = 0;
    const target = await serve(() => {
      if (++answered === 50) setImmediate(() => target.close());
      return 200;
    });
    const report = await runFuzz(target, { bodies: 1000, seed: 3, concurrency: 4 });
    expect(report.crashed).toBe(true);
    expect(report.bodies).toBeLessThan(1000);
  });

  it('sends the same bodies for the same seed', async () => {
    const seen: string[][] = [[], []];
    for (const run of [0, 1]) {
      const target = await serve((url) => (url !== '/healthz' && seen[run]!.push(url), 200));
      await runFuzz(target, { bodies: 60, seed: 11, concurrency: 1 });
      target.close();
    }
    expect(seen[0]!.length).toBeGreaterThan(0);
    expect(seen[1]).toEqual(seen[0]);
  });
});
