import { diag } from '@opentelemetry/api';
import { OTLPTraceExporter as OTLPJsonTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OTLPProtoTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import { readEnv } from '../config/env';
import type { OtlpProtocol, RegisterFlywheelOptions } from '../types';

export const DEFAULT_ENDPOINT = 'http://127.0.0.1:4318';
const TRACES_PATH = '/v1/traces';

export interface ExporterSettings {
  url: string;
  protocol: OtlpProtocol;
  headers: Record<string, string>;
}

/** A base URL gets `/v1/traces`; a URL that already names the traces path is used as is. */
export function tracesUrl(endpoint: string): string {
  const trimmed = endpoint.replace(/\/+$/, '');
  return trimmed.endsWith(TRACES_PATH) ? trimmed : `${trimmed}${TRACES_PATH}`;
}

function protocolFromEnv(): OtlpProtocol | undefined {
  const value = readEnv('OTEL_EXPORTER_OTLP_TRACES_PROTOCOL') ?? readEnv('OTEL_EXPORTER_OTLP_PROTOCOL');
  if (value === undefined) return undefined;
  if (value === 'http/json') return 'json';
  if (value === 'http/protobuf') return 'protobuf';
  diag.warn(`@flywheel/instrumentation: OTLP protocol "${value}" is not supported here; using http/protobuf`);
  return 'protobuf';
}

/**
 * Explicit options win over the standard `OTEL_*` variables, which win over Flywheel's defaults.
 * Headers from `OTEL_EXPORTER_OTLP_HEADERS` are merged by the exporter itself, under ours.
 */
export function resolveExporterSettings(options: RegisterFlywheelOptions): ExporterSettings {
  const signalEndpoint = readEnv('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT');
  const url =
    options.endpoint !== undefined
      ? tracesUrl(options.endpoint)
      : (signalEndpoint ?? tracesUrl(readEnv('OTEL_EXPORTER_OTLP_ENDPOINT') ?? DEFAULT_ENDPOINT));
  const apiKey = options.apiKey ?? readEnv('FLYWHEEL_API_KEY');
  const headers: Record<string, string> = { ...options.headers };
  if (apiKey !== undefined) headers.Authorization = `Bearer ${apiKey}`;
  return { url, protocol: options.protocol ?? protocolFromEnv() ?? 'protobuf', headers };
}

export function createExporter(settings: ExporterSettings): SpanExporter {
  const config = { url: settings.url, headers: settings.headers };
  return settings.protocol === 'json'
    ? new OTLPJsonTraceExporter(config)
    : new OTLPProtoTraceExporter(config);
}
