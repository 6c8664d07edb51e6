import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempStorage } from '@flywheel/storage/testing';
import { createCollectorApp } from '../app';
import { parseKeys } from '../auth';
import { ExportTraceServiceRequest, ExportTraceServiceResponse, RpcStatus } from '../otlp/schema';
import { BatchWriter, createRowWriter, encodeRows, rowCount, type Rows } from '../writer';
import { insertJsonLines } from '@flywheel/storage';

let env: Awaited<ReturnType<typeof openTempStorage>>;
beforeAll(async () => {
  env = await openTempStorage();
});
afterAll(() => env.dispose());

const KEY_A = 'key-for-project-a-123456';
const KEY_B = 'key-for-project-b-654321';

function app(options: { keys?: string; writer?: BatchWriter<Rows>; memorySoftLimitBytes?: number } = {}) {
  return createCollectorApp({
    keys: parseKeys(options.keys),
    writer: options.writer ?? createRowWriter(env.storage.client),
    ...(options.memorySoftLimitBytes ? { memorySoftLimitBytes: options.memorySoftLimitBytes } : {}),
  });
}

let seq = 0;
/** An OTLP/JSON span of an LLM call (hex ids, string nanos), as the JSON exporter sends it. */
function llmSpan(requestId: string, extra: Record<string, unknown> = {}) {
  seq++;
  return {
    traceId: seq.toString(16).padStart(32, 'c'),
    spanId: seq.toString(16).padStart(16, 'd'),
    name: 'chat m',
    kind: 3,
    startTimeUnixNano: '1761991200000000000',
    endTimeUnixNano: '1761991201000000000',
    attributes: [
      { key: 'gen_ai.operation.name', value: { stringValue: 'chat' } },
      { key: 'flywheel.request_id', value: { stringValue: requestId } },
      { key: 'flywheel.workload_id', value: { stringValue: 'errors' } },
    ],
    ...extra,
  };
}
const request = (spans: unknown[]) => ({
  resourceSpans: [{ resource: { attributes: [] }, scopeSpans: [{ spans }] }],
});
const post = (a: ReturnType<typeof app>, body: string | Uint8Array, headers: Record<string, string>) =>
  a.request('/v1/traces', { method: 'POST', body, headers });
const postJson = (a: ReturnType<typeof app>, body: unknown, headers: Record<string, string> = {}) =>
  post(a, JSON.stringify(body), { 'content-type': 'application/json', ...headers });

async function stored(requestId: string): Promise<number> {
  const result = await env.storage.client.query({
    query: 'SELECT count() AS c FROM interactions FINAL WHERE request_id = {r:String}',
    query_params: { r: requestId },
    format: 'JSONEachRow',
  });
  return Number((await result.json<{ c: string }>())[0]!.c);
}

describe('POST /v1/traces error paths', () => {
  it('stores a first request that later bad requests must not disturb', async () => {
    expect((await postJson(app(), request([llmSpan('kept-1')]))).status).toBe(200);
    expect(await stored('kept-1')).toBe(1);
  });

  it('415 for an unsupported content type or encoding', async () => {
    const res = await post(app(), 'x', { 'content-type': 'text/plain' });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { message: string }).message).toMatch(
      /unsupported content type 'text\/plain'/,
    );
    const br = await post(app(), '{}', { 'content-type': 'application/json', 'content-encoding': 'br' });
    expect(br.status).toBe(415);
    expect(((await br.json()) as { message: string }).message).toMatch(/unsupported content encoding 'br'/);
  });

  it('400 with a message for undecodable bodies', async () => {
    const cases: Array<[string | Uint8Array, Record<string, string>, RegExp]> = [
      [
        new Uint8Array([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f]),
        { 'content-type': 'application/x-protobuf' },
        /not a protobuf ExportTraceServiceRequest/,
      ],
      ['{"resourceSpans": [', { 'content-type': 'application/json' }, /body is not valid JSON/],
      ['{"resourceSpans": 5}', { 'content-type': 'application/json' }, /resourceSpans: /],
      [
        '{"resourceSpans": [{"scopeSpans": [{"spans": [7]}]}]}',
        { 'content-type': 'application/json' },
        /resourceSpans\.0\.scopeSpans\.0\.spans\.0/,
      ],
      [
        'not gzip at all',
        { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        /not valid gzip data/,
      ],
    ];
    for (const [body, headers, message] of cases) {
      const res = await post(app(), body, headers);
      expect(res.status).toBe(400);
      const text =
        headers['content-type'] === 'application/x-protobuf'
          ? (RpcStatus.decode(new Uint8Array(await res.arrayBuffer())) as unknown as { message: string })
              .message
          : ((await res.json()) as { message: string }).message;
      expect(text).toMatch(message);
    }
  });

  it('413 above 20 MiB after decompression, so a gzip bomb is stopped', async () => {
    const bomb = gzipSync(Buffer.alloc(30 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(100 * 1024);
    const res = await post(app(), bomb, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { message: string }).message).toMatch(/exceeds 20 MiB after decompression/);
    const plain = await post(app(), Buffer.alloc(21 * 1024 * 1024, 0x20), {
      'content-type': 'application/json',
    });
    expect(plain.status).toBe(413);
  });

  it('200 with partial_success naming the rejected spans; the good span is stored (JSON and protobuf)', async () => {
    const json = await postJson(
      app(),
      request([llmSpan('partial-ok'), llmSpan('partial-bad', { traceId: 'xyz' })]),
    );
    expect(json.status).toBe(200);
    const body = (await json.json()) as { partialSuccess: { rejectedSpans: string; errorMessage: string } };
    expect(body.partialSuccess.rejectedSpans).toBe('1');
    expect(body.partialSuccess.errorMessage).toMatch(
      /1 span\(s\) rejected: span .* traceId must be 16 non-zero bytes/,
    );
    expect(await stored('partial-ok')).toBe(1);
    expect(await stored('partial-bad')).toBe(0);

    const message = ExportTraceServiceRequest.fromObject({
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [
                {
                  traceId: Buffer.alloc(16, 1),
                  spanId: Buffer.alloc(8, 2),
                  name: 'chat m',
                  startTimeUnixNano: 1761991200000000000n.toString(),
                  endTimeUnixNano: 1761991201000000000n.toString(),
                  attributes: [
                    { key: 'gen_ai.operation.name', value: { stringValue: 'chat' } },
                    { key: 'flywheel.request_id', value: { stringValue: 'partial-proto-ok' } },
                  ],
                },
                {
                  traceId: Buffer.alloc(16, 3),
                  spanId: Buffer.alloc(8, 4),
                  name: 'flywheel.signal',
                  startTimeUnixNano: '1761991200000000000',
                  endTimeUnixNano: '1761991200000000000',
                  attributes: [
                    { key: 'flywheel.signal.kind', value: { stringValue: 'nope' } },
                    { key: 'flywheel.request_id', value: { stringValue: 'x' } },
                  ],
                },
              ],
            },
          ],
        },
      ],
    });
    const proto = await post(app(), ExportTraceServiceRequest.encode(message).finish(), {
      'content-type': 'application/x-protobuf',
    });
    expect(proto.status).toBe(200);
    expect(proto.headers.get('content-type')).toBe('application/x-protobuf');
    const decoded = ExportTraceServiceResponse.toObject(
      ExportTraceServiceResponse.decode(new Uint8Array(await proto.arrayBuffer())),
      { longs: String },
    );
    expect(decoded.partialSuccess.rejectedSpans).toBe('1');
    expect(decoded.partialSuccess.errorMessage).toMatch(/flywheel\.signal\.kind "nope" is not one of/);
    expect(await stored('partial-proto-ok')).toBe(1);
  });

  it('429 with Retry-After when the write queue is full; the queued request still commits', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const writer = new BatchWriter<Rows>(
      async (batches) => {
        await gate;
        for (const b of batches.map(encodeRows)) {
          await insertJsonLines(env.storage.client, 'interactions', b.interactions.bytes);
          await insertJsonLines(env.storage.client, 'signals', b.signals.bytes);
        }
      },
      (rows) => rowCount(rows).interactions + rowCount(rows).signals,
      { maxQueueSize: 3, maxBatchSize: 100, scheduledDelayMs: 1 },
      () => {},
    );
    const a = app({ writer });
    const first = postJson(a, request([llmSpan('queued-1'), llmSpan('queued-2')]));
    await new Promise((r) => setTimeout(r, 20)); // the first batch is now in flight, blocked on the gate
    const second = postJson(a, request([llmSpan('queued-3'), llmSpan('queued-4')]));
    const third = await postJson(a, request([llmSpan('refused-1'), llmSpan('refused-2')]));
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(writer.stats.droppedItems).toBe(2);
    release();
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    expect(await stored('queued-1')).toBe(1);
    expect(await stored('queued-4')).toBe(1);
    expect(await stored('refused-1')).toBe(0);
  });

  it('503 with Retry-After when storage fails or memory is past its soft limit', async () => {
    const failing = new BatchWriter<Rows>(
      async () => {
        throw new Error('disk full');
      },
      () => 1,
      { scheduledDelayMs: 1 },
    );
    const res = await postJson(app({ writer: failing }), request([llmSpan('fails')]));
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('2');
    expect(((await res.json()) as { message: string }).message).toMatch(
      /storage did not commit the batch: disk full/,
    );

    const pressured = await postJson(app({ memorySoftLimitBytes: 1 }), request([llmSpan('pressure')]));
    expect(pressured.status).toBe(503);
    expect(pressured.headers.get('retry-after')).toBe('5');
  });

  it('401 for a missing or wrong key; a right key stores under its project', async () => {
    const keyed = app({ keys: `a:${KEY_A},b:${KEY_B}` });
    expect((await postJson(keyed, request([llmSpan('nokey')]))).status).toBe(401);
    const wrong = await postJson(keyed, request([llmSpan('wrongkey')]), {
      authorization: 'Bearer not-a-real-key-at-all',
    });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { message: string }).message).toBe('invalid API key');
    expect(
      (await postJson(keyed, request([llmSpan('keyed-b')]), { authorization: `Bearer ${KEY_B}` })).status,
    ).toBe(200);
    const result = await env.storage.client.query({
      query: "SELECT project_id FROM interactions FINAL WHERE request_id = 'keyed-b'",
      format: 'JSONEachRow',
    });
    expect(await result.json()).toEqual([{ project_id: 'b' }]);
    expect(await stored('nokey')).toBe(0);
  });

  it('lost nothing that was stored before the bad requests', async () => {
    expect(await stored('kept-1')).toBe(1);
  });
});
