import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRowWriter, IngestCounters, parseKeys } from '@flywheel/collector';
import { insertInteractions } from '@flywheel/storage';
import { openTempStorage } from '@flywheel/storage/testing';
import { createApiApp } from '../app';
import { startFakeEmbeddingsServer, type FakeEmbeddingsServer } from '../fixtures/embeddings-server';
import { interaction, plusDays } from '../fixtures/rows';
import { vectorIndexDimensions, vectorIndexStatements } from '../queries/example-embeddings';
import { createExampleEmbeddings, type ExampleEmbeddings } from './example-embeddings';

// Few-shot search by embedding: a local service in OpenAI's wire format, the real engine, the real app.

interface Labelled {
  examples: Array<{ id: string; text: string; expected: string }>;
  queries: Array<{ text: string; relevant: string }>;
}
const LABELLED = JSON.parse(
  readFileSync(new URL('./fixtures/similar-examples.labelled.json', import.meta.url), 'utf8'),
) as Labelled;

const KEYS = { a: 'alpha-key-0123456789', b: 'bravo-key-0123456789' };
const SERVICE_KEY = 'sk-test-0123456789';
const MODEL = 'fake-embed-64';
const T0 = '2026-04-06T00:00:00Z';
const pass = { accuracy: true, helpfulness: true, safety: true };

let env: Awaited<ReturnType<typeof openTempStorage>>;
let service: FakeEmbeddingsServer;
let embeddings: ExampleEmbeddings;
const logs: string[] = [];

const appWith = (e?: ExampleEmbeddings) =>
  createApiApp({
    client: env.storage.client,
    keys: parseKeys(`a:${KEYS.a},b:${KEYS.b}`),
    writer: createRowWriter(env.storage.client),
    counters: new IngestCounters(),
    ...(e ? { embeddings: e } : {}),
  });
const embeddingsAt = (url: string, key: string, model = MODEL) =>
  createExampleEmbeddings({
    client: env.storage.client,
    topology: env.storage.topology,
    config: { url, key, model, timeoutMs: 2000, retries: 1 },
    log: (line) => logs.push(line),
  });

type App = ReturnType<typeof appWith>;
const call = async (app: App, p: 'a' | 'b', method: string, path: string, body?: unknown) => {
  const res = await app.request(path, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEYS[p]}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
};
const similar = (app: App, p: 'a' | 'b', text: string, k = 5, workload = 'support') =>
  call(
    app,
    p,
    'GET',
    `/api/v1/examples/similar?workload=${workload}&k=${k}&text=${encodeURIComponent(text)}`,
  );
const ids = (body: { examples?: unknown }) =>
  (body.examples as Array<{ requestId: string }>).map((e) => e.requestId);
const rows = async <T>(query: string): Promise<T[]> =>
  (await env.storage.client.query({ query, format: 'JSONEachRow' })).json<T>();

let app: App;
beforeAll(async () => {
  env = await openTempStorage();
  service = await startFakeEmbeddingsServer({ key: SERVICE_KEY });
  embeddings = embeddingsAt(service.url, SERVICE_KEY);
  app = appWith(embeddings);
  await insertInteractions(
    env.storage.client,
    LABELLED.examples.flatMap((e, i) => [
      interaction(e.id, plusDays(T0, i / 10), {
        project_id: 'a',
        workload_id: 'support',
        prompt: e.text,
        response: e.expected,
      }),
      // The same questions in project b under other ids: never an answer to project a.
      interaction(`b-${e.id}`, plusDays(T0, i / 10), {
        project_id: 'b',
        workload_id: 'support',
        prompt: e.text,
      }),
    ]),
  );
  const reviews = (prefix: string) =>
    LABELLED.examples.map((e) => ({ requestId: `${prefix}${e.id}`, reviewer: 'ana', labels: pass }));
  expect((await call(app, 'a', 'POST', '/api/v1/reviews', { reviews: reviews('') })).status).toBe(200);
  expect((await call(app, 'b', 'POST', '/api/v1/reviews', { reviews: reviews('b-') })).status).toBe(200);
  await embeddings.idle();
});
afterAll(async () => {
  await service.close();
  await env.dispose();
});

describe('few-shot search by embedding', () => {
  it('embeds every new gold example after the review POST, in batches, under the vector index', async () => {
    const stored = await rows<{ project_id: string; n: number; dims: number[] }>(
      `SELECT project_id, toUInt32(count()) AS n, groupUniqArray(dimensions) AS dims FROM gold_example_embeddings
       WHERE model = '${MODEL}' GROUP BY project_id ORDER BY project_id`,
    );
    expect(stored).toEqual([
      { project_id: 'a', n: 52, dims: [64] },
      { project_id: 'b', n: 52, dims: [64] },
    ]);
    expect(service.stats.inputs).toBe(104);
    expect(service.stats.requests).toBe(2); // one batch per review POST (52 ≤ 64)
    expect(await vectorIndexDimensions(env.storage.client, env.storage.topology)).toBe(64);
  });

  it('answers the nearest examples by embedding, best first, and finds the labelled ones (recall@5)', async () => {
    const { status, body } = await similar(app, 'a', 'How do I reset my password if I forgot it?', 3);
    expect(status).toBe(200);
    expect(body).toMatchObject({ method: 'embedding', model: MODEL });
    expect(body.fallbackReason).toBeUndefined();
    expect(body.examples).toHaveLength(3);
    expect(body.examples[0]).toEqual({
      requestId: 'ex00',
      workload: 'support',
      time: '2026-04-06T00:00:00.000000Z',
      source: 'gold',
      text: 'How do I reset my password if I forgot it?',
      expected: 'Answer to: How do I reset my password if I forgot it?',
      similarity: 1,
    });
    const scores = (body.examples as Array<{ similarity: number }>).map((e) => e.similarity);
    expect([...scores].sort((x, y) => y - x)).toEqual(scores);
    expect(scores[2]).toBeLessThan(1);

    let hits = 0;
    for (const q of LABELLED.queries)
      if (ids((await similar(app, 'a', q.text)).body).includes(q.relevant)) hits++;
    console.log(`recall@5 by embedding (fake model) on the labelled set: ${hits}/${LABELLED.queries.length}`);
    expect(hits / LABELLED.queries.length).toBeGreaterThanOrEqual(0.9);
  });

  it('reads the vectors through the HNSW index', async () => {
    const [plan] = await rows<{ explain: string }>(
      `SELECT arrayStringConcat(groupArray(explain), '\\n') AS explain FROM (
         EXPLAIN indexes = 1
         SELECT request_id, cosineDistance(vector, [${new Array(64).fill(0.125).join(',')}]) AS d
         FROM gold_example_embeddings WHERE project_id = 'a' AND workload_id = 'support' AND model = '${MODEL}'
         ORDER BY d LIMIT 20)`,
    );
    expect(plan!.explain).toMatch(/Skip[\s\S]*Name: vectors/);
  });

  it('renders the index DDL for a cluster as valid statements on the local tables', async () => {
    const statements = vectorIndexStatements({ database: 'flywheel', cluster: 'main' }, 1536, 64);
    expect(statements).toHaveLength(4);
    for (const statement of statements) {
      const [row] = await env.storage.client
        .query({
          query: 'SELECT formatQuery({q:String}) AS f',
          query_params: { q: statement },
          format: 'JSONEachRow',
        })
        .then((r) => r.json<{ f: string }>());
      expect(row!.f).toMatch(/^ALTER TABLE flywheel\.gold_example_embeddings_local ON CLUSTER main\s/);
    }
    expect(statements[2]).toContain("vector_similarity('hnsw', 'cosineDistance', 1536) GRANULARITY 1");
  });

  it('is scoped to the project and the workload', async () => {
    const b = await similar(app, 'b', 'How do I reset my password?', 50);
    expect(b.body.method).toBe('embedding');
    expect(ids(b.body).length).toBeGreaterThan(0);
    expect(ids(b.body).every((id) => id.startsWith('b-'))).toBe(true);
    const a = await similar(app, 'a', 'How do I reset my password?', 50);
    expect(ids(a.body).some((id) => id.startsWith('b-'))).toBe(false);
    const other = await similar(app, 'a', 'How do I reset my password?', 5, 'other');
    expect(other.body).toEqual({
      method: 'lexical',
      fallbackReason: `no gold example of workload other is embedded with ${MODEL} yet`,
      examples: [],
    });
  });

  it('drops an example a later review withdrew, though its vector stays', async () => {
    await call(app, 'a', 'POST', '/api/v1/reviews', {
      requestId: 'ex02',
      reviewer: 'ben',
      labels: { ...pass, safety: false },
    });
    await embeddings.idle();
    const { body } = await similar(app, 'a', 'What payment methods do you accept?', 10);
    expect(body.method).toBe('embedding');
    expect(ids(body)).not.toContain('ex02');
  });

  it('falls back to lexical with the reason while the service is down, stores the review, and catches up', async () => {
    const down = await startFakeEmbeddingsServer();
    const deadUrl = down.url;
    await down.close(); // nothing listens there now: connection refused
    const unreachable = embeddingsAt(deadUrl, SERVICE_KEY);
    const offline = appWith(unreachable);
    await insertInteractions(env.storage.client, [
      interaction('late-1', plusDays(T0, 9), {
        project_id: 'a',
        workload_id: 'support',
        prompt: 'Where can I download my monthly invoices as PDF files?',
        response: 'Billing, then Invoices, then Download.',
      }),
    ]);
    const posted = await call(offline, 'a', 'POST', '/api/v1/reviews', {
      requestId: 'late-1',
      reviewer: 'ana',
      labels: pass,
    });
    expect(posted).toEqual({ status: 200, body: { accepted: 1 } });
    await unreachable.idle();
    expect(logs.join('\n')).toMatch(
      /gold examples not embedded \(embeddings service at .* unreachable: ECONNREFUSED\)/,
    );
    expect(
      await rows(`SELECT 1 FROM reviews FINAL WHERE project_id = 'a' AND request_id = 'late-1'`),
    ).toHaveLength(1);

    const answer = await similar(offline, 'a', 'download monthly invoices PDF', 1);
    expect(answer.status).toBe(200);
    expect(answer.body.method).toBe('lexical');
    expect(answer.body.fallbackReason).toMatch(/^embeddings service at .* unreachable: ECONNREFUSED$/);
    expect(ids(answer.body)).toEqual(['late-1']); // still found, lexically

    // The service answers again: the catch-up pass embeds what the write path could not.
    expect(await embeddings.catchUp()).toBe(1);
    const found = await similar(app, 'a', 'download monthly invoices PDF', 1);
    expect([found.body.method, ids(found.body)]).toEqual(['embedding', ['late-1']]);
  });

  it('reports a wrong key (401 from the service) as the reason, not as an error', async () => {
    const wrong = appWith(embeddingsAt(service.url, 'sk-wrong-key'));
    const { status, body } = await similar(wrong, 'a', 'How do I reset my password?', 2);
    expect(status).toBe(200);
    expect(body.method).toBe('lexical');
    expect(body.fallbackReason).toMatch(
      /^embeddings service answered 401 Unauthorized: .*Incorrect API key provided.*\(check FLYWHEEL_EMBEDDINGS_KEY\)$/,
    );
    expect(ids(body)[0]).toBe('ex00');
  });

  it('rebuilds the index for a new model of another dimension, deleting the old vectors', async () => {
    const small = await startFakeEmbeddingsServer({ dimensions: 32 });
    try {
      const next = embeddingsAt(small.url, '', 'fake-embed-32');
      expect(await next.catchUp()).toBe(104); // every gold example of both projects, again
      expect(await vectorIndexDimensions(env.storage.client, env.storage.topology)).toBe(32);
      expect(
        await rows(
          `SELECT model, dimensions, toUInt32(count()) AS n FROM gold_example_embeddings GROUP BY ALL`,
        ),
      ).toEqual([{ model: 'fake-embed-32', dimensions: 32, n: 104 }]);
      const { body } = await similar(appWith(next), 'a', 'How do I reset my password if I forgot it?', 1);
      expect([body.method, ids(body)]).toEqual(['embedding', ['ex00']]);
    } finally {
      await small.close();
    }
  });
});
