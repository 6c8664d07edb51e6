import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRowWriter, IngestCounters, parseKeys } from '@flywheel/collector';
import { insertInteractions, insertSignals } from '@flywheel/storage';
import { openTempStorage } from '@flywheel/storage/testing';
import { createApiApp } from '../app';
import { interaction, signal } from '../fixtures/rows';
import { operationsOf, requestsFor, type HostileRequest, type Operation } from '../fuzz/openapi-requests';

// Property: whatever a client sends to any route of the contract, the answer is never a 5xx. The
// routes come from the OpenAPI document the app serves, so a new route is driven without editing this.

const SEED = 20261204;
/** Runs per operation: with about 30 operations, well under a minute on two shared cores. */
const RUNS = 50;

let env: Awaited<ReturnType<typeof openTempStorage>>;
let app: ReturnType<typeof createApiApp>;
let operations: Operation[];

async function send(request: HostileRequest): Promise<Response> {
  return app.request(request.url, {
    method: request.method,
    headers: request.headers,
    ...(request.body !== undefined ? { body: request.body } : {}),
  });
}

beforeAll(async () => {
  env = await openTempStorage();
  app = createApiApp({
    client: env.storage.client,
    keys: parseKeys(undefined),
    writer: createRowWriter(env.storage.client),
    counters: new IngestCounters(),
  });
  // A little history, so requests that pass validation reach queries with rows behind them.
  await insertInteractions(env.storage.client, [
    interaction('req-1', '2026-11-01T10:00:00Z'),
    interaction('req-2', '2026-11-02T10:00:00Z', { model_version: 'v2' }),
  ]);
  await insertSignals(env.storage.client, [signal('req-1', 'thumbs_up', '2026-11-01T10:05:00Z')]);
  const cycle = await app.request('/api/v1/cycles', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      id: 'cycle-1',
      workloadId: 'w',
      modelVersion: 'v2',
      parentVersion: 'v1',
      dataWindow: { from: '2026-10-01T00:00:00Z', to: '2026-10-20T00:00:00Z' },
    }),
  });
  expect(cycle.status).toBe(201);
  operations = operationsOf(await (await app.request('/api/openapi.json')).json());
});

afterAll(async () => {
  await env?.dispose();
});

describe('hostile input to every route of the contract', () => {
  it('covers every operation of the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThanOrEqual(25);
    const routes = operations.map((o) => `${o.method} ${o.path}`);
    for (const route of ['POST /api/v1/reviews', 'PUT /api/v1/gate/config', 'GET /api/v1/velocity'])
      expect(routes).toContain(route);
  });

  it('answers no request with a 5xx', async () => {
    const failures: string[] = [];
    for (const [index, operation] of operations.entries()) {
      const ids = ['req-1', 'cycle-1', 'a-1'];
      const result = await fc.check(
        fc.asyncProperty(requestsFor(operation, ids), async (request) => {
          const res = await send(request);
          if (res.status >= 500) throw new Error(`${res.status} ${await res.text()}`);
          await res.body?.cancel();
        }),
        {
          seed: SEED + index,
          numRuns: RUNS,
          endOnFailure: true,
        },
      );
      if (result.failed) {
        const request = String(JSON.stringify(result.counterexample?.[0])).slice(0, 600);
        failures.push(`${operation.method} ${operation.path}: ${String(result.errorInstance)}\n  ${request}`);
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
