/** Attribute values after decoding, whichever OTLP encoding they arrived in. */
export type AttrValue = string | number | boolean | null | AttrValue[] | { [key: string]: AttrValue };
export type Attributes = Record<string, AttrValue>;

export interface SpanEvent {
  name: string;
  timeNs: bigint;
  attributes: Attributes;
}

/** One span, decoded but not yet validated: ids may be empty, times may be zero. */
export interface DecodedSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
  startNs: bigint;
  endNs: bigint;
  attributes: Attributes;
  events: SpanEvent[];
  status: { code: number; message: string };
  /** Set when a field of the span could not be read: the span is rejected with this reason. */
  invalid?: string;
}

export interface DecodedResourceSpans {
  resource: Attributes;
  spans: DecodedSpan[];
}

export const STATUS_CODE_ERROR = 2;
