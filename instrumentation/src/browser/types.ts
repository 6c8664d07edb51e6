import type { SignalKind } from '@flywheel/semconv';

/** One signal as `POST /api/v1/signals` takes it. */
export interface WireSignal {
  requestId: string;
  kind: SignalKind;
  value?: number;
  correction?: string;
  /** Send an already pseudonymous id (e.g. `hashUserId()` computed by your server): the salt must stay server-side. */
  userId?: string;
  /** ISO 8601 event time; the helper fills in "now" when not given. */
  time?: string;
  /** Overrides the kind's default (only thumbs are explicit). */
  explicit?: boolean;
  /** Idempotency key: a retried POST with the same id is stored once. The helper generates one. */
  id?: string;
}

export interface BrowserSignalsOptions {
  /** Flywheel API base URL, e.g. `http://127.0.0.1:8080` (the API server, not the OTLP port). */
  endpoint: string;
  /** Project key, sent as `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
  /** Defaults to the global `fetch`. */
  fetch?: typeof fetch;
  /** Default true: lets a signal sent while the page unloads (abandon, copy) still arrive. */
  keepalive?: boolean;
}

export interface BrowserSignalOptions {
  userId?: string;
  time?: Date | string | number;
}

/** The same functions as the server-side `signals`, each returning the POST's promise. */
export interface BrowserSignals {
  thumbsUp(requestId: string, options?: BrowserSignalOptions): Promise<void>;
  thumbsDown(requestId: string, options?: BrowserSignalOptions): Promise<void>;
  accept(requestId: string, options?: BrowserSignalOptions): Promise<void>;
  copy(requestId: string, options?: BrowserSignalOptions): Promise<void>;
  /** Sends `edited` with the normalized edit distance as value and the final text as correction. */
  edit(
    requestId: string,
    texts: { originalText: string; finalText: string },
    options?: BrowserSignalOptions,
  ): Promise<void>;
  correct(requestId: string, correction: string, options?: BrowserSignalOptions): Promise<void>;
  regenerate(requestId: string, options?: BrowserSignalOptions): Promise<void>;
  earlyTermination(requestId: string, options?: BrowserSignalOptions): Promise<void>;
  abandon(requestId: string, options?: BrowserSignalOptions): Promise<void>;
  delete(requestId: string, options?: BrowserSignalOptions): Promise<void>;
  followUp(requestId: string, options?: BrowserSignalOptions): Promise<void>;
  /** Sends several signals in one request. */
  send(signals: WireSignal[]): Promise<void>;
}
