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
