import fc from 'fast-check';
import { BOUNDARY_TIMES, HOSTILE_TEXTS, deepJson } from '@flywheel/api/testing';
import { SIGNAL_KINDS } from '@flywheel/semconv';
import {
  toOtlpJson,
  toOtlpProtobuf,
  type AnyValue,
  type ExportModel,
  type KeyValue,
  type SpanEventModel,
  type SpanModel,
} from './otlp-model';

// OTLP trace bodies: valid LLM spans as an instrumented app sends them, each part of which may be
// replaced by a hostile value, then written as OTLP/JSON or protobuf, sometimes with its bytes mangled.

export interface OtlpBody {
  contentType: string;
  body: Uint8Array;
}

export const NS_PER_MS = 1_000_000n;
export const BASE_NS = BigInt(Date.parse('2026-11-01T00:00:00Z')) * NS_PER_MS;

export const bytes = (length: number) => fc.uint8Array({ minLength: length, maxLength: length });
export const hostileText = fc.constantFrom(...HOSTILE_TEXTS);
export const hostileTimeNs = fc.oneof(
  fc.constantFrom(0n, 1n, -1n, 2n ** 63n, 2n ** 63n - 1n, 2n ** 64n - 1n, -(10n ** 9n) / 2n),
  fc.constantFrom(...BOUNDARY_TIMES).map((t) => {
    const ms = Date.parse(t);
    return Number.isNaN(ms) ? 0n : BigInt(ms) * NS_PER_MS;
  }),
  fc.bigInt({ min: -(2n ** 64n), max: 2n ** 65n }),
);

/** A value that breaks what the attribute's reader expects, or nests without end. */
export const hostileValue: fc.Arbitrary<AnyValue> = fc.oneof(
  hostileText.map((string) => ({ string })),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map((int) => ({ int })),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, -1e308, 5e-324).map((double) => ({ double })),
  fc.boolean().map((bool) => ({ bool })),
  fc.uint8Array({ maxLength: 64 }).map((b) => ({ bytes: b })),
  fc.integer({ min: 2, max: 300 }).map((depth) => nested(depth)),
);

function nested(depth: number): AnyValue {
  let value: AnyValue = { string: 'bottom' };
  for (let i = 0; i < depth; i++) value = i % 2 ? { array: [value] } : { kvlist: [{ key: `k${i}`, value }] };
  return value;
}

/** Mostly `fits`, sometimes hostile. */
export const maybe = <T>(fits: fc.Arbitrary<T>, hostile: fc.Arbitrary<T>, hostility = 8) =>
  fc.oneof({ weight: hostility, arbitrary: fits }, { weight: 1, arbitrary: hostile });

const text = (max: number) => fc.string({ maxLength: max });
const words = fc.array(fc.constantFrom('the', 'order', 'refund', 'please', 'reset', 'password', 'ok'), {
  minLength: 1,
  maxLength: 40,
});
export const messages = (role: string) =>
  words.map((w) => JSON.stringify([{ role, parts: [{ type: 'text', content: w.join(' ') }] }]));

export const str = (key: string, value: fc.Arbitrary<string>): fc.Arbitrary<KeyValue> =>
  maybe(
    value.map((string): AnyValue => ({ string })),
    hostileValue,
  ).map((v) => ({ key, value: v }));
const int = (key: string, max: number): fc.Arbitrary<KeyValue> =>
  maybe(
    fc.integer({ min: 0, max }).map((n): AnyValue => ({ int: BigInt(n) })),
    hostileValue,
  ).map((v) => ({
    key,
    value: v,
  }));
export const dbl = (key: string): fc.Arbitrary<KeyValue> =>
  maybe(
    fc.double({ min: 0, max: 1, noNaN: true }).map((double): AnyValue => ({ double })),
    hostileValue,
  ).map((v) => ({ key, value: v }));

const llmAttributes: fc.Arbitrary<KeyValue[]> = fc
  .tuple(
    str('gen_ai.operation.name', fc.constantFrom('chat', 'text_completion', 'embeddings')),
    str('gen_ai.provider.name', fc.constantFrom('openai', 'anthropic')),
    str('gen_ai.request.model', fc.constantFrom('gpt-4o', 'claude-sonnet')),
    str('gen_ai.response.model', fc.constantFrom('gpt-4o-2024-08-06')),
    int('gen_ai.usage.input_tokens', 100_000),
    int('gen_ai.usage.output_tokens', 100_000),
    str('gen_ai.input.messages', messages('user')),
    str('gen_ai.output.messages', messages('assistant')),
    str('flywheel.workload_id', fc.constantFrom('support', 'search')),
    str('flywheel.request_id', fc.stringMatching(/^fz-[a-z0-9]{1,12}$/)),
    str('flywheel.model_version', fc.constantFrom('v1', 'v2')),
    str('flywheel.user_id', fc.stringMatching(/^u_[0-9]{1,4}$/)),
    dbl('flywheel.quality_score'),
    fc.array(fc.tuple(maybe(text(20), hostileText), hostileValue), { maxLength: 2 }),
  )
  .map(([...parts]) => {
    const extra = parts.pop() as Array<[string, AnyValue]>;
    return [...(parts as KeyValue[]), ...extra.map(([key, value]) => ({ key, value }))];
  });

const signalEvent: fc.Arbitrary<SpanEventModel> = fc
  .tuple(
    maybe(fc.constant('flywheel.signal'), hostileText),
    maybe(fc.bigInt({ min: BASE_NS, max: BASE_NS + 86_400_000n * NS_PER_MS }), hostileTimeNs),
    str('flywheel.signal.kind', fc.constantFrom(...SIGNAL_KINDS)),
    dbl('flywheel.signal.value'),
  )
  .map(([name, time, kind, value]) => ({ name, time, attributes: [kind, value] }));

const span: fc.Arbitrary<SpanModel> = fc
  .tuple(
    maybe(
      bytes(16),
      fc.oneof(
        fc.uint8Array({ maxLength: 40 }),
        bytes(16).map((b) => b.fill(0)),
      ),
    ),
    maybe(bytes(8), fc.uint8Array({ maxLength: 20 })),
    fc.option(bytes(8), { freq: 4 }),
    maybe(fc.constantFrom('chat gpt-4o', 'flywheel.signal'), hostileText),
    fc.integer({ min: 0, max: 7 }),
    maybe(fc.bigInt({ min: BASE_NS, max: BASE_NS + 30n * 86_400_000n * NS_PER_MS }), hostileTimeNs),
    maybe(fc.bigInt({ min: 1n, max: 60_000n * NS_PER_MS }), hostileTimeNs),
    llmAttributes,
    fc.array(signalEvent, { maxLength: 2 }),
    fc.record({ code: fc.integer({ min: 0, max: 3 }), message: maybe(fc.constant(''), hostileText) }),
  )
  .map(([traceId, spanId, parent, name, kind, start, duration, attributes, events, status]) => ({
    traceId,
    spanId,
    parentSpanId: parent ?? new Uint8Array(),
    name,
    kind,
    start,
    end: start + duration,
    attributes,
    events,
    status,
  }));

const model: fc.Arbitrary<ExportModel> = fc.record({
  resource: fc.tuple(str('service.name', fc.constantFrom('shop', 'bank'))).map((kv) => kv),
  spans: fc.array(span, { minLength: 1, maxLength: 6 }),
});

/** Bytes flipped, cut or inserted: what a broken proxy or a truncated upload delivers. */
export const mangle = fc.oneof(
  { weight: 12, arbitrary: fc.constant((b: Uint8Array) => b) },
  fc.nat().map((at) => (b: Uint8Array) => b.subarray(0, b.length === 0 ? 0 : at % b.length)),
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })).map(([at, byte]) => (b: Uint8Array) => {
    const copy = Uint8Array.from(b);
    if (copy.length > 0) copy[at % copy.length] = byte;
    return copy;
  }),
  fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 16 })).map(([at, junk]) => (b: Uint8Array) => {
    const cut = b.length === 0 ? 0 : at % b.length;
    return Buffer.concat([b.subarray(0, cut), junk, b.subarray(cut)]);
  }),
);

/** OTLP/JSON that the object model cannot express: envelopes of the wrong shape, deep nesting. */
const structural: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '{"resourceSpans":{}}',
    '{"resourceSpans":[{"scopeSpans":[{"spans":[null,1,"x"]}]}]}',
    '{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"zz","spanId":"","startTimeUnixNano":-5}]}]}]}',
    '{"resourceSpans":[{"scopeSpans":[{"spans":[{"startTimeUnixNano":"1e30","endTimeUnixNano":"NaN"}]}]}]}',
    '{"resourceSpans":[{"resource":{"attributes":[{"key":"a","value":{"intValue":"99999999999999999999"}}]}}]}',
    '{"resourceSpans":[{"scopeSpans":[{"spans":[{"attributes":[{"key":"x","value":{"doubleValue":"Infinity"}}]}]}]}]}',
  ),
  fc
    .tuple(fc.integer({ min: 50, max: 20_000 }), fc.constantFrom('array', 'object', 'mixed'))
    .map(([depth, kind]) => `{"resourceSpans":${deepJson(depth, kind as 'array' | 'object' | 'mixed')}}`),
);

const encoder = new TextEncoder();

/** A hostile OTLP trace body and its content type. */
export const otlpBody: fc.Arbitrary<OtlpBody> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.tuple(model, mangle).map(([m, f]) => ({
      contentType: 'application/x-protobuf',
      body: f(toOtlpProtobuf(m)),
    })),
  },
  {
    weight: 5,
    arbitrary: fc.tuple(model, mangle).map(([m, f]) => ({
      contentType: 'application/json',
      body: f(encoder.encode(JSON.stringify(toOtlpJson(m)))),
    })),
  },
  {
    weight: 1,
    arbitrary: structural.map((s) => ({ contentType: 'application/json', body: encoder.encode(s) })),
  },
);
