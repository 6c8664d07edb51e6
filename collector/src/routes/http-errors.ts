import { OtlpRequestError } from '../otlp/errors';
import { UnauthorizedError } from '../auth';
import { FlushError, QueueFullError, WriterClosedError } from '../writer';
import { WorkersBusyError } from '../pipeline/processor';
import { OverBudgetError } from './bytes-in-flight';

export interface HttpError {
  status: 400 | 401 | 413 | 415 | 429 | 500 | 503;
  message: string;
  retryAfterSeconds?: number;
}

/** Maps what went wrong to the status OTLP/HTTP prescribes; storage failures are retryable (503). */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof OtlpRequestError) {
    return {
      status: error.status,
      message: error.message,
      ...(error.retryAfterSeconds ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
    };
  }
  if (error instanceof UnauthorizedError) return { status: 401, message: error.message };
  if (error instanceof QueueFullError) {
    return {
      status: 429,
      message: 'write queue is full; retry later',
      retryAfterSeconds: error.retryAfterSeconds,
    };
  }
  if (error instanceof OverBudgetError) {
    return {
      status: 429,
      message: 'too many request bytes in flight; retry later',
      retryAfterSeconds: error.retryAfterSeconds,
    };
  }
  if (error instanceof WorkersBusyError) {
    return {
      status: 429,
      message: 'every ingest worker is busy; retry later',
      retryAfterSeconds: error.retryAfterSeconds,
    };
  }
  if (error instanceof WriterClosedError)
    return { status: 503, message: 'shutting down; retry later', retryAfterSeconds: 5 };
  if ((error as { memoryPressure?: boolean })?.memoryPressure) {
    return { status: 503, message: 'memory is past its soft limit; retry later', retryAfterSeconds: 5 };
  }
  if (error instanceof FlushError)
    return { status: 503, message: `${error.message}; retry later`, retryAfterSeconds: 2 };
  return {
    status: 500,
    message: `internal error: ${error instanceof Error ? error.message : String(error)}`,
  };
}
