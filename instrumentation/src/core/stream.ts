import { safely } from '../internal/safe';

/** What the instrumentation wants to hear about a stream. Handlers must not throw. */
export interface StreamTap {
  onChunk(chunk: unknown): void;
  /** Whether the chunks so far show the model finished (a finish reason, a stop event). */
  isComplete(): boolean;
  onComplete(): void;
  /** The app stopped reading (break, `controller.abort()`, its own abort signal) before the end. */
  onEarlyTermination(): void;
  onError(error: unknown): void;
}

interface StreamShape {
  iterator?: (...args: unknown[]) => AsyncIterator<unknown>;
  controller?: { signal?: AbortSignal };
  [Symbol.asyncIterator]?: () => AsyncIterator<unknown>;
}

export function isStreamObject(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as StreamShape)[Symbol.asyncIterator] === 'function'
  );
}

function isAbortError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return error.name === 'AbortError' || error.constructor.name === 'APIUserAbortError';
}

/**
 * Watches a stream object in place. The SDK streams read their chunks through an `iterator`
 * method (used by `for await`, `tee()` and `toReadableStream()` alike), so wrapping that one method
 * sees every consumer while the object, its `controller` and its helpers stay the SDK's own.
 * Returns false when the object has neither shape, leaving it untouched.
 */
export function tapStream(stream: unknown, tap: StreamTap, requestSignal?: AbortSignal): boolean {
  const target = stream as StreamShape;
  const streamSignal = target.controller?.signal;
  let finished = false;
  let pending = 0;

  const aborted = (): boolean => streamSignal?.aborted === true || requestSignal?.aborted === true;
  const finish = (outcome: 'complete' | 'early' | 'settle', error?: unknown): void => {
    if (finished) return;
    finished = true;
    streamSignal?.removeEventListener('abort', onAbort);
    requestSignal?.removeEventListener('abort', onAbort);
    safely('ending a stream span', () => {
      if (outcome === 'complete') tap.onComplete();
      else if (outcome === 'early') tap.onEarlyTermination();
      else if (tap.isComplete()) tap.onComplete();
      else if (aborted() || isAbortError(error)) tap.onEarlyTermination();
      else tap.onError(error);
    });
  };
  // Abort while nobody waits on a chunk: nothing else will tell us the stream is over. Abort while a
  // read is pending: that read settles next and says whether it was an abort or a provider error.
  const onAbort = (): void => {
    if (pending === 0) finish(tap.isComplete() ? 'complete' : 'early');
  };

  const wrap = (inner: AsyncIterator<unknown>): AsyncIterator<unknown> & AsyncIterable<unknown> => ({
    async next(...args: [] | [unknown]) {
      pending += 1;
      let result: IteratorResult<unknown>;
      try {
        result = await inner.next(...args);
      } catch (error) {
        pending -= 1;
        finish('settle', error);
        throw error;
      }
      pending -= 1;
      if (result.done === true) {
        finish(aborted() && !safely('reading a stream', () => tap.isComplete()) ? 'early' : 'complete');
      } else if (!finished) {
        const chunk = result.value;
        safely('reading a stream chunk', () => tap.onChunk(chunk));
      }
      return result;
    },
    async return(value?: unknown) {
      try {
        return inner.return !== undefined ? await inner.return(value) : { done: true, value };
      } finally {
        finish(safely('reading a stream', () => tap.isComplete()) === true ? 'complete' : 'early');
      }
    },
    async throw(error?: unknown) {
      finish('settle', error);
      if (inner.throw !== undefined) return inner.throw(error);
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  });

  if (typeof target.iterator === 'function') {
    const original = target.iterator;
    target.iterator = function tappedIterator(this: unknown, ...args: unknown[]) {
      return wrap(original.apply(this, args));
    };
  } else if (typeof target[Symbol.asyncIterator] === 'function') {
    const original = target[Symbol.asyncIterator] as (this: unknown) => AsyncIterator<unknown>;
    target[Symbol.asyncIterator] = function tappedAsyncIterator(this: unknown) {
      return wrap(original.call(this));
    };
  } else {
    return false;
  }
  streamSignal?.addEventListener('abort', onAbort);
  requestSignal?.addEventListener('abort', onAbort);
  return true;
}
