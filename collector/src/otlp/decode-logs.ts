import { z } from 'zod';
import { AttributeValueError, anyValueToJs, keyValuesToAttributes } from './any-value';
import { OtlpRequestError } from './errors';
import { FieldError, idToHex, time } from './fields';
import { jsonNestingProblem } from './json-nesting';
import type { DecodedLogRecord, DecodedResourceLogs } from './log-record';
import { ExportLogsServiceRequest } from './schema';
import type { Attributes } from './span';

/** Decodes an OTLP/HTTP protobuf body of `/v1/logs` (an ExportLogsServiceRequest). */
export function decodeLogsProtobuf(body: Uint8Array): DecodedResourceLogs[] {
  let message: unknown;
  try {
    message = ExportLogsServiceRequest.decode(body);
  } catch (error) {
    throw new OtlpRequestError(
      400,
      `body is not a protobuf ExportLogsServiceRequest: ${(error as Error).message}`,
    );
  }
  return convertRequest(message);
}

// As for traces: only the envelope is strict; a malformed field rejects its log record alone.
const jsonEnvelope = z.object({
  resourceLogs: z
    .array(
      z.object({
        resource: z.object({ attributes: z.array(z.unknown()).optional() }).nullish(),
        scopeLogs: z
          .array(z.object({ logRecords: z.array(z.record(z.string(), z.unknown())).nullish() }))
          .nullish(),
      }),
    )
    .nullish(),
});

/** Decodes an OTLP/HTTP JSON body of `/v1/logs`. */
export function decodeLogsJson(body: Uint8Array): DecodedResourceLogs[] {
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
      `body is not an OTLP ExportLogsServiceRequest: ${path}: ${issue.message}`,
    );
  }
  return convertRequest(parsed);
}

interface RawRequest {
  resourceLogs?: Array<{
    resource?: { attributes?: unknown } | null;
    scopeLogs?: Array<{ logRecords?: Array<Record<string, unknown>> | null }> | null;
  }> | null;
}

/** Protobufjs messages and OTLP/JSON share field names, so one conversion serves both encodings. */
function convertRequest(message: unknown): DecodedResourceLogs[] {
  let index = 0;
  return ((message as RawRequest).resourceLogs ?? []).map((rl) => {
    let resource: Attributes = {};
    let problem: string | undefined;
    try {
      resource = keyValuesToAttributes(rl.resource?.attributes);
    } catch (error) {
      if (!(error instanceof AttributeValueError)) throw error;
      problem = `resource ${error.message}`;
    }
    return {
      resource,
      records: (rl.scopeLogs ?? []).flatMap((sl) =>
        (sl.logRecords ?? []).map((raw) => readRecord(raw, index++, problem)),
      ),
    };
  });
}

function readRecord(raw: Record<string, unknown>, index: number, resourceProblem?: string): DecodedLogRecord {
  const record: DecodedLogRecord = {
    traceId: idToHex(raw.traceId, 16),
    spanId: idToHex(raw.spanId, 8),
    timeNs: 0n,
    eventName: typeof raw.eventName === 'string' ? raw.eventName : '',
    body: null,
    attributes: {},
    index,
  };
  try {
    if (resourceProblem) throw new FieldError(resourceProblem);
    const at = time(raw.timeUnixNano, 'timeUnixNano');
    record.timeNs = at > 0n ? at : time(raw.observedTimeUnixNano, 'observedTimeUnixNano');
    record.attributes = keyValuesToAttributes(raw.attributes);
    record.body = anyValueToJs(raw.body);
    const named = record.attributes['event.name'];
    if (!record.eventName && typeof named === 'string') record.eventName = named;
  } catch (error) {
    if (error instanceof FieldError) record.invalid = error.message;
    else if (error instanceof AttributeValueError) record.invalid = error.message;
    else throw error;
  }
  return record;
}
