import type { Attributes, TracerProvider } from '@opentelemetry/api';
import type { LoggerProvider } from '@opentelemetry/api-logs';
import type { Instrumentation, InstrumentationConfig } from '@opentelemetry/instrumentation';
import type { SignalKind } from '@flywheel/semconv';

export type { SignalKind };

/** Settings shared by the instrumentations and the signal functions. */
export interface FlywheelSettings {
  /** Record prompts and responses (`gen_ai.input.messages` / `gen_ai.output.messages`). Default on. */
  captureContent?: boolean;
  /** HMAC key for user ids. Falls back to `FLYWHEEL_USER_ID_SALT`. */
  userIdSalt?: string;
  /** Provider for spans; the global one when absent. */
  tracerProvider?: TracerProvider;
  /**
   * How feedback signals leave the process: `flywheel.signal` spans (the default), or `flywheel.signal`
   * log events, since a user's action is an event rather than an operation with a duration. Log events
   * need a logger provider exporting to Flywheel's `/v1/logs` (`loggerProvider`, else the global one).
   */
  signalsAs?: 'spans' | 'logs';
  /** Provider for signal log events; the global one when absent. */
  loggerProvider?: LoggerProvider;
}

/** What `withFlywheel` attaches to every LLM call made inside its callback. */
export interface FlywheelContext {
  /** Task type; every Flywheel metric is split by it. */
  workloadId?: string;
  /** The app's user id, hashed before it leaves the process. */
  userId?: string;
  /** Deployed model or adapter version. */
  modelVersion?: string;
  /** The app's own id for the response; feedback joins on it. Defaults to the provider's response id. */
  requestId?: string;
  /** Conversation id; also written as `gen_ai.conversation.id`. */
  sessionId?: string;
  /** Automated quality score in [0, 1]. */
  qualityScore?: number;
  /** Grounding / hallucination check score in [0, 1]. */
  groundingScore?: number;
}

export type OtlpProtocol = 'protobuf' | 'json';

export interface RegisterFlywheelOptions {
  /** `service.name`; `OTEL_SERVICE_NAME` when absent. Ignored when attaching to an existing SDK. */
  serviceName?: string;
  /**
   * Collector base URL (`/v1/traces` is appended) or a full traces URL. Default:
   * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`, `OTEL_EXPORTER_OTLP_ENDPOINT`, then `http://127.0.0.1:4318`.
   */
  endpoint?: string;
  /** Project key, sent as `Authorization: Bearer <apiKey>`. Falls back to `FLYWHEEL_API_KEY`. */
  apiKey?: string;
  /** OTLP encoding; `OTEL_EXPORTER_OTLP_(TRACES_)PROTOCOL` when absent, else protobuf. */
  protocol?: OtlpProtocol;
  /** Extra export headers; merged over `OTEL_EXPORTER_OTLP_HEADERS`. */
  headers?: Record<string, string>;
  captureContent?: boolean;
  userIdSalt?: string;
  /**
   * Module objects to patch right away, e.g. `{ openai: OpenAI, anthropic: Anthropic }` (the default
   * exports). The dependable route for ES module apps started without a loader hook.
   */
  instrumentModules?: { openai?: unknown; anthropic?: unknown };
  /**
   * Import `openai` and `@anthropic-ai/sdk` (their ES module builds) in the background and patch
   * them; `handle.ready` settles when done. Default true.
   */
  autoImport?: boolean;
  /** More instrumentations to register with the SDK (HTTP, frameworks…). */
  instrumentations?: Instrumentation[];
  /**
   * When the app already runs an OTel SDK, add a span processor that sends its LLM and signal spans
   * to Flywheel. Turn off when that SDK already exports to Flywheel. Default true.
   */
  attachToExistingProvider?: boolean;
  /** Extra resource attributes (only when Flywheel starts the SDK). */
  resourceAttributes?: Attributes;
}

export interface FlywheelHandle {
  /** `sdk`: Flywheel started the OTel SDK; `attached`: an SDK was already running; `disabled`: `OTEL_SDK_DISABLED`. */
  readonly mode: 'sdk' | 'attached' | 'disabled';
  /** Settles once background module patching (see `autoImport`) is done. Never rejects. */
  readonly ready: Promise<void>;
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}

export interface FlywheelInstrumentationConfig extends InstrumentationConfig {
  /** Overrides the shared content-capture setting for this instrumentation. */
  captureContent?: boolean;
}

/** Options every signal function accepts. */
export interface SignalOptions {
  /** The user who gave the signal; hashed like the call's user id. Defaults to `withFlywheel`'s. */
  userId?: string;
  /** When the user acted, for signals recorded later than they happened. */
  time?: Date | number | string;
  /** Extra span attributes. */
  attributes?: Attributes;
}

export interface EditTexts {
  /** The model's text as shown to the user. */
  originalText: string;
  /** What the user kept after editing. */
  finalText: string;
}

export interface RecordSignalOptions extends SignalOptions {
  value?: number;
  correction?: string;
}

/** One function per signal kind of the Flywheel conventions. */
export interface FlywheelSignals {
  thumbsUp(requestId: string, options?: SignalOptions): void;
  thumbsDown(requestId: string, options?: SignalOptions): void;
  accept(requestId: string, options?: SignalOptions): void;
  copy(requestId: string, options?: SignalOptions): void;
  /** Records `edited` with the normalized edit distance as value; returns that value. */
  edit(requestId: string, texts: EditTexts, options?: SignalOptions): number;
  correct(requestId: string, correction: string, options?: SignalOptions): void;
  regenerate(requestId: string, options?: SignalOptions): void;
  earlyTermination(requestId: string, options?: SignalOptions): void;
  abandon(requestId: string, options?: SignalOptions): void;
  delete(requestId: string, options?: SignalOptions): void;
  followUp(requestId: string, options?: SignalOptions): void;
  /** Any kind, with an explicit value or correction. */
  record(kind: SignalKind, requestId: string, options?: RecordSignalOptions): void;
}
