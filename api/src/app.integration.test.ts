import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRowWriter, IngestCounters, parseKeys } from '@flywheel/collector';
import { formatEventTime, insertInteractions, insertSignals, type InteractionRow } from '@flywheel/storage';
import { openTempStorage } from '@flywheel/storage/testing';
import { createApiApp } from './app';

let env: Awaited<ReturnType<typeof openTempStorage>>;
let app: ReturnType<typeof createApiApp>;
const KEY_A = 'alpha-key-0123456789';
const KEY_B = 'beta-key-0123456789';
const auth = (key: string) => ({ authorization: `Bearer ${key}` });

function row(project: string, requestId: string, minute: number, workload = 'w1'): InteractionRow {
  return {
    project_id: project,
    trace_id: requestId.padEnd(32, '0'),
    span_id: requestId.padEnd(16, '0'),
    parent_span_id: '',
    request_id: requestId,
    time: formatEventTime(BigInt(Date.parse('2026-11-01T00:00:00Z') + minute * 60_000) * 1_000_000n),
    workload_id: workload,
    service: 's',
    operation: 'chat',
    provider: 'openai',
    request_model: 'm',
    model: 'm',
    model_version: 'v1',
    user_id: '',
    session_id: '',
    prompt: `prompt of ${requestId}`,
    response: 'r',
    input_messages: '',
    input_tokens: 1,
    output_tokens: 2,
    latency_ms: 10,
    ttft_ms: null,
    finish_reason: 'stop',
    status: 'ok',
    error_message: '',
    language: '',
    quality_score: null,
    grounding_score: null,
    attributes: {},
  };
}

beforeAll(async () => {
  env = await openTempStorage();
  const writer = createRowWriter(env.storage.client);
  app = createApiApp({
    client: env.storage.client,
    keys: parseKeys(`a:${KEY_A},b:${KEY_B}`),
    writer,
    counters: new IngestCounters(),
  });
  await insertInteractions(env.storage.client, [
    row('a', 'a-1', 1),
    row('a', 'a-2', 2, 'w2'),
    row('a', 'a-3', 3),
    row('b', 'b-1', 1),
  ]);
  const signal = (requestId: string, kind: string) => ({
    project_id: 'a',
    request_id: requestId,
    signal_id: `${requestId}-${kind}`,
    time: formatEventTime(BigInt(Date.parse('2026-11-01T00:05:00Z')) * 1_000_000n),
    kind,
    value: null,
    correction: '',
    explicit: false,
    user_id: '',
    source: 'api',
    trace_id: '',
    span_id: '',
    attributes: {},
  });
  await insertSignals(env.storage.client, [signal('a-1', 'accepted'), signal('a-2', 'regenerated')]);
});
afterAll(() => env.dispose());

const items = async (path: string, key = KEY_A) => {
  const res = await app.request(path, { headers: auth(key) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: Array<{ requestId: string; time: string }> }).items;
};

describe('GET /api/v1/interactions', () => {
  it('lists newest first, with ISO times, filtered by workload and time', async () => {
    expect((await items('/api/v1/interactions')).map((i) => i.requestId)).toEqual(['a-3', 'a-2', 'a-1']);
    expect((await items('/api/v1/interactions'))[0]!.time).toBe('2026-11-01T00:03:00.000000Z');
    expect((await items('/api/v1/interactions?workload=w2')).map((i) => i.requestId)).toEqual(['a-2']);
    expect((await items('/api/v1/interactions?limit=1')).map((i) => i.requestId)).toEqual(['a-3']);
    const window = '/api/v1/interactions?from=2026-11-01T00:01:30Z&to=2026-11-01T00:03:00Z';
    expect((await items(window)).map((i) => i.requestId)).toEqual(['a-2']);
  });

  it("never shows another project's rows", async () => {
    expect((await items('/api/v1/interactions', KEY_B)).map((i) => i.requestId)).toEqual(['b-1']);
  });

  it('401 without a valid key', async () => {
    expect((await app.request('/api/v1/interactions')).status).toBe(401);
    expect((await app.request('/api/v1/interactions', { headers: auth('wrong-key-000000000') })).status).toBe(
      401,
    );
  });

  it.each([
    ['limit=0', /^limit: /],
    ['limit=abc', /^limit: /],
    ['limit=5000', /^limit: /],
    ['from=yesterday', /^from: /],
    ['to=2026-13-01', /^to: /],
  ])('400 naming the parameter for %s', async (query, message) => {
    const res = await app.request(`/api/v1/interactions?${query}`, { headers: auth(KEY_A) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(message);
  });
});

describe('interaction filters and detail', () => {
  it('filters by outcome, version, text and gate verdict', async () => {
    const ids = async (query: string) =>
      (await items(`/api/v1/interactions?${query}`)).map((i) => i.requestId);
    expect(await ids('outcome=success')).toEqual(['a-1']);
    expect(await ids('outcome=failure')).toEqual(['a-2']);
    expect(await ids('outcome=unknown')).toEqual(['a-3']);
    expect(await ids('modelVersion=v1')).toEqual(['a-3', 'a-2', 'a-1']);
    expect(await ids('modelVersion=v9')).toEqual([]);
    expect(await ids('q=PROMPT%20OF%20a-2')).toEqual(['a-2']);
    // As of the latest event, every signal window is still open.
    expect(await ids('gate=pending')).toEqual(['a-3', 'a-2', 'a-1']);
    // Two days later every window has closed; the rows carry no content checks, so all are rejected.
    expect(await ids('gate=rejected&asOf=2026-11-03T00:00:00Z')).toEqual(['a-3', 'a-2', 'a-1']);
  });

  it('returns one interaction with signals in time order, checks and gate reasons', async () => {
    const res = await app.request('/api/v1/interactions/a-1?asOf=2026-11-03T00:00:00Z', {
      headers: auth(KEY_A),
    });
    expect(res.status).toBe(200);
    const { item } = (await res.json()) as { item: Record<string, unknown> };
    expect(item).toMatchObject({
      requestId: 'a-1',
      outcome: 'success',
      signals: ['accepted'],
      signalDetails: [{ kind: 'accepted', time: '2026-11-01T00:05:00.000000Z', source: 'api' }],
      checks: { piiKinds: [], responseWords: 0, toxicity: 0 },
      // These rows were stored without content checks: zero words and an empty prompt.
      gate: { state: 'rejected', reasons: ['response_length', 'prompt_length'] },
    });
    const missing = await app.request('/api/v1/interactions/nope', { headers: auth(KEY_A) });
    expect(missing.status).toBe(404);
    // Another project's request id is as unknown as a missing one.
    expect((await app.request('/api/v1/interactions/b-1', { headers: auth(KEY_A) })).status).toBe(404);
  });
});

describe('POST /api/v1/signals', () => {
  const post = (body: string, key = KEY_A) =>
    app.request('/api/v1/signals', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...auth(key) },
    });

  it.each([
    ['{', /^body must be JSON/],
    ['{"requestId":"r","kind":"thumbsup"}', /^kind: Invalid option/],
    ['{"signals":[{"requestId":"r","kind":"accepted"},{"kind":"accepted"}]}', /^signals\[1\]\.requestId: /],
    ['[{"requestId":"r","kind":"edited","value":"x"}]', /^\[0\]\.value: /],
    ['{"requestId":"r","kind":"accepted","time":"noon"}', /^time: /],
    ['{"requestId":"r","kind":"accepted","extra":1}', /Unrecognized key/],
  ])('400 naming the field for %s, storing nothing', async (body, message) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(message);
    const result = await env.storage.client.query({
      query: "SELECT count() AS c FROM signals WHERE request_id = 'r'",
      format: 'JSONEachRow',
    });
    expect(Number((await result.json<{ c: string }>())[0]!.c)).toBe(0);
  });

  it('401 without a key, CORS for browsers', async () => {
    expect((await post('{"requestId":"r2","kind":"accepted"}', 'nope-nope-nope-nope')).status).toBe(401);
    const preflight = await app.request('/api/v1/signals', {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('PUT /api/v1/alerts/config', () => {
  const put = (body: unknown) =>
    app.request('/api/v1/alerts/config', {
      method: 'PUT',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...auth(KEY_A) },
    });
  const hook = (name: string) => ({ type: 'slack', name, url: 'https://hooks.example/services/T0/B0/X' });

  it.each([
    [{ destinations: [hook('a'), hook('a')] }, "destinations: the name 'a' is used twice"],
    [{ destinations: [hook('a')], routes: { drift: ['a', 'b'] } }, "routes.drift: no destination named 'b'"],
    [{ destinations: [{ ...hook('a'), type: 'email' }] }, /^destinations\[0\]\.type: /],
  ])('400 naming the field for %j', async (body, message) => {
    const res = await put(body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(message);
  });

  it('stores a consistent configuration and shows it masked', async () => {
    const res = await put({ destinations: [hook('a')], routes: { drift: ['a'] } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      config: {
        destinations: [{ name: 'a', url: 'https://hooks.example/********' }],
        routes: { drift: ['a'] },
      },
    });
  });
});
