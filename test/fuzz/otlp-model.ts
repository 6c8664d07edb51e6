// A model of an OTLP trace export request that can hold what valid OTLP cannot: ids of any length,
// times past 2^63 or negative, strings with lone surrogates, nesting of any depth. It is written out as
// OTLP/JSON and as protobuf by hand (not through an SDK, which would refuse the hostile values).

export type AnyValue =
  | { string: string }
  | { bool: boolean }
  | { int: bigint }
  | { double: number }
  | { array: AnyValue[] }
  | { kvlist: KeyValue[] }
  | { bytes: Uint8Array };

export interface KeyValue {
  key: string;
  value: AnyValue;
}

export interface SpanEventModel {
  name: string;
  time: bigint;
  attributes: KeyValue[];
}

export interface SpanModel {
  traceId: Uint8Array;
  spanId: Uint8Array;
  parentSpanId: Uint8Array;
  name: string;
  kind: number;
  start: bigint;
  end: bigint;
  attributes: KeyValue[];
  events: SpanEventModel[];
  status: { code: number; message: string };
}

export interface ExportModel {
  resource: KeyValue[];
  spans: SpanModel[];
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

export function jsonValue(value: AnyValue): unknown {
  if ('string' in value) return { stringValue: value.string };
  if ('bool' in value) return { boolValue: value.bool };
  // OTLP/JSON writes 64-bit integers as decimal strings.
  if ('int' in value) return { intValue: value.int.toString() };
  if ('double' in value) return { doubleValue: value.double };
  if ('array' in value) return { arrayValue: { values: value.array.map(jsonValue) } };
  if ('kvlist' in value) return { kvlistValue: { values: value.kvlist.map(jsonKeyValue) } };
  return { bytesValue: Buffer.from(value.bytes).toString('base64') };
}

export const jsonKeyValue = (kv: KeyValue) => ({ key: kv.key, value: jsonValue(kv.value) });

/** The request as an OTLP/JSON object (ids in hex, times as decimal strings). */
export function toOtlpJson(model: ExportModel): Record<string, unknown> {
  return {
    resourceSpans: [
      {
        resource: { attributes: model.resource.map(jsonKeyValue) },
        scopeSpans: [
          {
            scope: { name: 'fuzz' },
            spans: model.spans.map((s) => ({
              traceId: hex(s.traceId),
              spanId: hex(s.spanId),
              parentSpanId: hex(s.parentSpanId),
              name: s.name,
              kind: s.kind,
              startTimeUnixNano: s.start.toString(),
              endTimeUnixNano: s.end.toString(),
              attributes: s.attributes.map(jsonKeyValue),
              events: s.events.map((e) => ({
                name: e.name,
                timeUnixNano: e.time.toString(),
                attributes: e.attributes.map(jsonKeyValue),
              })),
              status: s.status,
            })),
          },
        ],
      },
    ],
  };
}

/** Protobuf wire format, just what OTLP traces and logs use. */
export class Writer {
  private readonly chunks: Uint8Array[] = [];

  varint(n: bigint): this {
    let v = BigInt.asUintN(64, n);
    const bytes: number[] = [];
    do {
      let b = Number(v & 0x7fn);
      v >>= 7n;
      if (v > 0n) b |= 0x80;
      bytes.push(b);
    } while (v > 0n);
    this.chunks.push(Uint8Array.from(bytes));
    return this;
  }

  tag(field: number, wire: number): this {
    return this.varint(BigInt((field << 3) | wire));
  }

  bytes(field: number, data: Uint8Array): this {
    this.tag(field, 2).varint(BigInt(data.length));
    this.chunks.push(data);
    return this;
  }

  /** A string as UTF-8, except that a lone surrogate is written as the bytes a careless encoder emits. */
  string(field: number, text: string): this {
    return this.bytes(field, looseUtf8(text));
  }

  message(field: number, write: (w: Writer) => void): this {
    const inner = new Writer();
    write(inner);
    return this.bytes(field, inner.finish());
  }

  fixed64(field: number, n: bigint): this {
    const buffer = Buffer.alloc(8);
    buffer.writeBigUInt64LE(BigInt.asUintN(64, n));
    this.tag(field, 1);
    this.chunks.push(buffer);
    return this;
  }

  double(field: number, n: number): this {
    const buffer = Buffer.alloc(8);
    buffer.writeDoubleLE(n);
    this.tag(field, 1);
    this.chunks.push(buffer);
    return this;
  }

  finish(): Uint8Array {
    return Buffer.concat(this.chunks);
  }
}

/** UTF-8, with each lone surrogate as its three-byte (invalid) encoding rather than U+FFFD. */
export function looseUtf8(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const unit = ch.charCodeAt(0);
    if (ch.length === 1 && unit >= 0xd800 && unit <= 0xdfff)
      out.push(0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f));
    else out.push(...Buffer.from(ch, 'utf8'));
  }
  return Uint8Array.from(out);
}

export function writeValue(w: Writer, value: AnyValue): void {
  if ('string' in value) w.string(1, value.string);
  else if ('bool' in value) w.tag(2, 0).varint(value.bool ? 1n : 0n);
  else if ('int' in value) w.tag(3, 0).varint(value.int);
  else if ('double' in value) w.double(4, value.double);
  else if ('array' in value)
    w.message(5, (a) => value.array.forEach((v) => a.message(1, (x) => writeValue(x, v))));
  else if ('kvlist' in value)
    w.message(6, (l) => value.kvlist.forEach((kv) => l.message(1, (x) => writeKeyValue(x, kv))));
  else w.bytes(7, value.bytes);
}

export function writeKeyValue(w: Writer, kv: KeyValue): void {
  w.string(1, kv.key).message(2, (v) => writeValue(v, kv.value));
}

/** The request as protobuf (an ExportTraceServiceRequest). */
export function toOtlpProtobuf(model: ExportModel): Uint8Array {
  return new Writer()
    .message(1, (rs) =>
      rs
        .message(1, (r) => model.resource.forEach((kv) => r.message(1, (x) => writeKeyValue(x, kv))))
        .message(2, (ss) => {
          ss.message(1, (scope) => scope.string(1, 'fuzz'));
          for (const s of model.spans)
            ss.message(2, (span) => {
              span.bytes(1, s.traceId).bytes(2, s.spanId);
              if (s.parentSpanId.length > 0) span.bytes(4, s.parentSpanId);
              span.string(5, s.name).tag(6, 0).varint(BigInt(s.kind)).fixed64(7, s.start).fixed64(8, s.end);
              s.attributes.forEach((kv) => span.message(9, (x) => writeKeyValue(x, kv)));
              for (const e of s.events)
                span.message(11, (ev) => {
                  ev.fixed64(1, e.time).string(2, e.name);
                  e.attributes.forEach((kv) => ev.message(3, (x) => writeKeyValue(x, kv)));
                });
              span.message(15, (st) =>
                st.string(2, s.status.message).tag(3, 0).varint(BigInt(s.status.code)),
              );
            });
        }),
    )
    .finish();
}
