import { reportInternalError, safely } from '../internal/safe';

/** What the instrumentation wants to hear about a call's outcome. Handlers must not throw. */
export interface OutcomeTap {
  /** The parsed result (a response object, or a stream object before it is read). */
  onValue(value: unknown): void;
  onError(error: unknown): void;
  /** The app took the raw HTTP response (`asResponse()`) and the body will never be parsed here. */
  onRawResponse(): void;
}

/** The parts of the OpenAI / Anthropic SDKs' `APIPromise` the tap relies on. */
interface ApiPromiseShape {
  responsePromise: PromiseLike<unknown>;
  parseResponse: (...args: unknown[]) => unknown;
  parsedPromise?: unknown;
  asResponse?: (...args: unknown[]) => unknown;
  _thenUnwrap?: (transform: (data: unknown, props: unknown) => unknown) => unknown;
}

function isApiPromise(value: unknown): value is ApiPromiseShape {
  const candidate = value as Partial<ApiPromiseShape> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.parseResponse === 'function' &&
    typeof candidate.responsePromise?.then === 'function'
  );
}

/**
 * Observes the outcome of an SDK call and returns the very object the SDK returned, so
 * `.withResponse()`, `.asResponse()` and the SDK's own subclass keep working.
 *
 * The SDKs parse lazily: nothing is read until the app awaits. Awaiting the promise here would parse
 * the body even for an app that only wants the raw `Response`, so instead the tap sits in the
 * object's own parse step (`parseResponse`, and `_thenUnwrap` where the SDK binds the parser in a
 * closure), and on the raw response promise for transport and HTTP errors.
 */
export function tapOutcome<T>(result: T, tap: OutcomeTap): T {
  if (isApiPromise(result)) {
    tapApiPromise(result, tap);
    return result;
  }
  const thenable = result as { then?: unknown } | null;
  if (typeof thenable === 'object' && thenable !== null && typeof thenable.then === 'function') {
    // An unknown promise type: observe it without changing what the app receives.
    (result as PromiseLike<unknown>).then(
      (value) => safely('reading a result', () => tap.onValue(value)),
      (error: unknown) => safely('reading an error', () => tap.onError(error)),
    );
    return result;
  }
  safely('reading a result', () => tap.onValue(result));
  return result;
}

// The helpers below are module-level and attached with `bind`, not closures: this runs on every call.

function seeValue(tap: OutcomeTap, value: unknown): void {
  try {
    tap.onValue(value);
  } catch (error) {
    reportInternalError('reading a result', error);
  }
}

function seeError(tap: OutcomeTap, error: unknown): void {
  try {
    tap.onError(error);
  } catch (failure) {
    reportInternalError('reading an error', failure);
  }
}

function tappedParseResponse(
  this: unknown,
  parse: (...args: unknown[]) => unknown,
  tap: OutcomeTap,
  ...args: unknown[]
): unknown {
  let parsed: unknown;
  try {
    parsed = parse.apply(this, args);
  } catch (error) {
    seeError(tap, error);
    throw error;
  }
  return Promise.resolve(parsed).then(
    (value) => {
      seeValue(tap, value);
      return value;
    },
    (error: unknown) => {
      seeError(tap, error);
      throw error;
    },
  );
}

function tappedThenUnwrap(
  this: unknown,
  thenUnwrap: NonNullable<ApiPromiseShape['_thenUnwrap']>,
  tap: OutcomeTap,
  transform: (data: unknown, props: unknown) => unknown,
): unknown {
  return thenUnwrap.call(this, (data: unknown, props: unknown) => {
    seeValue(tap, data);
    return transform(data, props);
  });
}

function tappedAsResponse(
  this: unknown,
  promise: ApiPromiseShape,
  asResponse: (...args: unknown[]) => unknown,
  tap: OutcomeTap,
  ...args: unknown[]
): unknown {
  const response = asResponse.apply(this, args);
  if (promise.parsedPromise === undefined) {
    Promise.resolve(response).then(
      () => {
        if (promise.parsedPromise === undefined) safely('ending a raw response', () => tap.onRawResponse());
      },
      () => undefined,
    );
  }
  return response;
}

function tapApiPromise(promise: ApiPromiseShape, tap: OutcomeTap): void {
  promise.parseResponse = tappedParseResponse.bind(promise, promise.parseResponse, tap);
  if (
    Object.prototype.hasOwnProperty.call(promise, '_thenUnwrap') &&
    typeof promise._thenUnwrap === 'function'
  ) {
    promise._thenUnwrap = tappedThenUnwrap.bind(promise, promise._thenUnwrap, tap);
  }
  if (typeof promise.asResponse === 'function') {
    promise.asResponse = tappedAsResponse.bind(promise, promise, promise.asResponse, tap);
  }
  promise.responsePromise.then(undefined, seeError.bind(undefined, tap));
}
