import { trace } from '@opentelemetry/api';
import type { Tracer, TracerProvider } from '@opentelemetry/api';
import { logs, type Logger, type LoggerProvider } from '@opentelemetry/api-logs';
import { PACKAGE_NAME, PACKAGE_VERSION } from '../version';
import { readBooleanEnv, readEnv } from './env';
import type { FlywheelSettings } from '../types';

/**
 * Process-wide settings shared by the instrumentations and the signal functions. They are read at
 * call time, so `configureFlywheel` after the clients exist still applies to the next call.
 */

interface Settings {
  captureContent?: boolean;
  userIdSalt?: string;
  tracerProvider?: TracerProvider;
  signalsAs?: 'spans' | 'logs';
  loggerProvider?: LoggerProvider;
}

let settings: Settings = {};
/** The environment's answer, read once: the switch is consulted on every LLM call. */
let captureFromEnv: boolean | undefined;

export function configureFlywheel(update: FlywheelSettings): void {
  const next: Settings = { ...settings };
  if (update.captureContent !== undefined) next.captureContent = update.captureContent;
  if (update.userIdSalt !== undefined) next.userIdSalt = update.userIdSalt;
  if (update.tracerProvider !== undefined) next.tracerProvider = update.tracerProvider;
  if (update.signalsAs !== undefined) next.signalsAs = update.signalsAs;
  if (update.loggerProvider !== undefined) next.loggerProvider = update.loggerProvider;
  settings = next;
}

/** Forgets every setting; tests use it between cases. */
export function resetFlywheelSettings(): void {
  settings = {};
  captureFromEnv = undefined;
}

/**
 * Content capture: explicit setting, else `FLYWHEEL_CAPTURE_CONTENT`, else the OTel GenAI switch
 * `OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT`, else on (the product needs the text).
 */
export function captureContentEnabled(): boolean {
  if (settings.captureContent !== undefined) return settings.captureContent;
  captureFromEnv ??=
    readBooleanEnv('FLYWHEEL_CAPTURE_CONTENT') ??
    readBooleanEnv('OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT') ??
    true;
  return captureFromEnv;
}

export function userIdSalt(): string | undefined {
  return settings.userIdSalt ?? readEnv('FLYWHEEL_USER_ID_SALT');
}

export function flywheelTracer(): Tracer {
  return (settings.tracerProvider ?? trace.getTracerProvider()).getTracer(PACKAGE_NAME, PACKAGE_VERSION);
}

/** Whether signals are written as log events instead of spans. */
export function signalsAsLogs(): boolean {
  return settings.signalsAs === 'logs';
}

export function flywheelLogger(): Logger {
  return (settings.loggerProvider ?? logs.getLoggerProvider()).getLogger(PACKAGE_NAME, PACKAGE_VERSION);
}
