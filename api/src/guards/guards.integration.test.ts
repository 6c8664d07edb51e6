import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRowWriter, IngestCounters, parseKeys } from '@flywheel/collector';
import { openTempStorage } from '@flywheel/storage/testing';
import { createApiApp } from '../app';

// The API's guards against other web pages and oversized input, on the real app and engine: which
// hosts are served, which requests may change data, how large and deep a body may be.

let env: Awaited<ReturnType<typeof openTempStorage>>;
let open: ReturnType<typeof createApiApp>;
let listed: ReturnType<typeof createApiApp>;
let keyed: ReturnType<typeof createApiApp>;
const KEY = 'guards-key-0123456789';

const review = (requestId: string) =>
  JSON.stringify({ requestId, reviewer: 'r', labels: { accuracy: true, helpfulness: true, safety: true } });
const json = { 'content-type': 'application/json' };

async function storedReviews(requestId: string): Promise<number> {
  const result = await env.storage.client.query({
    query: 'SELECT count() AS n FROM reviews WHERE request_id = {id:String}',
    query_params: { id: requestId },
    format: 'JSONEachRow',
  });
  return Number(((await result.json()) as Array<{ n: string }>)[0]!.n);
}

beforeAll(async () => {
  env = await openTempStorage();
  const base = {
    client: env.storage.client,
    writer: createRowWriter(env.storage.client),
    counters: new IngestCounters(),
  };
  open = createApiApp({ ...base, keys: parseKeys(undefined) });
  listed = createApiApp({ ...base, keys: parseKeys(undefined), allowedHosts: ['flywheel.example.com'] });
  keyed = createApiApp({ ...base, keys: parseKeys(`p:${KEY}`) });
});

afterAll(async () => {
  await env?.dispose();
});

describe('hosts served without keys', () => {
  it('serves loopback names on any port and refuses others (DNS rebinding)', async () => {
    for (const host of ['localhost:8080', '127.0.0.1', '127.0.0.1:1', '[::1]:3000', 'LOCALHOST'])
      expect((await open.request(`http://${host}/api/v1/interactions`)).status, host).toBe(200);
    const evil = await open.request('http://evil.example:8080/api/v1/interactions');
    expect(evil.status).toBe(403);
    expect(((await evil.json()) as { error: string }).error).toMatch(
      /^host: 'evil\.example:8080' is not served/,
    );
    expect((await open.request('http://evil.example/')).status).toBe(403);
  });

  it('serves the allowed hosts besides loopback', async () => {
    expect((await listed.request('http://flywheel.example.com/api/v1/interactions')).status).toBe(200);
    expect((await listed.request('http://localhost/api/v1/interactions')).status).toBe(200);
    expect((await listed.request('http://evil.example/api/v1/interactions')).status).toBe(403);
  });

  it('serves any host with keys: a rebinding page has none', async () => {
    const res = await keyed.request('http://evil.example/api/v1/interactions', {
      headers: { authorization: `Bearer ${KEY}` },
    });
    expect(res.status).toBe(200);
  });
});

describe('requests that change data', () => {
  it('refuses a cross-site text/plain POST and stores nothing (CSRF)', async () => {
    const res = await open.request('http://127.0.0.1:8080/api/v1/reviews', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: 'https://evil.example' },
      body: review('csrf-1'),
    });
    expect(res.status).toBe(403);
    const cycle = await open.request('http://127.0.0.1:8080/api/v1/cycles', {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      body: '{}',
    });
    expect(cycle.status).toBe(415);
    expect(await storedReviews('csrf-1')).toBe(0);
  });

  it('refuses a cross-site Origin even with JSON or without a body', async () => {
    for (const origin of ['https://evil.example', 'http://localhost:3000', 'null', 'garbage']) {
      const res = await open.request('http://localhost:8080/api/v1/reviews', {
        method: 'POST',
        headers: { ...json, origin },
        body: review('csrf-2'),
      });
      expect(res.status, origin).toBe(403);
      expect(((await res.json()) as { error: string }).error).toMatch(/^origin: /);
    }
    const bodiless = await open.request('http://localhost:8080/api/v1/alarms/evaluate', {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
    });
    expect(bodiless.status).toBe(403);
    expect(await storedReviews('csrf-2')).toBe(0);
  });

  it('takes same-origin, allowed-host and Origin-less requests', async () => {
    const post = (app: typeof open, url: string, headers: Record<string, string>, id: string) =>
      app.request(url, { method: 'POST', headers: { ...json, ...headers }, body: review(id) });
    expect(
      (await post(open, 'http://localhost:8080/api/v1/reviews', { origin: 'http://localhost:8080' }, 'ok-1'))
        .status,
    ).toBe(200);
    expect((await post(open, 'http://127.0.0.1/api/v1/reviews', {}, 'ok-2')).status).toBe(200);
    expect(
      (
        await post(
          listed,
          'http://127.0.0.1:8080/api/v1/reviews',
          { origin: 'https://flywheel.example.com' },
          'ok-3',
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await post(
          keyed,
          'http://127.0.0.1:8080/api/v1/reviews',
          { origin: 'https://elsewhere.example', authorization: `Bearer ${KEY}` },
          'ok-4',
        )
      ).status,
    ).toBe(200);
    expect((await open.request('http://localhost/api/v1/alarms/evaluate', { method: 'POST' })).status).toBe(
      200,
    );
  });

  it('keeps the browser signals endpoint open to every origin (CORS)', async () => {
    const preflight = await open.request('http://127.0.0.1:8080/api/v1/signals', {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    const res = await open.request('http://127.0.0.1:8080/api/v1/signals', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: 'https://shop.example' },
      body: JSON.stringify({ requestId: 'sig-1', kind: 'thumbs_up' }),
    });
    expect(res.status).toBe(200);
  });
});

describe('body limits', () => {
  const big = (bytes: number) => JSON.stringify({ notes: 'x'.repeat(bytes) });

  it('answers 413 in JSON for a declared or streamed body over 1 MiB', async () => {
    const declared = await open.request('http://localhost/api/v1/cycles', {
      method: 'POST',
      headers: json,
      body: big(1024 * 1024 + 1),
    });
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { error: string }).error).toMatch(/^body: larger than 1 MiB/);

    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 40) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const streamed = await open.request('http://localhost/api/v1/gate/config', {
      method: 'PUT',
      headers: json,
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it('lets batch routes send up to 16 MiB', async () => {
    const reviews = Array.from({ length: 6000 }, (_, i) => ({
      requestId: `batch-${i}-${'p'.repeat(600)}`.slice(0, 200),
      reviewer: 'r',
      labels: { accuracy: true, helpfulness: true, safety: true },
    }));
    const body = JSON.stringify({ reviews });
    expect(body.length).toBeGreaterThan(1024 * 1024);
    const res = await open.request('http://localhost/api/v1/reviews', {
      method: 'POST',
      headers: json,
      body,
    });
    expect(res.status).toBe(200);
  });

  it('refuses JSON nested too deep before parsing it', async () => {
    const res = await open.request('http://localhost/api/v1/gate/config', {
      method: 'PUT',
      headers: json,
      body: '{"config":' + '['.repeat(5000) + ']'.repeat(5000) + '}',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/^body: JSON nests deeper than/);
  });
});
