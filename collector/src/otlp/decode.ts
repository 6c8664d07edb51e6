import { z } from 'zod';
import { AttributeValueError, keyValuesToAttributes } from './any-value';
import { FieldError, idToHex, time } from './fields';
import { OtlpRequestError } from './errors';
import { jsonNestingProblem } from './json-nesting';
import { ExportTraceServiceRequest } from './schema';
import type { Attributes, DecodedResourceSpans, DecodedSpan, SpanEvent } from './span';

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
  const nesting = jsonNestingProblem(body);
  if (nesting) throw new OtlpRequestError(400, `body is refused: ${nesting}`);
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
  return (request.resourceSpans ?? []).map((rs) => {
    let resource: Attributes = {};
    let problem: string | undefined;
    try {
      resource = keyValuesToAttributes(rs.resource?.attributes);
    } catch (error) {
      if (!(error instanceof AttributeValueError)) throw error;
      problem = `resource ${error.message}`;
    }
    return {
      resource,
      spans: (rs.scopeSpans ?? []).flatMap((ss) => (ss.spans ?? []).map((raw) => readSpan(raw, problem))),
    };
  });
}

const SPAN_KINDS: Record<string, number> = {
  SPAN_KIND_UNSPECIFIED: 0,
  SPAN_KIND_INTERNAL: 1,
  SPAN_KIND_SERVER: 2,
  SPAN_KIND_CLIENT: 3,
  SPAN_KIND_PRODUCER: 4,
  SPAN_KIND_CONSUMER: 5,
};

function readSpan(raw: Record<string, unknown>, resourceProblem: string | undefined): DecodedSpan {
  const status = (raw.status ?? {}) as { code?: unknown; message?: unknown };
  const span: DecodedSpan = {
    traceId: idToHex(raw.traceId, 16),
    spanId: idToHex(raw.spanId, 8),
    parentSpanId: idToHex(raw.parentSpanId, 8),
    name: typeof raw.name === 'string' ? raw.name : '',
    kind: typeof raw.kind === 'string' ? (SPAN_KINDS[raw.kind] ?? 0) : Number(raw.kind ?? 0),
    startNs: 0n,
    endNs: 0n,
    attributes: {},
    events: [],
    status: {
      code: statusCode(status.code),
      message: typeof status.message === 'string' ? status.message : '',
    },
  };
  try {
    if (resourceProblem) throw new FieldError(resourceProblem);
    span.startNs = time(raw.startTimeUnixNano, 'startTimeUnixNano');
    span.endNs = time(raw.endTimeUnixNano, 'endTimeUnixNano');
    span.attributes = keyValuesToAttributes(raw.attributes);
    span.events = events(raw.events);
  } catch (error) {
    if (error instanceof FieldError || error instanceof AttributeValueError) span.invalid = error.message;
    else throw error;
  }
  return span;
}

function events(value: unknown): SpanEvent[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new FieldError('events must be a list');
  return value.map((raw: unknown, index) => {
    if (raw === null || typeof raw !== 'object') throw new FieldError(`events[${index}] is not an event`);
    const event = raw as Record<string, unknown>;
    try {
      return {
        name: typeof event.name === 'string' ? event.name : '',
        timeNs: time(event.timeUnixNano, `events[${index}].timeUnixNano`),
        attributes: keyValuesToAttributes(event.attributes),
      };
    } catch (error) {
      if (error instanceof AttributeValueError) throw new FieldError(`events[${index}] ${error.message}`);
      throw error;
    }
  });
}

function statusCode(code: unknown): number {
  if (code === 'STATUS_CODE_OK') return 1;
  if (code === 'STATUS_CODE_ERROR') return 2;
  return Number(code ?? 0) || 0;
}
