import { describe, expect, it } from 'vitest';
import { decodeJson, decodeProtobuf } from './decode';
import { ExportTraceServiceRequest } from './schema';

const attributes = [
  { key: 's', value: { stringValue: 'text' } },
  { key: 'i', value: { intValue: 42 } },
  { key: 'big', value: { intValue: '9007199254740993' } },
  { key: 'd', value: { doubleValue: 0.25 } },
  { key: 'b', value: { boolValue: false } },
  { key: 'a', value: { arrayValue: { values: [{ stringValue: 'x' }, { intValue: 1 }] } } },
  { key: 'kv', value: { kvlistValue: { values: [{ key: 'inner', value: { boolValue: true } }] } } },
];
const expected = {
  s: 'text',
  i: 42,
  big: '9007199254740993',
  d: 0.25,
  b: false,
  a: ['x', 1],
  kv: { inner: true },
};

describe('OTLP decoding', () => {
  it('decodes protobuf with every AnyValue kind and exact nanosecond times', () => {
    const message = ExportTraceServiceRequest.fromObject({
      resourceSpans: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'svc' } }] },
          scopeSpans: [
            {
              spans: [
                {
                  traceId: Buffer.from('0102030405060708090a0b0c0d0e0f10', 'hex'),
                  spanId: Buffer.from('1112131415161718', 'hex'),
                  name: 'chat',
                  kind: 3,
                  startTimeUnixNano: '1761991200123456789',
                  endTimeUnixNano: '1761991201000000001',
                  attributes,
                  events: [
                    {
                      name: 'e',
                      timeUnixNano: '1761991200500000000',
                      attributes: [{ key: 'x', value: { intValue: 7 } }],
                    },
                  ],
                  status: { code: 2, message: 'failed' },
                },
              ],
            },
          ],
        },
      ],
    });
    const [rs] = decodeProtobuf(ExportTraceServiceRequest.encode(message).finish());
    expect(rs!.resource).toEqual({ 'service.name': 'svc' });
    const span = rs!.spans[0]!;
    expect(span).toMatchObject({
      traceId: '0102030405060708090a0b0c0d0e0f10',
      spanId: '1112131415161718',
      parentSpanId: '',
      kind: 3,
      startNs: 1761991200123456789n,
      endNs: 1761991201000000001n,
      status: { code: 2, message: 'failed' },
    });
    expect(span.attributes).toEqual(expected);
    expect(span.events).toEqual([{ name: 'e', timeNs: 1761991200500000000n, attributes: { x: 7 } }]);
  });

  it('decodes OTLP/JSON with hex ids, string or number times and enum names', () => {
    const body = JSON.stringify({
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [
                {
                  traceId: '0102030405060708090A0B0C0D0E0F10',
                  spanId: '1112131415161718',
                  name: 'chat',
                  kind: 'SPAN_KIND_CLIENT',
                  startTimeUnixNano: '1761991200123456789',
                  endTimeUnixNano: 1761991201000000000,
                  attributes,
                  status: { code: 'STATUS_CODE_ERROR' },
                },
              ],
            },
          ],
        },
      ],
    });
    const span = decodeJson(Buffer.from(body))[0]!.spans[0]!;
    expect(span).toMatchObject({
      traceId: '0102030405060708090a0b0c0d0e0f10',
      kind: 3,
      startNs: 1761991200123456789n,
      status: { code: 2 },
    });
    expect(span.attributes).toEqual(expected);
  });

  it('leaves a malformed id empty so that the span alone is rejected later', () => {
    const body = JSON.stringify({
      resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: 'abc', spanId: 'zz' }] }] }],
    });
    expect(decodeJson(Buffer.from(body))[0]!.spans[0]).toMatchObject({ traceId: '', spanId: '' });
  });

  it('accepts an empty request', () => {
    expect(decodeJson(Buffer.from('{}'))).toEqual([]);
    expect(decodeProtobuf(new Uint8Array())).toEqual([]);
  });
});

describe('OTLP/JSON values of the wrong type reject their span, never the request', () => {
  const spanWith = (extra: Record<string, unknown>) => ({
    traceId: '0102030405060708090a0b0c0d0e0f10',
    spanId: '1112131415161718',
    name: 'chat',
    startTimeUnixNano: '1761991200000000000',
    endTimeUnixNano: '1761991201000000000',
    ...extra,
  });
  const decodeSpans = (...spans: unknown[]) =>
    decodeJson(Buffer.from(JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans }] }] })))[0]!.spans;

  it.each([
    [
      'a number as bytesValue',
      { attributes: [{ key: 'b', value: { bytesValue: 123 } }] },
      /attribute b: bytesValue must be base64 text/,
    ],
    [
      'an object with a huge length as bytesValue',
      {
        attributes: [
          {
            key: 'kv',
            value: { kvlistValue: { values: [{ key: 'x', value: { bytesValue: { length: 4e9 } } }] } },
          },
        ],
      },
      /attribute kv\.x: bytesValue must be base64 text/,
    ],
    ['a null event', { events: [null] }, /events\[0\] is not an event/],
    ['events that are not a list', { events: { name: 'e' } }, /events must be a list/],
    [
      'a bad value in an event',
      { events: [{ name: 'e', attributes: [{ key: 'b', value: { bytesValue: true } }] }] },
      /events\[0\] attribute b: bytesValue/,
    ],
    [
      'a start time of "NaN"',
      { startTimeUnixNano: 'NaN' },
      /startTimeUnixNano must be an integer number of nanoseconds, got "NaN"/,
    ],
    [
      'a start time that is an object',
      { startTimeUnixNano: { low: 'x' } },
      /startTimeUnixNano must be an integer/,
    ],
    [
      'an event time of "1e308"',
      { events: [{ name: 'e', timeUnixNano: '1e308' }] },
      /events\[0\]\.timeUnixNano must be an integer/,
    ],
  ])('%s', (_name, extra, message) => {
    const [bad, good] = decodeSpans(spanWith(extra), spanWith({ spanId: '2122232425262728' }));
    expect(bad!.invalid).toMatch(message);
    expect(bad!.spanId).toBe('1112131415161718');
    expect(good!.invalid).toBeUndefined();
  });

  it('reads a time sent as the JSON number 1e308 (the time window rejects it later)', () => {
    expect(decodeSpans(spanWith({ endTimeUnixNano: 1e308 }))[0]!.endNs).toBe(BigInt(1e308));
  });

  it('rejects every span of a resource whose attributes cannot be read', () => {
    const body = JSON.stringify({
      resourceSpans: [
        {
          resource: { attributes: [{ key: 'service.name', value: { bytesValue: 5 } }] },
          scopeSpans: [{ spans: [spanWith({})] }],
        },
      ],
    });
    expect(decodeJson(Buffer.from(body))[0]!.spans[0]!.invalid).toMatch(
      /resource attribute service\.name: bytesValue must be base64 text/,
    );
  });

  it('refuses a body nested deeper than protobuf allows with a 400, before parsing it', () => {
    const deep = (levels: number) => {
      let value = '{"stringValue":"x"}';
      for (let i = 0; i < levels; i++) value = `{"kvlistValue":{"values":[{"key":"k","value":${value}}]}}`;
      return JSON.stringify({
        resourceSpans: [{ scopeSpans: [{ spans: [spanWith({ attributes: [] })] }] }],
      }).replace('"attributes":[]', `"attributes":[{"key":"a","value":${value}}]`);
    };
    // 30 kvlist levels (90 nested messages) decode as protobuf would; 5,000 are refused, not a crash.
    expect(decodeJson(Buffer.from(deep(30)))[0]!.spans[0]!.attributes.a).toBeDefined();
    for (const levels of [40, 5_000]) {
      expect(() => decodeJson(Buffer.from(deep(levels)))).toThrow(
        expect.objectContaining({
          status: 400,
          message: expect.stringMatching(/nest deeper than 100 levels/),
        }),
      );
    }
  });

  it('refuses protobuf nested deeper than 100 messages with a 400', () => {
    // Encoded by hand: protobufjs will not even build a message this deep.
    const varint = (n: number): number[] => (n < 128 ? [n] : [(n & 127) | 128, ...varint(n >> 7)]);
    const field = (key: number, bytes: Uint8Array) =>
      Buffer.concat([Buffer.from([key, ...varint(bytes.length)]), bytes]);
    let anyValue: Uint8Array = field(0x0a, Buffer.from('x')); // AnyValue.string_value
    for (let i = 0; i < 60; i++) {
      const keyValue = Buffer.concat([field(0x0a, Buffer.from('k')), field(0x12, anyValue)]);
      anyValue = field(0x32, field(0x0a, keyValue)); // AnyValue.kvlist_value { values: [keyValue] }
    }
    const attribute = Buffer.concat([field(0x0a, Buffer.from('a')), field(0x12, anyValue)]);
    const body = field(0x0a, field(0x12, field(0x12, field(0x4a, attribute)))); // request > resource > scope > span
    expect(() => decodeProtobuf(body)).toThrow(
      expect.objectContaining({ status: 400, message: expect.stringMatching(/max depth exceeded/) }),
    );
  });
});
