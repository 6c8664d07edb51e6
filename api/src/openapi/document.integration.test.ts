import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRowWriter, IngestCounters, parseKeys } from '@flywheel/collector';
import { openTempStorage } from '@flywheel/storage/testing';
import { createApiApp } from '../app';
import { DOCS_ASSETS } from '../routes/openapi';
import { DOCS_HTML, DOCS_JS } from './docs-page';
import { openApiDocument } from './document';

type Operation = {
  operationId: string;
  tags: string[];
  security?: unknown[];
  parameters?: Array<{ name: string; in: string; required: boolean; schema: Record<string, unknown> }>;
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>;
};
type Doc = { openapi: string; paths: Record<string, Record<string, Operation>> };

let env: Awaited<ReturnType<typeof openTempStorage>>;
let app: ReturnType<typeof createApiApp>;
beforeAll(async () => {
  env = await openTempStorage();
  app = createApiApp({
    client: env.storage.client,
    keys: parseKeys(''),
    writer: createRowWriter(env.storage.client),
    counters: new IngestCounters(),
  });
});
afterAll(() => env.dispose());

/** Served but not endpoints of the API: the dashboard's files and the reference page's own assets. */
const NOT_ENDPOINTS = ['GET /*', ...DOCS_ASSETS.map((path) => `GET ${path}`)];

/** `METHOD /path/{param}` of every route the app answers; middleware (`ALL`) is not a route. */
function served(a: { routes: Array<{ method: string; path: string }> }): string[] {
  const routes = a.routes
    .filter((r) => r.method !== 'ALL')
    .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`)
    .filter((r) => !NOT_ENDPOINTS.includes(r));
  return [...new Set(routes)].sort();
}

function documented(doc: Doc): string[] {
  return Object.entries(doc.paths)
    .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`))
    .sort();
}

const operations = (doc: Doc) =>
  Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  );

describe('openApiDocument', () => {
  it('documents exactly the routes the app serves', () => {
    const doc = openApiDocument(app) as Doc;
    expect(documented(doc)).toEqual(served(app));
    expect(documented(doc)).toEqual([
      'GET /api/docs',
      'GET /api/openapi.json',
      'GET /api/v1/alarms',
      'GET /api/v1/alarms/{id}',
      'GET /api/v1/alarms/{id}/deliveries',
      'GET /api/v1/alerts/config',
      'GET /api/v1/checks/drift',
      'GET /api/v1/checks/latency-bias',
      'GET /api/v1/checks/survivorship',
      'GET /api/v1/checks/sycophancy',
      'GET /api/v1/compare',
      'GET /api/v1/cycles',
      'GET /api/v1/cycles/{id}',
      'GET /api/v1/datasets',
      'GET /api/v1/datasets/{id}',
      'GET /api/v1/datasets/{id}/export',
      'GET /api/v1/examples/similar',
      'GET /api/v1/gate',
      'GET /api/v1/gate/config',
      'GET /api/v1/golden-sets',
      'GET /api/v1/golden-sets/{id}',
      'GET /api/v1/interactions',
      'GET /api/v1/interactions/export',
      'GET /api/v1/interactions/{requestId}',
      'GET /api/v1/meta',
      'GET /api/v1/review-queue',
      'GET /api/v1/reviews/agreement',
      'GET /api/v1/signal-mix',
      'GET /api/v1/traces/{traceId}',
      'GET /api/v1/velocity',
      'GET /healthz',
      'PATCH /api/v1/cycles/{id}',
      'POST /api/v1/alarms/evaluate',
      'POST /api/v1/alerts/test',
      'POST /api/v1/cycles',
      'POST /api/v1/cycles/{id}/snapshot',
      'POST /api/v1/datasets',
      'POST /api/v1/evals',
      'POST /api/v1/golden-sets',
      'POST /api/v1/judgments',
      'POST /api/v1/review-queue/claim',
      'POST /api/v1/reviews',
      'POST /api/v1/signals',
      'PUT /api/v1/alerts/config',
      'PUT /api/v1/gate/config',
    ]);
  });

  it('notices a route added outside the contract', () => {
    const extra = createApiApp({
      client: env.storage.client,
      keys: parseKeys(''),
      writer: createRowWriter(env.storage.client),
      counters: new IngestCounters(),
    });
    extra.get('/api/v1/undocumented', (c) => c.json({}));
    const doc = openApiDocument(extra) as Doc;
    expect(served(extra)).toContain('GET /api/v1/undocumented');
    expect(documented(doc)).not.toContain('GET /api/v1/undocumented');
  });

  it('is OpenAPI 3.1 with one operation id each, errors described, the public routes open', () => {
    const doc = openApiDocument(app) as Doc;
    expect(doc.openapi).toBe('3.1.0');
    const ops = operations(doc);
    expect(new Set(ops.map((o) => o.op.operationId)).size).toBe(ops.length);
    for (const { path, op } of ops) {
      expect(op.tags).toHaveLength(1);
      if (path.startsWith('/api/v1/')) {
        expect(op.responses).toHaveProperty('400');
        expect(op.responses).toHaveProperty('401');
        expect(op.security).toBeUndefined();
      } else expect(op.security).toEqual([]);
    }
  });

  it('describes parameters, bodies and responses from the validating schemas', () => {
    const doc = openApiDocument(app) as Doc;
    const velocity = doc.paths['/api/v1/velocity']!.get!;
    expect(velocity.parameters!.find((p) => p.name === 'bucket')).toMatchObject({
      in: 'query',
      required: false,
      schema: { enum: ['day', 'week'], default: 'day' },
    });
    expect(velocity.parameters!.map((p) => p.name)).toEqual([
      'workload',
      'from',
      'to',
      'asOf',
      'bucket',
      'W',
    ]);
    const patch = doc.paths['/api/v1/cycles/{id}']!.patch!;
    expect(patch.parameters![0]).toMatchObject({ name: 'id', in: 'path', required: true });
    expect(patch.requestBody!.content['application/json']!.schema).toMatchObject({
      properties: { status: { enum: expect.arrayContaining(['deployed']) } },
    });
    const signals = doc.paths['/api/v1/signals']!.post!.requestBody!.content['application/json']!.schema;
    expect(signals.anyOf).toHaveLength(3);
    const gate = doc.paths['/api/v1/gate']!.get!.responses['200']!.content!['application/json']!.schema;
    expect(JSON.stringify(gate)).toContain('too_loose');
  });

  it('is served at /api/openapi.json, with a reference page that loads nothing inline or from elsewhere', async () => {
    const res = await app.request('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(documented((await res.json()) as Doc)).toEqual(served(app));
    expect(DOCS_HTML).not.toMatch(/<script>|<style>|style=|https?:\/\//);
    expect(DOCS_JS).not.toMatch(/innerHTML|eval\(|https?:\/\//);
  });
});
