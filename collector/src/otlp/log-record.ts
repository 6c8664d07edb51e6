import type { AttrValue, Attributes } from './span';

/**
 * One OTLP log record, decoded but not yet validated. GenAI events (evaluation results, inference
 * operation details, the older per-message events) and Flywheel's own signal events arrive this way.
 */
export interface DecodedLogRecord {
  /** Hex ids of the span the record was emitted in; '' when it was emitted outside a span. */
  traceId: string;
  spanId: string;
  /** `time_unix_nano`, else `observed_time_unix_nano` (0 when neither was sent). */
  timeNs: bigint;
  /** The event name: the record's `event_name` field, else its `event.name` attribute (older SDKs). */
  eventName: string;
  body: AttrValue;
  attributes: Attributes;
  /** Its position in the request, for error messages. */
  index: number;
  invalid?: string;
}

export interface DecodedResourceLogs {
  resource: Attributes;
  records: DecodedLogRecord[];
}
