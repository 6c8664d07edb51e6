import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';

export interface SinkOptions {
  /** OTLP/HTTP base URL; spans go to `<url>/v1/traces`. */
  url: string;
  apiKey?: string;
  /** Spans per export request. */
  chunkSize?: number;
  /** Export requests in flight at once. */
  concurrency?: number;
  /** Rounds of retry after the exporter's own retries (429/503 with back-off) gave up. */
  retries?: number;
  /** Called after each acknowledged request with the number of spans it carried. */
  onExported?: (spans: number) => void;
  /** Once aborted, failed requests are not retried. */
  signal?: AbortSignal;
}

const DEFAULTS = { chunkSize: 2000, concurrency: 2, retries: 5 };

/**
 * Sends spans with the OpenTelemetry OTLP/protobuf exporter in large chunks. Bypassing the batch span
 * processor keeps the requests big (the collector acknowledges after commit, so fewer, larger requests
 * are faster), and `add` waits while `concurrency` requests are in flight, so memory stays bounded
 * however long the scenario is.
 */
export class OtlpSink {
  private readonly exporter: OTLPTraceExporter;
  private readonly options: Required<Omit<SinkOptions, 'apiKey' | 'onExported' | 'signal'>> & SinkOptions;
  private buffer: ReadableSpan[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private failure: Error | null = null;
  /** Spans acknowledged by the collector. */
  exported = 0;
  /** Spans handed to `add` so far. */
  added = 0;
  /**
   * Every span among the first `committed` added is acknowledged: requests can finish out of order,
   * so this trails `exported` until the gaps close.
   */
  committed = 0;
  private sent = 0;
  private readonly done = new Map<number, number>();

  constructor(options: SinkOptions) {
    this.options = { ...DEFAULTS, ...options };
    this.exporter = new OTLPTraceExporter({
      url: `${options.url.replace(/\/+$/, '')}/v1/traces`,
      headers: options.apiKey ? { Authorization: `Bearer ${options.apiKey}` } : {},
      // The collector answers only after the rows are committed; a big chunk can take seconds.
      timeoutMillis: 120_000,
    });
  }

  async add(spans: ReadableSpan[]): Promise<void> {
    this.added += spans.length;
    this.buffer.push(...spans);
    while (this.buffer.length >= this.options.chunkSize) {
      await this.send(this.buffer.splice(0, this.options.chunkSize));
    }
  }

  /** Sends what is buffered and waits for every request in flight. */
  async flush(): Promise<void> {
    if (this.buffer.length > 0) await this.send(this.buffer.splice(0));
    await Promise.all(this.inFlight);
    this.throwIfFailed();
  }

  async shutdown(): Promise<void> {
    await Promise.allSettled(this.inFlight);
    await this.exporter.shutdown();
  }

  private async send(chunk: ReadableSpan[]): Promise<void> {
    this.throwIfFailed();
    while (this.inFlight.size >= this.options.concurrency) await Promise.race(this.inFlight);
    this.throwIfFailed();
    const start = this.sent;
    this.sent += chunk.length;
    const request = this.exportWithRetry(chunk).then(
      () => {
        this.exported += chunk.length;
        this.done.set(start, chunk.length);
        while (this.done.has(this.committed)) {
          const length = this.done.get(this.committed)!;
          this.done.delete(this.committed);
          this.committed += length;
        }
        this.options.onExported?.(chunk.length);
      },
      (error: Error) => {
        this.failure ??= error;
      },
    );
    const tracked = request.finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }

  private async exportWithRetry(chunk: ReadableSpan[]): Promise<void> {
    let last: ExportResult | undefined;
    for (let attempt = 0; attempt <= this.options.retries; attempt++) {
      if (attempt > 0) await sleep(Math.min(30_000, 1000 * 2 ** attempt));
      last = await new Promise<ExportResult>((resolve) => this.exporter.export(chunk, resolve));
      if (last.code === ExportResultCode.SUCCESS) return;
      // A refusal (400, 401, 413…) will not change on retry; only overload and network errors can.
      if (!retryable(last.error) || this.options.signal?.aborted) break;
    }
    throw new Error(
      `could not send ${chunk.length} spans to ${this.options.url}/v1/traces: ${describe(last?.error)}`,
    );
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }
}

function retryable(error: Error | undefined): boolean {
  const status = (error as { code?: unknown } | undefined)?.code;
  return typeof status !== 'number' || status === 429 || status >= 500;
}

function describe(error: Error | undefined): string {
  if (!error) return 'unknown error';
  const { code, data } = error as { code?: unknown; data?: unknown };
  // Error bodies are google.rpc.Status in the request's encoding (protobuf here): keep the readable text.
  const text = typeof data === 'string' ? readable(data) : '';
  return `${typeof code === 'number' ? `HTTP ${code} ` : ''}${error.message}${text ? ` (${text})` : ''}`;
}

function readable(data: string): string {
  let out = '';
  for (const ch of data) out += ch.charCodeAt(0) >= 32 && ch !== '\ufffd' ? ch : ' ';
  return out.replace(/\s+/g, ' ').trim().slice(0, 500);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
