import type { ExportResult } from '@opentelemetry/core';
import type { Logger } from '@opentelemetry/api-logs';
import { OTLPLogExporter as JsonLogExporter } from '@opentelemetry/exporter-logs-otlp-http';
import { OTLPLogExporter as ProtoLogExporter } from '@opentelemetry/exporter-logs-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  InMemoryLogRecordExporter,
  LoggerProvider,
  SimpleLogRecordProcessor,
  type ReadableLogRecord,
} from '@opentelemetry/sdk-logs';
import type { Encoding } from './otel';

/** Records log records (GenAI events) with the real logs SDK, so a real OTLP exporter can send them. */
export async function recordLogs(
  service: string,
  emit: (logger: Logger) => void,
): Promise<ReadableLogRecord[]> {
  const memory = new InMemoryLogRecordExporter();
  const provider = new LoggerProvider({
    resource: resourceFromAttributes({ 'service.name': service }),
    processors: [new SimpleLogRecordProcessor({ exporter: memory })],
  });
  emit(provider.getLogger('flywheel-tests'));
  await provider.forceFlush();
  const records = memory.getFinishedLogRecords();
  await provider.shutdown();
  return records;
}

/** Sends log records through `@opentelemetry/exporter-logs-otlp-proto` or `-http` (JSON). */
export async function exportLogs(
  encoding: Encoding,
  otlpUrl: string,
  records: ReadableLogRecord[],
  options: { gzip?: boolean; apiKey?: string } = {},
): Promise<ExportResult> {
  const config = {
    url: `${otlpUrl}/v1/logs`,
    headers: (options.apiKey ? { Authorization: `Bearer ${options.apiKey}` } : {}) as Record<string, string>,
    compression: (options.gzip ? 'gzip' : 'none') as never,
    timeoutMillis: 30_000,
  };
  const exporter = encoding === 'protobuf' ? new ProtoLogExporter(config) : new JsonLogExporter(config);
  try {
    // The exporters are built against the SDK of their own release; the records are the same shape.
    return await new Promise<ExportResult>((resolve) => exporter.export(records as never, resolve));
  } finally {
    await exporter.shutdown();
  }
}
