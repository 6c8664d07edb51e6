import { AsyncLocalStorage } from 'node:async_hooks';
import type { FlywheelContext } from '../types';

/**
 * `withFlywheel` keeps its attributes in an AsyncLocalStorage of its own rather than in the OTel
 * context, so it works whether or not an OTel context manager is registered, and an app's own SDK
 * set-up cannot drop it.
 */

export interface Scope {
  readonly attributes: Readonly<FlywheelContext>;
  readonly parent: Scope | undefined;
  lastRequestId: string | undefined;
}

const storage = new AsyncLocalStorage<Scope>();
let processLastRequestId: string | undefined;

/** Runs `fn` with `context` applied to every LLM call and signal made inside it; nested calls merge. */
export function withFlywheel<T>(context: FlywheelContext, fn: () => T): T {
  const parent = storage.getStore();
  const attributes: FlywheelContext = { ...parent?.attributes };
  for (const [key, value] of Object.entries(context) as [keyof FlywheelContext, unknown][]) {
    if (value !== undefined && value !== null) (attributes as Record<string, unknown>)[key] = value;
  }
  return storage.run({ attributes, parent, lastRequestId: undefined }, fn);
}

/** The attributes `withFlywheel` set for the code running now, if any. */
export function getFlywheelContext(): Readonly<FlywheelContext> | undefined {
  return storage.getStore()?.attributes;
}

export function currentScope(): Scope | undefined {
  return storage.getStore();
}

/** Records the request id of a finished call in its scope, the scopes around it and the process. */
export function noteRequestId(scope: Scope | undefined, requestId: string): void {
  processLastRequestId = requestId;
  for (let s = scope; s !== undefined; s = s.parent) s.lastRequestId = requestId;
}

/**
 * The request id of the LLM call that most recently got its response: within the current
 * `withFlywheel` scope when called inside one, else in the whole process (fine for scripts, racy in
 * a server; prefer `getRequestId(response)` there).
 */
export function lastRequestId(): string | undefined {
  const scope = storage.getStore();
  return scope !== undefined ? scope.lastRequestId : processLastRequestId;
}
