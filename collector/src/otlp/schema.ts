import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import protobuf from 'protobufjs';
import Long from 'long';

// protobufjs returns 64-bit integers as Long only when a Long implementation is configured; without it
// fixed64 nanosecond timestamps would lose precision as JS numbers.
protobuf.util.Long = Long;
protobuf.configure();

const dir = join(dirname(fileURLToPath(import.meta.url)), 'proto');
const root = new protobuf.Root().loadSync(
  [
    'common.proto',
    'resource.proto',
    'trace.proto',
    'trace_service.proto',
    'logs.proto',
    'logs_service.proto',
    'status.proto',
  ].map((f) => join(dir, f)),
);
root.resolveAll();

export const ExportTraceServiceRequest = root.lookupType(
  'opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest',
);
export const ExportTraceServiceResponse = root.lookupType(
  'opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse',
);
export const RpcStatus = root.lookupType('google.rpc.Status');
export const ExportLogsServiceRequest = root.lookupType(
  'opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest',
);
export const ExportLogsServiceResponse = root.lookupType(
  'opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse',
);
