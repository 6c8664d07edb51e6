import type { OtlpEncoding } from './body';
import { ExportLogsServiceResponse, ExportTraceServiceResponse, RpcStatus } from './schema';

export interface PartialSuccess {
  /** Spans, or log records on `/v1/logs`. */
  rejectedSpans: number;
  errorMessage: string;
}

/** Which export service answers: the response messages differ only in the name of the rejected count. */
export type OtlpSignal = 'traces' | 'logs';

/**
 * The ExportTraceServiceResponse (or ExportLogsServiceResponse) body, in the encoding the request used
 * (as OTLP/HTTP requires).
 */
export function exportResponse(
  encoding: OtlpEncoding,
  partial: PartialSuccess | null,
  signal: OtlpSignal = 'traces',
): { body: Uint8Array | string; contentType: string } {
  const countField = signal === 'logs' ? 'rejectedLogRecords' : 'rejectedSpans';
  const type = signal === 'logs' ? ExportLogsServiceResponse : ExportTraceServiceResponse;
  const message = partial
    ? { partialSuccess: { [countField]: partial.rejectedSpans, errorMessage: partial.errorMessage } }
    : {};
  if (encoding === 'json') {
    const json = partial
      ? {
          partialSuccess: {
            [countField]: String(partial.rejectedSpans),
            errorMessage: partial.errorMessage,
          },
        }
      : {};
    return { body: JSON.stringify(json), contentType: 'application/json' };
  }
  return {
    body: type.encode(type.fromObject(message)).finish(),
    contentType: 'application/x-protobuf',
  };
}

/** A google.rpc.Status error body; plain JSON when the request's encoding is unknown or JSON. */
export function errorResponse(
  encoding: OtlpEncoding | null,
  status: number,
  message: string,
): { body: Uint8Array | string; contentType: string } {
  if (encoding === 'protobuf') {
    return {
      body: RpcStatus.encode(RpcStatus.fromObject({ code: grpcCode(status), message })).finish(),
      contentType: 'application/x-protobuf',
    };
  }
  return { body: JSON.stringify({ code: grpcCode(status), message }), contentType: 'application/json' };
}

// The gRPC code that matches each HTTP status, as the OTLP specification pairs them.
function grpcCode(status: number): number {
  if (status === 400 || status === 413) return 3; // INVALID_ARGUMENT
  if (status === 401) return 16; // UNAUTHENTICATED
  if (status === 415) return 3;
  if (status === 429) return 8; // RESOURCE_EXHAUSTED
  if (status === 503) return 14; // UNAVAILABLE
  return 2; // UNKNOWN
}
