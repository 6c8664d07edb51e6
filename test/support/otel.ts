import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import { OTLPTraceExporter as JsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-base';
import type { Tracer } from '@opentelemetry/api';

/** Records spans with the real SDK, so they can be exported (and re-exported) by a real OTLP exporter. */
export async function recordSpans(service: string, build: (tracer: Tracer) => void): Promise<ReadableSpan[]> {
  const memory = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': service }),
    spanProcessors: [new SimpleSpanProcessor(memory)],
  });
  build(provider.getTracer('flywheel-tests'));
  await provider.forceFlush();
  const spans = memory.getFinishedSpans();
  await provider.shutdown();
  return spans;
}

export type Encoding = 'protobuf' | 'json';

/** Sends spans through `@opentelemetry/exporter-trace-otlp-proto` or `-http` (JSON) and reports the result. */
export async function exportSpans(
  encoding: Encoding,
  otlpUrl: string,
  spans: ReadableSpan[],
  options: { gzip?: boolean; apiKey?: string } = {},
): Promise<ExportResult> {
  const config = {
    url: `${otlpUrl}/v1/traces`,
    headers: (options.apiKey ? { Authorization: `Bearer ${options.apiKey}` } : {}) as Record<string, string>,
    compression: (options.gzip ? 'gzip' : 'none') as never,
    timeoutMillis: 30_000,
  };
  const exporter = encoding === 'protobuf' ? new ProtoExporter(config) : new JsonExporter(config);
  try {
    return await new Promise<ExportResult>((resolve) => exporter.export(spans, resolve));
  } finally {
    await exporter.shutdown();
  }
}

export function expectSuccess(result: ExportResult): void {
  if (result.code !== ExportResultCode.SUCCESS) {
    throw new Error(`export failed: ${result.error?.message ?? 'unknown error'}`);
  }
}
