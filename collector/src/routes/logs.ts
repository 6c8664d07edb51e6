import { Hono } from 'hono';
import type { KeyRing } from '../auth';
import { authenticate } from '../auth';
import type { EncodedDetails } from '../details';
import { processLogsBody } from '../logs/process-logs';
import { encodingOf, readBody, type OtlpEncoding } from '../otlp/body';
import { errorResponse, exportResponse } from '../otlp/responses';
import { refusedRows, type BatchWriter, type Rows } from '../writer';
import type { BytesInFlight } from './bytes-in-flight';
import type { IngestCounters } from './counters';
import { toHttpError } from './http-errors';
import { writeDetails } from './traces';

export interface LogsRouteOptions {
  keys: KeyRing;
  writer: BatchWriter<Rows>;
  details: BatchWriter<EncodedDetails>;
  counters: IngestCounters;
  memorySoftLimitBytes: number;
  /** Shared with `/v1/traces` and the signals endpoint: they share the process's memory. */
  admission: BytesInFlight;
  maxBodyBytes?: number;
}

const MAX_ERRORS_IN_RESPONSE = 5;

/**
 * `POST /v1/logs`: OTLP/HTTP log records (GenAI events and Flywheel's signal events), with the keys,
 * statuses, limits, partial success and acknowledgement after commit of `/v1/traces`.
 */
export function logsRoute(options: LogsRouteOptions): Hono {
  const app = new Hono();
  app.post('/v1/logs', async (c) => {
    let encoding: OtlpEncoding | null = null;
    const lease = options.admission.lease();
    try {
      const projectId = authenticate(options.keys, c.req.header('authorization'));
      encoding = encodingOf(c.req.header('content-type'));
      if (process.memoryUsage.rss() > options.memorySoftLimitBytes) throw memoryPressure();
      const body = await readBody(c.req.raw, {
        ...(options.maxBodyBytes ? { limit: options.maxBodyBytes } : {}),
        reserve: lease.reserve,
      });
      const logs = processLogsBody(body, encoding, projectId);
      const [receipt, detailErrors] = await Promise.all([
        options.writer.write(logs.rows),
        writeDetails(options.details, logs.details),
      ]);
      const refused = [
        ...refusedRows(logs.rows, receipt).map((r) => `${r.label}: storage refused its row: ${r.reason}`),
        ...detailErrors.values(),
      ];
      options.counters.recordLogs(logs.signals, logs.skipped, logs.rejected + refused.length);
      options.counters.recordDetails(0, logs.judgments, logs.messages);
      const rejected = logs.rejected + refused.length;
      const errors = [...logs.errors, ...refused];
      const partial =
        rejected > 0 ? { rejectedSpans: rejected, errorMessage: summarize(rejected, errors) } : null;
      const response = exportResponse(encoding, partial, 'logs');
      return c.body(response.body as never, 200, { 'content-type': response.contentType });
    } catch (error) {
      const http = toHttpError(error);
      const response = errorResponse(encoding, http.status, http.message);
      const headers: Record<string, string> = { 'content-type': response.contentType };
      if (http.retryAfterSeconds) headers['retry-after'] = String(http.retryAfterSeconds);
      return c.body(response.body as never, http.status, headers);
    } finally {
      lease.release();
    }
  });
  return app;
}

function summarize(rejected: number, errors: string[]): string {
  const shown = errors.slice(0, MAX_ERRORS_IN_RESPONSE).join('; ');
  const more =
    errors.length > MAX_ERRORS_IN_RESPONSE ? ` (and ${errors.length - MAX_ERRORS_IN_RESPONSE} more)` : '';
  return `${rejected} log record(s) rejected: ${shown}${more}`;
}

function memoryPressure(): Error {
  return Object.assign(new Error('memory is past its soft limit'), { memoryPressure: true });
}
