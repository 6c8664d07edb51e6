import { describe, expect, it } from 'vitest';
import { decodeLogsJson, decodeLogsProtobuf } from './decode-logs';
import { OtlpRequestError } from './errors';
import { ExportLogsServiceRequest } from './schema';

const TRACE = '0af7651916cd43dd8448eb211c80319c';
const SPAN = 'b7ad6b7169203331';

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('decoding /v1/logs bodies', () => {
  it('reads a JSON record: ids, time, event name from the field or the event.name attribute, body', () => {
    const [rl] = decodeLogsJson(
      json({
        resourceLogs: [
          {
            resource: { attributes: [{ key: 'service.name', value: { stringValue: 'app' } }] },
            scopeLogs: [
              {
                logRecords: [
                  {
                    traceId: TRACE,
                    spanId: SPAN,
                    timeUnixNano: '1764000000000000000',
                    eventName: 'gen_ai.evaluation.result',
                    attributes: [{ key: 'gen_ai.evaluation.name', value: { stringValue: 'relevance' } }],
                  },
                  {
                    observedTimeUnixNano: '1764000000000000001',
                    attributes: [{ key: 'event.name', value: { stringValue: 'gen_ai.user.message' } }],
                    body: { kvlistValue: { values: [{ key: 'content', value: { stringValue: 'hi' } }] } },
                  },
                ],
              },
            ],
          },
        ],
      }),
    );
    expect(rl!.resource).toEqual({ 'service.name': 'app' });
    expect(rl!.records[0]).toMatchObject({
      traceId: TRACE,
      spanId: SPAN,
      timeNs: 1764000000000000000n,
      eventName: 'gen_ai.evaluation.result',
      index: 0,
    });
    expect(rl!.records[1]).toMatchObject({
      traceId: '',
      timeNs: 1764000000000000001n,
      eventName: 'gen_ai.user.message',
      body: { content: 'hi' },
    });
  });

  it('reads the same record from protobuf', () => {
    const message = ExportLogsServiceRequest.fromObject({
      resourceLogs: [
        {
          scopeLogs: [
            {
              logRecords: [
                {
                  traceId: Buffer.from(TRACE, 'hex'),
                  spanId: Buffer.from(SPAN, 'hex'),
                  timeUnixNano: '1764000000000000000',
                  eventName: 'flywheel.signal',
                },
              ],
            },
          ],
        },
      ],
    });
    const [rl] = decodeLogsProtobuf(ExportLogsServiceRequest.encode(message).finish());
    expect(rl!.records[0]).toMatchObject({ traceId: TRACE, spanId: SPAN, eventName: 'flywheel.signal' });
  });

  it('rejects a record with an unreadable field alone, and a body that is not a request whole', () => {
    const [rl] = decodeLogsJson(
      json({
        resourceLogs: [{ scopeLogs: [{ logRecords: [{ timeUnixNano: 'NaN' }, { timeUnixNano: '1' }] }] }],
      }),
    );
    expect(rl!.records[0]!.invalid).toMatch(/timeUnixNano/);
    expect(rl!.records[1]!.invalid).toBeUndefined();
    expect(() => decodeLogsJson(json({ resourceLogs: 'x' }))).toThrow(OtlpRequestError);
    expect(() => decodeLogsProtobuf(new Uint8Array([0xff, 0xff, 0xff]))).toThrow(/ExportLogsServiceRequest/);
  });
});
