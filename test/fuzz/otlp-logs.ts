import fc from 'fast-check';
import { SIGNAL_KINDS } from '@flywheel/semconv';
import {
  BASE_NS,
  NS_PER_MS,
  bytes,
  dbl,
  hostileText,
  hostileTimeNs,
  hostileValue,
  mangle,
  maybe,
  messages,
  str,
  type OtlpBody,
} from './otlp-bodies';
import {
  Writer,
  jsonKeyValue,
  jsonValue,
  writeKeyValue,
  writeValue,
  type AnyValue,
  type KeyValue,
} from './otlp-model';

// OTLP log bodies for /v1/logs: the GenAI events and Flywheel signal events an app sends (evaluation
// results, operation details, per-message events, flywheel.signal), each part of which may be replaced
// by a hostile value, written as OTLP/JSON or protobuf, sometimes with its bytes mangled.

interface LogRecordModel {
  traceId: Uint8Array;
  spanId: Uint8Array;
  time: bigint;
  eventName: string;
  body: AnyValue | undefined;
  attributes: KeyValue[];
}

interface LogsModel {
  resource: KeyValue[];
  records: LogRecordModel[];
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

function toJson(model: LogsModel): Record<string, unknown> {
  return {
    resourceLogs: [
      {
        resource: { attributes: model.resource.map(jsonKeyValue) },
        scopeLogs: [
          {
            scope: { name: 'fuzz' },
            logRecords: model.records.map((r) => ({
              traceId: hex(r.traceId),
              spanId: hex(r.spanId),
              timeUnixNano: r.time.toString(),
              eventName: r.eventName,
              ...(r.body ? { body: jsonValue(r.body) } : {}),
              attributes: r.attributes.map(jsonKeyValue),
            })),
          },
        ],
      },
    ],
  };
}

/** An ExportLogsServiceRequest in the protobuf wire format, field numbers as opentelemetry-proto. */
function toProtobuf(model: LogsModel): Uint8Array {
  return new Writer()
    .message(1, (rl) =>
      rl
        .message(1, (r) => model.resource.forEach((kv) => r.message(1, (x) => writeKeyValue(x, kv))))
        .message(2, (sl) => {
          sl.message(1, (scope) => scope.string(1, 'fuzz'));
          for (const rec of model.records)
            sl.message(2, (lr) => {
              lr.fixed64(1, rec.time);
              if (rec.body) lr.message(5, (b) => writeValue(b, rec.body!));
              rec.attributes.forEach((kv) => lr.message(6, (x) => writeKeyValue(x, kv)));
              lr.bytes(9, rec.traceId).bytes(10, rec.spanId).string(12, rec.eventName);
            });
        }),
    )
    .finish();
}

const eventAttributes: Record<string, fc.Arbitrary<KeyValue[]>> = {
  'gen_ai.evaluation.result': fc.tuple(
    str('gen_ai.evaluation.name', fc.constantFrom('relevance', 'thumbs', 'flywheel.copied', 'accuracy')),
    dbl('gen_ai.evaluation.score.value'),
    str('gen_ai.evaluation.score.label', fc.constantFrom('up', 'down', 'pass', 'fail')),
    str('gen_ai.evaluation.explanation', hostileText),
  ),
  'gen_ai.client.inference.operation.details': fc.tuple(
    str('gen_ai.input.messages', messages('user')),
    str('gen_ai.output.messages', messages('assistant')),
    str('gen_ai.system_instructions', fc.constant('Be brief.')),
  ),
  'gen_ai.user.message': fc.constant([]),
  'gen_ai.choice': fc.constant([]),
  'flywheel.signal': fc.tuple(
    str('flywheel.request_id', fc.constantFrom('fz-1', 'fz-2')),
    str('flywheel.signal.kind', fc.constantFrom(...SIGNAL_KINDS)),
    dbl('flywheel.signal.value'),
  ),
};

const record: fc.Arbitrary<LogRecordModel> = fc
  .constantFrom(...Object.keys(eventAttributes))
  .chain((name) =>
    fc.tuple(
      maybe(bytes(16), fc.uint8Array({ maxLength: 40 })),
      maybe(bytes(8), fc.uint8Array({ maxLength: 20 })),
      maybe(fc.bigInt({ min: BASE_NS, max: BASE_NS + 30n * 86_400_000n * NS_PER_MS }), hostileTimeNs),
      maybe(fc.constant(name), hostileText),
      fc.option(
        maybe(fc.constant<AnyValue>({ kvlist: [{ key: 'content', value: { string: 'hi' } }] }), hostileValue),
        {
          freq: 2,
        },
      ),
      eventAttributes[name]!,
    ),
  )
  .map(([traceId, spanId, time, eventName, body, attributes]) => ({
    traceId,
    spanId,
    time,
    eventName,
    body: body ?? undefined,
    attributes: [...attributes],
  }));

const model: fc.Arbitrary<LogsModel> = fc.record({
  resource: fc.tuple(str('service.name', fc.constantFrom('shop', 'bank'))).map((kv) => kv),
  records: fc.array(record, { minLength: 1, maxLength: 8 }),
});

const encoder = new TextEncoder();

/** A hostile OTLP logs body and its content type. */
export const otlpLogsBody: fc.Arbitrary<OtlpBody> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.tuple(model, mangle).map(([m, f]) => ({
      contentType: 'application/x-protobuf',
      body: f(toProtobuf(m)),
    })),
  },
  {
    weight: 5,
    arbitrary: fc.tuple(model, mangle).map(([m, f]) => ({
      contentType: 'application/json',
      body: f(encoder.encode(JSON.stringify(toJson(m)))),
    })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(
        '{"resourceLogs":{}}',
        '{"resourceLogs":[{"scopeLogs":[{"logRecords":[null,1,"x"]}]}]}',
        '{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"timeUnixNano":"NaN","traceId":"zz"}]}]}]}',
        '{"resourceSpans":[]}',
      )
      .map((s) => ({ contentType: 'application/json', body: encoder.encode(s) })),
  },
);
