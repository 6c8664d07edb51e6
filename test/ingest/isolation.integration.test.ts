import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFlywheel, type TestFlywheel } from '@flywheel/server/testing';

// One client's bad data must never fail another's request (issue 15): project A sends every kind of
// poison the probe found while project B sends valid data at the same moment.
const KEY_A = 'project-a-key-0123456789';
const KEY_B = 'project-b-key-9876543210';

let fw: TestFlywheel;
beforeAll(async () => {
  fw = await startTestFlywheel({ keys: `a:${KEY_A},b:${KEY_B}` });
});
afterAll(() => fw.dispose());

let seq = 0;
const attr = (key: string, value: unknown) => ({ key, value });
function span(requestId: string, extra: Record<string, unknown> = {}, attributes: unknown[] = []) {
  seq++;
  return {
    traceId: seq.toString(16).padStart(32, '0'),
    spanId: seq.toString(16).padStart(16, '0'),
    name: 'chat m',
    startTimeUnixNano: String(1_761_991_200_000_000_000n + BigInt(seq) * 1_000_000n),
    endTimeUnixNano: String(1_761_991_201_000_000_000n + BigInt(seq) * 1_000_000n),
    attributes: [
      attr('gen_ai.operation.name', { stringValue: 'chat' }),
      attr('flywheel.request_id', { stringValue: requestId }),
      ...attributes,
    ],
    ...extra,
  };
}
const signalSpan = (requestId: string, time: string) => ({
  ...span(requestId),
  name: 'flywheel.signal',
  attributes: [
    attr('flywheel.signal.kind', { stringValue: 'accepted' }),
    attr('flywheel.request_id', { stringValue: requestId }),
    attr('flywheel.signal.time', { stringValue: time }),
  ],
});
const envelope = (spans: unknown[], service = 'svc') => ({
  resourceSpans: [
    { resource: { attributes: [attr('service.name', { stringValue: service })] }, scopeSpans: [{ spans }] },
  ],
});

async function post(path: string, key: string, body: unknown) {
  const res = await fetch(`${fw.otlpUrl}${path}`, {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function count(table: 'interactions' | 'signals', project: string): Promise<number> {
  const result = await fw.storage.client.query({
    query: `SELECT count() AS c FROM ${table} FINAL WHERE project_id = {p:String}`,
    query_params: { p: project },
    format: 'JSONEachRow',
  });
  return Number((await result.json<{ c: string }>())[0]!.c);
}

function deeplyNested(levels: number): string {
  let value = '{"stringValue":"x"}';
  for (let i = 0; i < levels; i++) value = `{"kvlistValue":{"values":[{"key":"k","value":${value}}]}}`;
  return JSON.stringify(envelope([span('a-deep')])).replace(
    '"attributes":[',
    `"attributes":[{"key":"deep","value":${value}},`,
  );
}

describe('poison from project A while project B sends valid data', () => {
  it('B sees no error and all of its rows are stored; A gets partial success or 400, never 5xx', async () => {
    const poisonSpans = [
      span('a-surrogate', {}, [attr('flywheel.workload_id', { stringValue: 'w\ud800' })]),
      signalSpan('a-1969', '1969-12-31T23:59:59.5Z'),
      span('a-10000', { startTimeUnixNano: '253402300800000000000' }),
      span('a-2500', { startTimeUnixNano: '16725225600000000000', endTimeUnixNano: '16725225600000000000' }),
      span('a-tokens', {}, [attr('gen_ai.usage.input_tokens', { doubleValue: 1e308 })]),
      span('a-nan', { startTimeUnixNano: 'NaN' }),
      span('a-1e308', { startTimeUnixNano: 1e308 }),
      span('a-bytes', {}, [attr('blob', { bytesValue: 123 })]),
      span('a-events', { events: [null] }),
    ];
    const fromA = [
      post('/v1/traces', KEY_A, envelope([...poisonSpans, span('a-good')], 'svc\udc00')),
      // Each poison alone as well, so that it lands in a batch with B's rows whatever the timing.
      ...poisonSpans.map((p) => post('/v1/traces', KEY_A, envelope([p]))),
      post('/v1/traces', KEY_A, deeplyNested(5000)),
      post('/api/v1/signals', KEY_A, {
        requestId: 'a-signal',
        kind: 'accepted',
        time: '9999-12-31T23:59:59Z',
      }),
    ];
    const fromB = Array.from({ length: 20 }, (_, i) => [
      post('/v1/traces', KEY_B, envelope(Array.from({ length: 10 }, (_, j) => span(`b-${i}-${j}`)))),
      post('/api/v1/signals', KEY_B, [{ requestId: `b-${i}-0`, kind: 'thumbs_up' }]),
    ]).flat();
    const [a, b] = await Promise.all([Promise.all(fromA), Promise.all(fromB)]);

    for (const r of b) {
      expect(r.status).toBe(200);
      expect(r.body.partialSuccess).toBeUndefined();
    }
    expect(await count('interactions', 'b')).toBe(200);
    expect(await count('signals', 'b')).toBe(20);

    for (const r of a) expect([200, 400]).toContain(r.status);
    const [mixed, ...rest] = a;
    const partial = mixed!.body.partialSuccess as { rejectedSpans: string; errorMessage: string };
    expect(partial.rejectedSpans).toBe('8');
    expect(partial.errorMessage).toMatch(/flywheel\.signal\.time -500000000 is before 1970-01-01/);
    const single = rest.slice(0, poisonSpans.length);
    expect(single[0]!.body.partialSuccess).toBeUndefined(); // the surrogate is repaired, not refused
    for (const r of single.slice(1))
      expect((r.body.partialSuccess as { rejectedSpans: string }).rejectedSpans).toBe('1');
    expect(rest.at(-2)).toMatchObject({
      status: 400,
      body: { message: expect.stringMatching(/nest deeper than 100/) },
    });
    expect(rest.at(-1)).toMatchObject({
      status: 400,
      body: { error: expect.stringMatching(/^time: .* is after 2299-12-31/) },
    });
    // A's good span and the repaired one are stored (the surrogate span, sent twice, once); nothing else.
    expect(await count('interactions', 'a')).toBe(2);
    expect(await count('signals', 'a')).toBe(0);
  });
});
