import { Hono } from 'hono';
import type { KeyRing } from '../auth';
import { authenticate } from '../auth';
import { encodingOf, readBody, type OtlpEncoding } from '../otlp/body';
import { OtlpRequestError } from '../otlp/errors';
import { errorResponse, exportResponse } from '../otlp/responses';
import type { ChecksConfig } from '../content-checks';
import { noDetails, refusedDetails, type EncodedDetails } from '../details';
import type { BodyProcessor } from '../pipeline/processor';
import { refusedRows, type BatchWriter, type Rows, type WriteReceipt } from '../writer';
import type { BytesInFlight } from './bytes-in-flight';
import { toHttpError } from './http-errors';
import type { IngestCounters } from './counters';

export interface TracesRouteOptions {
  keys: KeyRing;
  writer: BatchWriter<Rows>;
  /** Writer of pipeline nodes and judgments; without one they are not stored. */
  details?: BatchWriter<EncodedDetails> | undefined;
  counters: IngestCounters;
  /** Resident memory above which requests are refused with 503 until it falls. */
  memorySoftLimitBytes: number;
  /** Decoded request bytes that may be in flight; beyond, requests are refused with 429. */
  admission: BytesInFlight;
  maxBodyBytes?: number;
  /** Content-check settings (toxicity endpoint, prompt bounds, topic reference). */
  checks?: ChecksConfig;
  /** Where bodies are decoded, normalized, redacted, checked and encoded (a worker pool in production). */
  processor: BodyProcessor;
}

const MAX_ERRORS_IN_RESPONSE = 5;

/** `POST /v1/traces`: OTLP/HTTP, acknowledged only once the request's rows are committed. */
export function tracesRoute(options: TracesRouteOptions): Hono {
  const app = new Hono();
  app.post('/v1/traces', async (c) => {
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
      const result = await options.processor.process({
        body,
        encoding,
        projectId,
        ...(options.checks ? { checks: options.checks } : {}),
      });
      if ('refused' in result) throw new OtlpRequestError(result.refused.status, result.refused.message);
      const batch = result.processed;
      // Both writes are committed before the answer; they flush in parallel.
      const [receipt, detailErrors] = await Promise.all([
        options.writer.write(batch.rows),
        writeDetails(options.details, batch.details),
      ]);
      const refused = mergeRefusals(storageRefusals(batch.rows, receipt), detailErrors);
      options.counters.record(batch, refused.spans);
      options.counters.recordDetails(
        batch.details.pipeline_nodes.ends.length,
        batch.details.judgments.ends.length,
        0,
      );
      const rejected = batch.rejected + refused.spans;
      const partial =
        rejected > 0
          ? {
              rejectedSpans: rejected,
              errorMessage: summarize(rejected, [...batch.errors, ...refused.errors]),
            }
          : null;
      const response = exportResponse(encoding, partial);
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

/**
 * Rows storage refused for their content, per span: the span counts as rejected (the sender must not
 * retry it; the rest of its request is stored).
 */
function storageRefusals(rows: Rows, receipt: WriteReceipt): { spans: number; errors: string[] } {
  const bySpan = new Map<string, string>();
  for (const { label, reason } of refusedRows(rows, receipt)) {
    if (!bySpan.has(label)) bySpan.set(label, `span ${label}: storage refused its row: ${reason}`);
  }
  return { spans: bySpan.size, errors: [...bySpan.values()] };
}

/** Detail rows storage refused, as `span: reason` lines; none when there is no detail writer. */
export async function writeDetails(
  writer: BatchWriter<EncodedDetails> | undefined,
  details: EncodedDetails,
): Promise<Map<string, string>> {
  const bySpan = new Map<string, string>();
  if (!writer || noDetails(details)) return bySpan;
  for (const { label, reason } of refusedDetails(details, await writer.write(details)))
    if (!bySpan.has(label)) bySpan.set(label, `${label}: storage refused its row: ${reason}`);
  return bySpan;
}

function mergeRefusals(
  rows: { spans: number; errors: string[] },
  details: Map<string, string>,
): { spans: number; errors: string[] } {
  return { spans: rows.spans + details.size, errors: [...rows.errors, ...details.values()] };
}

function summarize(rejected: number, errors: string[]): string {
  const shown = errors.slice(0, MAX_ERRORS_IN_RESPONSE).join('; ');
  const more =
    errors.length > MAX_ERRORS_IN_RESPONSE ? ` (and ${errors.length - MAX_ERRORS_IN_RESPONSE} more)` : '';
  return `${rejected} span(s) rejected: ${shown}${more}`;
}

function memoryPressure(): Error {
  return Object.assign(new Error('memory is past its soft limit'), { memoryPressure: true });
}
