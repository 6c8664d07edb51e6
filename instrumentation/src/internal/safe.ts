import { diag } from '@opentelemetry/api';

/**
 * Everything the instrumentation does around a host call goes through here, so that a bug in it
 * costs a span, never the application's request.
 */

type FaultInjector = (stage: string) => void;

let injector: FaultInjector | undefined;
let internalErrors = 0;

/**
 * Test seam: `stage` names a point inside the instrumentation; an injector that throws there
 * proves the host call survives a failure at that point. Not part of the public surface.
 */
export function setFaultInjector(fn: FaultInjector | undefined): void {
  injector = fn;
}

export function checkpoint(stage: string): void {
  if (injector !== undefined) injector(stage);
}

/** How many failures inside the instrumentation were swallowed; tests read it. */
export function internalErrorCount(): number {
  return internalErrors;
}

export function reportInternalError(what: string, error: unknown): void {
  internalErrors += 1;
  diag.warn(`@flywheel/instrumentation: ${what} failed; the host call continues untouched`, error);
}

export function safely<T>(what: string, fn: () => T): T | undefined {
  try {
    return fn();
  } catch (error) {
    reportInternalError(what, error);
    return undefined;
  }
}
