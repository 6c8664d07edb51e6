import { z } from 'zod';
import { keyValuesToAttributes, toBigInt } from './any-value';
import { OtlpRequestError } from './errors';
import { ExportTraceServiceRequest } from './schema';
import type { DecodedResourceSpans, DecodedSpan, SpanEvent } from './span';

/** Decodes an OTLP/HTTP protobuf body (an ExportTraceServiceRequest). */
export function decodeProtobuf(body: Uint8Array): DecodedResourceSpans[] {
  let message: unknown;
  try {
    message = ExportTraceServiceRequest.decode(body);
  } catch (error) {
    throw new OtlpRequestError(
      400,
      `body is not a protobuf ExportTraceServiceRequest: ${(error as Error).message}`,
    );
  }
  return convertRequest(message);
}

// Only the envelope is checked strictly; a malformed field inside one span rejects that span alone.
const jsonEnvelope = z.object({
  resourceSpans: z
    .array(
      z.object({
        resource: z.object({ attributes: z.array(z.unknown()).optional() }).nullish(),
        scopeSpans: z
          .array(z.object({ spans: z.array(z.record(z.string(), z.unknown())).nullish() }))
          .nullish(),
      }),
    )
    .nullish(),
});

/** Decodes an OTLP/HTTP JSON body. */
export function decodeJson(body: Uint8Array): DecodedResourceSpans[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body).toString('utf8'));
  } catch (error) {
    throw new OtlpRequestError(400, `body is not valid JSON: ${(error as Error).message}`);
  }
  const envelope = jsonEnvelope.safeParse(parsed);
  if (!envelope.success) {
    const issue = envelope.error.issues[0]!;
    const path = issue.path.length > 0 ? issue.path.join('.') : '(root)';
    throw new OtlpRequestError(
      400,
      `body is not an OTLP ExportTraceServiceRequest: ${path}: ${issue.message}`,
    );
  }
  return convertRequest(parsed);
}

interface RawRequest {
  resourceSpans?: Array<{
    resource?: { attributes?: unknown } | null;
    scopeSpans?: Array<{ spans?: Array<Record<string, unknown>> | null }> | null;
  }> | null;
}

/** Protobufjs messages and OTLP/JSON share field names, so one conversion serves both encodings. */
function convertRequest(message: unknown): DecodedResourceSpans[] {
  const request = message as RawRequest;
  return (request.resourceSpans ?? []).map((rs) => ({
    resource: keyValuesToAttributes(rs.resource?.attributes),
    spans: (rs.scopeSpans ?? []).flatMap((ss) => (ss.spans ?? []).map(convertSpan)),
  }));
}

const SPAN_KINDS: Record<string, number> = {
  SPAN_KIND_UNSPECIFIED: 0,
  SPAN_KIND_INTERNAL: 1,
  SPAN_KIND_SERVER: 2,
  SPAN_KIND_CLIENT: 3,
  SPAN_KIND_PRODUCER: 4,
  SPAN_KIND_CONSUMER: 5,
};

function convertSpan(raw: Record<string, unknown>): DecodedSpan {
  const status = (raw.status ?? {}) as { code?: unknown; message?: unknown };
  return {
    traceId: idToHex(raw.traceId, 16),
    spanId: idToHex(raw.spanId, 8),
    parentSpanId: idToHex(raw.parentSpanId, 8),
    name: typeof raw.name === 'string' ? raw.name : '',
    kind: typeof raw.kind === 'string' ? (SPAN_KINDS[raw.kind] ?? 0) : Number(raw.kind ?? 0),
    startNs: toBigInt(raw.startTimeUnixNano) ?? 0n,
    endNs: toBigInt(raw.endTimeUnixNano) ?? 0n,
    attributes: keyValuesToAttributes(raw.attributes),
    events: Array.isArray(raw.events) ? raw.events.map(convertEvent) : [],
    status: {
      code: statusCode(status.code),
      message: typeof status.message === 'string' ? status.message : '',
    },
  };
}

function convertEvent(raw: Record<string, unknown>): SpanEvent {
  return {
    name: typeof raw.name === 'string' ? raw.name : '',
    timeNs: toBigInt(raw.timeUnixNano) ?? 0n,
    attributes: keyValuesToAttributes(raw.attributes),
  };
}

function statusCode(code: unknown): number {
  if (code === 'STATUS_CODE_OK') return 1;
  if (code === 'STATUS_CODE_ERROR') return 2;
  return Number(code ?? 0) || 0;
}

/** Lower-case hex of an id, or '' when it is absent or has the wrong length (the span is then rejected). */
function idToHex(value: unknown, bytes: number): string {
  if (value instanceof Uint8Array) return value.length === bytes ? Buffer.from(value).toString('hex') : '';
  if (typeof value === 'string')
    return new RegExp(`^[0-9a-fA-F]{${bytes * 2}}$`).test(value) ? value.toLowerCase() : '';
  return '';
}
