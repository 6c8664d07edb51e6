import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertJsonLines } from '@flywheel/storage';
import { openTempStorage } from '@flywheel/storage/testing';
import { parseKeys } from '../auth';
import { ExportTraceServiceRequest, RpcStatus } from '../otlp/schema';
import { inlineProcessor } from '../pipeline/processor';
import {
  BatchWriter,
  createRowWriter,
  encodeRows,
  insertIsolated,
  lineViews,
  rowCount,
  type Rows,
} from '../writer';
import { createCollectorApp } from '../app';
import { BytesInFlight } from './bytes-in-flight';
import { IngestCounters } from './counters';
import { tracesRoute } from './traces';

let env: Awaited<ReturnType<typeof openTempStorage>>;
beforeAll(async () => {
  env = await openTempStorage();
});
afterAll(() => env.dispose());

const app = (writer: BatchWriter<Rows> = createRowWriter(env.storage.client, { scheduledDelayMs: 5 })) =>
  createCollectorApp({ keys: parseKeys(undefined), writer });

let seq = 0;
const attr = (key: string, value: unknown) => ({ key, value });
function llmSpan(requestId: string, extra: Record<string, unknown> = {}, attributes: unknown[] = []) {
  seq++;
  return {
    traceId: seq.toString(16).padStart(32, 'e'),
    spanId: seq.toString(16).padStart(16, 'f'),
    name: `chat ${requestId}`,
    startTimeUnixNano: '1761991200000000000',
    endTimeUnixNano: '1761991201000000000',
    attributes: [
      attr('gen_ai.operation.name', { stringValue: 'chat' }),
      attr('flywheel.request_id', { stringValue: requestId }),
      ...attributes,
    ],
    ...extra,
  };
}
const signalSpan = (requestId: string, time: unknown) => ({
  ...llmSpan(requestId),
  name: 'flywheel.signal',
  attributes: [
    attr('flywheel.signal.kind', { stringValue: 'accepted' }),
    attr('flywheel.request_id', { stringValue: requestId }),
    attr('flywheel.signal.time', time),
  ],
});
const request = (spans: unknown[], resource: unknown[] = []) => ({
  resourceSpans: [{ resource: { attributes: resource }, scopeSpans: [{ spans }] }],
});
const postJson = (a: ReturnType<typeof app>, body: unknown) =>
  a.request('/v1/traces', {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });

async function stored(requestId: string): Promise<Array<Record<string, unknown>>> {
  const result = await env.storage.client.query({
    query: 'SELECT workload_id, service FROM interactions FINAL WHERE request_id = {r:String}',
    query_params: { r: requestId },
    format: 'JSONEachRow',
  });
  return result.json();
}

describe('POST /v1/traces with values the tables cannot hold', () => {
  it('rejects each bad span alone through partial_success; the good spans and repaired strings are stored', async () => {
    const res = await postJson(
      app(),
      request(
        [
          llmSpan('poison-good'),
          llmSpan('poison-surrogate', {}, [attr('flywheel.workload_id', { stringValue: 'w\ud800' })]),
          signalSpan('poison-1969', { stringValue: '1969-12-31T23:59:59.5Z' }),
          llmSpan('poison-year-10000', { startTimeUnixNano: '253402300800000000000' }),
          llmSpan('poison-2500', {
            startTimeUnixNano: '16725225600000000000',
            endTimeUnixNano: '16725225600000000000',
          }),
          llmSpan('poison-tokens', {}, [attr('gen_ai.usage.input_tokens', { doubleValue: 1e308 })]),
          llmSpan('poison-bytes', {}, [attr('blob', { bytesValue: 123 })]),
          llmSpan('poison-events', { events: [null] }),
          llmSpan('poison-nan', { startTimeUnixNano: 'NaN' }),
          llmSpan('poison-1e308', { startTimeUnixNano: 1e308 }),
          signalSpan('poison-signal-nan', { doubleValue: 'NaN' }),
        ],
        [attr('service.name', { stringValue: 'svc\udc00' })],
      ),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { partialSuccess: { rejectedSpans: string; errorMessage: string } };
    expect(body.partialSuccess.rejectedSpans).toBe('9');
    expect(body.partialSuccess.errorMessage).toMatch(
      /^9 span\(s\) rejected: span \w+ 'flywheel.signal': flywheel\.signal\.time -500000000 is before 1970-01-01; span \w+ 'chat poison-year-10000': startTimeUnixNano \d+ is after 2299-12-31; .*gen_ai\.usage\.input_tokens must be at most 4294967295.*\(and 4 more\)$/,
    );
    expect(await stored('poison-good')).toEqual([{ workload_id: 'svc\ufffd:chat', service: 'svc\ufffd' }]);
    expect(await stored('poison-surrogate')).toEqual([{ workload_id: 'w\ufffd', service: 'svc\ufffd' }]);
    for (const id of ['poison-2500', 'poison-tokens', 'poison-bytes', 'poison-events', 'poison-1e308'])
      expect(await stored(id), id).toEqual([]);
  });

  it('names every kind of malformed value in the message (no 500 for any of them)', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [
        llmSpan('m-bytes', {}, [attr('blob', { bytesValue: 123 })]),
        /attribute blob: bytesValue must be base64 text/,
      ],
      [llmSpan('m-events', { events: [null] }), /events\[0\] is not an event/],
      [
        llmSpan('m-nan', { startTimeUnixNano: 'NaN' }),
        /startTimeUnixNano must be an integer number of nanoseconds/,
      ],
      [llmSpan('m-1e308', { endTimeUnixNano: 1e308 }), /endTimeUnixNano \d+ is after 2299-12-31/],
      [signalSpan('m-signal', { doubleValue: 'NaN' }), /flywheel\.signal\.time must be finite, got NaN/],
    ];
    for (const [span, message] of cases) {
      const res = await postJson(app(), request([span]));
      expect(res.status).toBe(200);
      const body = (await res.json()) as { partialSuccess: { errorMessage: string } };
      expect(body.partialSuccess.errorMessage).toMatch(message);
    }
  });

  it('refuses protobuf with invalid UTF-8 (a CESU-encoded surrogate) with a 400, as protobuf parsers do', async () => {
    const message = ExportTraceServiceRequest.fromObject({
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [
                { ...llmSpan('proto-surrogate'), traceId: Buffer.alloc(16, 7), spanId: Buffer.alloc(8, 7) },
              ],
            },
          ],
        },
      ],
    });
    const bytes = Buffer.from(ExportTraceServiceRequest.encode(message).finish());
    // ED A0 80 is how a lone U+D800 would be written in UTF-8 if it could be; it is not valid UTF-8.
    bytes.set([0xed, 0xa0, 0x80], bytes.lastIndexOf('proto-surrogate') + 12);
    const res = await app().request('/v1/traces', {
      method: 'POST',
      body: bytes,
      headers: { 'content-type': 'application/x-protobuf' },
    });
    expect(res.status).toBe(400);
    const status = RpcStatus.decode(new Uint8Array(await res.arrayBuffer())) as unknown as {
      message: string;
    };
    expect(status.message).toMatch(/not valid for encoding utf-8/);
  });

  it('answers 400, not a stack overflow, for OTLP/JSON nested 5,000 deep', async () => {
    let value = '{"stringValue":"x"}';
    for (let i = 0; i < 5000; i++) value = `{"kvlistValue":{"values":[{"key":"k","value":${value}}]}}`;
    const body = JSON.stringify(request([llmSpan('deep')])).replace(
      '"attributes":[',
      `"attributes":[{"key":"a","value":${value}},`,
    );
    const res = await postJson(app(), body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(
      /objects nest deeper than 100 levels/,
    );
  });

  it('reports rows storage still refused as rejected spans, never as a retryable 503', async () => {
    // A writer whose insert corrupts one row on its way to the real engine, standing in for a value
    // the checks do not know yet.
    const corrupt = (line: Uint8Array) => {
      const row = JSON.parse(Buffer.from(line).toString('utf8')) as { request_id: string };
      return row.request_id === 'engine-bad'
        ? Buffer.from(`${JSON.stringify({ ...row, time: 'not a time' })}\n`)
        : line;
    };
    const corrupting = new BatchWriter<Rows>(
      async (batches) => {
        const encoded = batches.map(encodeRows);
        const refused = await insertIsolated(
          encoded.map((b) => lineViews(b.interactions)),
          (lines) => insertJsonLines(env.storage.client, 'interactions', Buffer.concat(lines.map(corrupt))),
        );
        for (const b of encoded) await insertJsonLines(env.storage.client, 'signals', b.signals.bytes);
        return refused;
      },
      (rows) => rowCount(rows).interactions + rowCount(rows).signals,
      { scheduledDelayMs: 5 },
    );
    const bad = llmSpan('engine-bad');
    const res = await postJson(app(corrupting), request([llmSpan('engine-good'), bad]));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { partialSuccess: { rejectedSpans: string; errorMessage: string } };
    expect(body.partialSuccess.rejectedSpans).toBe('1');
    expect(body.partialSuccess.errorMessage).toMatch(
      new RegExp(`span ${bad.spanId}: storage refused its row: .*DateTime`),
    );
    expect(await stored('engine-good')).toHaveLength(1);
  });

  it('refuses a request at once with 429 and Retry-After when the bytes in flight are spent', async () => {
    const admission = new BytesInFlight(1024);
    const route = tracesRoute({
      keys: parseKeys(undefined),
      writer: createRowWriter(env.storage.client),
      counters: new IngestCounters(),
      memorySoftLimitBytes: 64 * 2 ** 30,
      admission,
      processor: inlineProcessor(),
    });
    const other = admission.lease();
    other.reserve(1000); // another request's body, still being handled
    const body = JSON.stringify(request([llmSpan('over-budget')]));
    const res = await route.request('/v1/traces', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
    });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(((await res.json()) as { message: string }).message).toMatch(/too many request bytes in flight/);
    expect(admission.inFlight).toBe(1000); // the refused request holds nothing
    other.release();
    const admitted = await route.request('/v1/traces', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
    });
    expect(admitted.status).toBe(200);
    expect(admission.inFlight).toBe(0);
  });
});
