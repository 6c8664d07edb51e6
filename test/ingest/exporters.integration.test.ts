import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Health } from '@flywheel/api';
import { startTestFlywheel, type TestFlywheel } from '@flywheel/server/testing';
import { CONVENTION_FIXTURES, NON_CALL_FIXTURES } from '@flywheel/collector/fixtures';
import { byRequestId, getInteractions } from '../support/api';
import { expectSuccess, exportSpans, recordSpans, type Encoding } from '../support/otel';

let fw: TestFlywheel;
beforeAll(async () => {
  fw = await startTestFlywheel();
});
afterAll(() => fw.dispose());

const BASE = Date.parse('2026-11-01T10:00:00Z');

async function count(
  table: 'interactions' | 'signals',
  where: string,
  params: Record<string, unknown>,
): Promise<number> {
  const result = await fw.storage.client.query({
    query: `SELECT count() AS c FROM ${table} FINAL WHERE ${where}`,
    query_params: params,
    format: 'JSONEachRow',
  });
  return Number((await result.json<{ c: string }>())[0]!.c);
}

/** Each convention's fixture as a real SDK span, with a request id unique to this variant. */
async function fixtureSpans(variant: string) {
  return Promise.all(
    CONVENTION_FIXTURES.map((fixture, i) =>
      recordSpans(fixture.service, (tracer) => {
        const start = BASE + i * 60_000;
        const span = tracer.startSpan(fixture.spanName, {
          startTime: start,
          attributes: {
            ...fixture.attributes,
            'flywheel.request_id': `${variant}:${fixture.expected.request_id}`,
          },
        });
        span.end(start + 1_250);
      }),
    ),
  ).then((groups) => groups.flat());
}

describe.each<[Encoding, boolean]>([
  ['protobuf', false],
  ['protobuf', true],
  ['json', false],
  ['json', true],
])('OTLP %s (gzip %s) through the real exporter', (encoding, gzip) => {
  const variant = `${encoding}-${gzip ? 'gzip' : 'plain'}`;

  it('stores every convention as an interaction visible in the API', async () => {
    expectSuccess(await exportSpans(encoding, fw.otlpUrl, await fixtureSpans(variant), { gzip }));
    for (const fixture of CONVENTION_FIXTURES) {
      const item = await byRequestId(fw.apiUrl, `${variant}:${fixture.expected.request_id}`);
      expect(item, fixture.convention).toBeDefined();
      expect(item).toMatchObject({
        workloadId: fixture.expected.workload_id,
        service: fixture.service,
        provider: fixture.expected.provider,
        model: fixture.expected.model,
        modelVersion: fixture.expected.model_version,
        inputTokens: fixture.expected.input_tokens,
        outputTokens: fixture.expected.output_tokens,
        prompt: fixture.expected.prompt,
        response: fixture.expected.response,
        latencyMs: 1250,
        outcome: 'unknown',
        signals: [],
      });
      expect(item!.timeToFirstChunkMs).toBe(fixture.expected.ttft_ms ?? null);
    }
  });
});

describe('delivery semantics', () => {
  it('counts a re-sent request once, and a later plain request still lands', async () => {
    const spans = await recordSpans('retry-app', (tracer) => {
      for (let i = 0; i < 20; i++) {
        tracer
          .startSpan('chat m', {
            startTime: BASE + i,
            attributes: {
              'gen_ai.operation.name': 'chat',
              'flywheel.workload_id': 'retry',
              'flywheel.request_id': `retry-${i}`,
            },
          })
          .end(BASE + i + 5);
      }
    });
    expectSuccess(await exportSpans('protobuf', fw.otlpUrl, spans));
    expectSuccess(await exportSpans('protobuf', fw.otlpUrl, spans));
    expectSuccess(await exportSpans('json', fw.otlpUrl, spans));
    expect(await count('interactions', "workload_id = 'retry'", {})).toBe(20);

    const later = await recordSpans('retry-app', (tracer) => {
      tracer
        .startSpan('chat m', {
          startTime: BASE + 100,
          attributes: {
            'gen_ai.operation.name': 'chat',
            'flywheel.workload_id': 'retry',
            'flywheel.request_id': 'retry-later',
          },
        })
        .end(BASE + 200);
    });
    expectSuccess(await exportSpans('protobuf', fw.otlpUrl, later));
    expect(await count('interactions', "workload_id = 'retry'", {})).toBe(21);
    const items = await getInteractions(fw.apiUrl, 'workload=retry&limit=100');
    expect(items).toHaveLength(21);
    expect(new Set(items.map((i) => i.requestId)).size).toBe(21);
  });

  it('joins signals that arrive before their interaction, and applies the outcome precedence', async () => {
    const signals = await recordSpans('web', (tracer) => {
      const signal = (kind: string, at: number, extra: Record<string, string | number> = {}) =>
        tracer
          .startSpan('flywheel.signal', {
            startTime: at,
            attributes: {
              'flywheel.request_id': 'early-1',
              'flywheel.signal.kind': kind,
              'gen_ai.evaluation.name': `flywheel.${kind}`,
              ...extra,
            },
          })
          .end(at);
      signal('accepted', BASE + 5_000);
      signal('thumbs_down', BASE + 4_000);
      signal('copied', BASE + 6_000);
    });
    expectSuccess(await exportSpans('json', fw.otlpUrl, signals));
    expect(await byRequestId(fw.apiUrl, 'early-1')).toBeUndefined();

    const call = await recordSpans('web', (tracer) => {
      tracer
        .startSpan('chat m', {
          startTime: BASE + 1_000,
          attributes: { 'gen_ai.operation.name': 'chat', 'flywheel.request_id': 'early-1' },
        })
        .end(BASE + 2_000);
    });
    expectSuccess(await exportSpans('protobuf', fw.otlpUrl, call));
    const item = await byRequestId(fw.apiUrl, 'early-1');
    // Explicit thumbs outrank accepted/copied even though they came earlier.
    expect(item).toMatchObject({ outcome: 'failure', signals: ['thumbs_down', 'accepted', 'copied'] });
  });

  it('accepts JSON signals from browsers and joins them', async () => {
    const call = await recordSpans('web', (tracer) => {
      tracer
        .startSpan('chat m', {
          startTime: BASE + 10_000,
          attributes: { 'gen_ai.operation.name': 'chat', 'flywheel.request_id': 'browser-1' },
        })
        .end(BASE + 11_000);
    });
    expectSuccess(await exportSpans('protobuf', fw.otlpUrl, call));
    const post = (body: unknown) =>
      fetch(`${fw.apiUrl}/api/v1/signals`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const response = await post({
      signals: [
        {
          requestId: 'browser-1',
          kind: 'edited',
          value: 0.1,
          correction: 'better text',
          time: '2026-11-01T10:00:20Z',
        },
      ],
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ accepted: 1 });
    // The same POST again (a browser retry) is stored once.
    await post({
      signals: [
        {
          requestId: 'browser-1',
          kind: 'edited',
          value: 0.1,
          correction: 'better text',
          time: '2026-11-01T10:00:20Z',
        },
      ],
    });
    expect(await count('signals', "request_id = 'browser-1'", {})).toBe(1);
    expect(await byRequestId(fw.apiUrl, 'browser-1')).toMatchObject({
      outcome: 'success',
      signals: ['edited'],
    });
  });

  it('counts spans that are not LLM calls without storing them as calls or rejecting them', async () => {
    const before = await count('interactions', '1', {});
    const spans = await recordSpans('mixed', (tracer) => {
      for (const f of NON_CALL_FIXTURES)
        tracer.startSpan(f.spanName, { startTime: BASE, attributes: f.attributes }).end(BASE + 1);
    });
    const response = await exportSpans('protobuf', fw.otlpUrl, spans);
    expectSuccess(response);
    expect(await count('interactions', '1', {})).toBe(before);
    const health = (await (await fetch(`${fw.apiUrl}/healthz`)).json()) as Health;
    // Pipeline steps (agents, tools, retrievals, …) become nodes of their trace; the rest are skipped.
    const steps = NON_CALL_FIXTURES.filter((f) => f.nodeType).length;
    expect(health.ingest.pipelineNodes).toBeGreaterThanOrEqual(steps);
    expect(health.ingest.skippedSpans).toBeGreaterThanOrEqual(NON_CALL_FIXTURES.length - steps);
  });
});
