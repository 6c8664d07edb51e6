import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRowWriter, IngestCounters, parseKeys } from '@flywheel/collector';
import { openTempStorage } from '@flywheel/storage/testing';
import { createApiApp } from '../app';
import { INLINE_BATCH_BYTES, parseBatchBody } from './batch-parser';
import { parseBatch, type BatchTask } from './parse-batch';

// Batches over INLINE_BATCH_BYTES are parsed, validated and encoded on a worker thread: the answers
// must be the same as on the event loop, down to the path of the first bad item.

let env: Awaited<ReturnType<typeof openTempStorage>>;
let app: ReturnType<typeof createApiApp>;
const json = { 'content-type': 'application/json' };

beforeAll(async () => {
  env = await openTempStorage();
  app = createApiApp({
    client: env.storage.client,
    keys: parseKeys(undefined),
    writer: createRowWriter(env.storage.client),
    counters: new IngestCounters(),
  });
});

afterAll(async () => {
  await env?.dispose();
});

const reviews = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => ({
    requestId: `${prefix}-${i}`,
    reviewer: 'r',
    time: '2026-11-01T13:00:00.25Z',
    labels: { accuracy: i % 3 !== 0, helpfulness: true, safety: true },
    correction: i % 2 === 0 ? `corrected ${i} "quoted" \u00e9\n` : undefined,
  }));

const task = (body: unknown, table: BatchTask['table'] = 'reviews'): BatchTask => ({
  table,
  body: new TextEncoder().encode(JSON.stringify(body)),
  projectId: 'default',
  received: '2026-12-01 00:00:00.000000',
});

const post = (path: string, body: unknown) =>
  app.request(path, { method: 'POST', headers: json, body: JSON.stringify(body) });

describe('batch bodies on a worker thread', () => {
  it('encode the same rows as on the event loop, the body moved to the thread, not copied', async () => {
    const large = task({ reviews: reviews(2_000, 'same') });
    expect(large.body.byteLength).toBeGreaterThan(INLINE_BATCH_BYTES);
    const inline = parseBatch(task({ reviews: reviews(2_000, 'same') }));
    const threaded = await parseBatchBody(large);
    expect(large.body.buffer.byteLength).toBe(0); // transferred: the parse ran on another thread
    if (!('lines' in threaded) || !('lines' in inline)) throw new Error('refused');
    expect(Buffer.from(threaded.lines).equals(Buffer.from(inline.lines))).toBe(true);
    expect({ ...threaded, lines: [] }).toEqual({ ...inline, lines: [] });
    expect(threaded.accepted).toBe(2_000);
  });

  it('answer 400 naming the one bad item of 10,000', async () => {
    const items = reviews(10_000, 'bad');
    (items[4137]!.labels as Record<string, unknown>).accuracy = 'yes';
    const res = await post('/api/v1/reviews', { reviews: items });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/^reviews\[4137\]\.labels\.accuracy: /);

    const judgments = Array.from({ length: 10_000 }, (_, i) => ({
      requestId: `j-${i}-${'x'.repeat(40)}`,
      judgeId: 'judge',
      metric: i === 9_999 ? 'not a metric!' : 'accuracy',
      passed: true,
    }));
    const judged = await post('/api/v1/judgments', { judgments });
    expect(judged.status).toBe(400);
    expect(((await judged.json()) as { error: string }).error).toMatch(/^judgments\[9999\]\.metric: /);
  });

  it('answer 400 for a large body that is not JSON, and 415 for one not sent as JSON', async () => {
    const broken = JSON.stringify({ reviews: reviews(2_000, 'broken') }).slice(0, -2);
    const res = await app.request('/api/v1/reviews', { method: 'POST', headers: json, body: broken });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'body must be valid JSON' });
    const typed = await app.request('/api/v1/reviews', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ reviews: reviews(2_000, 'plain') }),
    });
    expect(typed.status).toBe(415);
  });

  it('store 10,000 reviews as the event loop stored them', async () => {
    const items = reviews(10_000, 'stored');
    const res = await post('/api/v1/reviews', { reviews: items });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toEqual({ accepted: 10_000 });
    const small = await post('/api/v1/reviews', { ...items[4]!, requestId: 'stored-small' });
    expect(small.status).toBe(200);
    const result = await env.storage.client.query({
      query: `SELECT request_id, reviewer, time, labels, passed, correction FROM reviews FINAL
        WHERE request_id IN ('stored-4', 'stored-small', 'stored-9999') ORDER BY request_id`,
      format: 'JSONEachRow',
    });
    const rows = (await result.json()) as Array<Record<string, unknown>>;
    const count = await env.storage.client.query({
      query: `SELECT count() AS n FROM reviews FINAL WHERE startsWith(request_id, 'stored-')`,
      format: 'JSONEachRow',
    });
    expect(((await count.json()) as Array<{ n: number }>)[0]!.n).toBe(10_001);
    const row = (id: string) => {
      const { request_id: _, ...rest } = rows.find((r) => r.request_id === id)!;
      return rest;
    };
    expect(row('stored-4')).toEqual(row('stored-small'));
    expect(row('stored-4')).toMatchObject({
      time: '2026-11-01 13:00:00.250000',
      correction: 'corrected 4 "quoted" é\n',
    });
    expect(row('stored-9999')).toMatchObject({ passed: false, correction: '' }); // 9999 % 3 = 0: accuracy fails
  });
});
