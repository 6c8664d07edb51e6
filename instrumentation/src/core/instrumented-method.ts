import { context, createContextKey } from '@opentelemetry/api';
import type { Context, Tracer } from '@opentelemetry/api';
import { bindRequestId } from '../context/request-id';
import { checkpoint, reportInternalError, safely } from '../internal/safe';
import type { OperationAdapter, StreamAccumulator } from './adapter';
import { tapOutcome } from './api-promise';
import type { OutcomeTap } from './api-promise';
import { LlmCall } from './llm-call';
import { isStreamObject, tapStream } from './stream';
import type { StreamTap } from './stream';

export interface InstrumentationRuntime {
  isEnabled(): boolean;
  tracer(): Tracer;
  captureContent(): boolean;
}

type AnyFunction = (this: unknown, ...args: unknown[]) => unknown;

/**
 * Context key holding the context to parent LLM spans on when an outer wrapper had to run the SDK
 * with tracing suppressed (see the Anthropic instrumentation).
 */
export const PARENT_CONTEXT_KEY = createContextKey('flywheel.parent_context');

function parentContext(): Context {
  const active = context.active();
  return (active.getValue(PARENT_CONTEXT_KEY) as Context | undefined) ?? active;
}

function requestSignal(options: unknown): AbortSignal | undefined {
  const signal = (options as { signal?: unknown } | null | undefined)?.signal;
  return signal instanceof AbortSignal ? signal : undefined;
}

/**
 * Wraps an SDK method. The original is called exactly once, with the app's own arguments; if the
 * instrumentation fails before the call, the original runs untraced, and if it fails after, the
 * SDK's result is returned as is. Errors from the provider reach the app as the same object.
 */
export function instrumentMethod(
  original: AnyFunction,
  adapter: OperationAdapter,
  runtime: InstrumentationRuntime,
): AnyFunction {
  return function instrumented(this: unknown, ...args: unknown[]): unknown {
    if (!runtime.isEnabled()) return original.apply(this, args);
    let call: LlmCall;
    let stream: boolean;
    let captureContent: boolean;
    try {
      checkpoint('start');
      captureContent = runtime.captureContent();
      const description = adapter.describe(args[0], this);
      stream = description.stream;
      call = LlmCall.start(description, {
        tracer: runtime.tracer(),
        captureContent,
        parentContext: parentContext(),
      });
    } catch (error) {
      reportInternalError('starting an LLM span', error);
      return original.apply(this, args);
    }

    const invocation: Invocation = { invoked: false, original, self: this, args };
    let result: unknown;
    try {
      result =
        adapter.invoke !== undefined
          ? context.with(call.context, adapter.invoke, adapter, this, () => invoke(invocation))
          : context.with(call.context, invoke, undefined, invocation);
    } catch (error) {
      if (!invocation.invoked) {
        reportInternalError('calling the SDK', error);
        safely('ending a span', () => call.abandon());
        return original.apply(this, args);
      }
      safely('recording an error', () => call.fail(error));
      throw error;
    }

    try {
      checkpoint('tap');
      return tapOutcome(
        result,
        new CallOutcome(call, adapter, stream, captureContent, requestSignal(args[1])),
      );
    } catch (error) {
      reportInternalError('observing the result', error);
      safely('ending a span', () => call.abandon());
      return result;
    }
  };
}

interface Invocation {
  invoked: boolean;
  original: AnyFunction;
  self: unknown;
  args: unknown[];
}

// Module-level rather than a closure per call: this runs on every LLM call.
function invoke(invocation: Invocation): unknown {
  invocation.invoked = true;
  return invocation.original.apply(invocation.self, invocation.args);
}

/** Routes a call's outcome to its span. */
class CallOutcome implements OutcomeTap {
  constructor(
    private readonly call: LlmCall,
    private readonly adapter: OperationAdapter,
    private readonly stream: boolean,
    private readonly captureContent: boolean,
    private readonly signal: AbortSignal | undefined,
  ) {}

  onValue(value: unknown): void {
    guarded(this.call, () => {
      checkpoint('result');
      bindRequestId(value, this.call.slot);
      if (this.stream && isStreamObject(value)) {
        const accumulator = this.adapter.createAccumulator(this.captureContent);
        if (tapStream(value, new StreamOutcome(this.call, accumulator), this.signal)) return;
      }
      this.call.finish(this.adapter.readResult(value, this.captureContent));
    });
  }

  onError(error: unknown): void {
    guarded(this.call, () => {
      if (this.stream && (this.signal?.aborted === true || isUserAbort(error))) this.call.terminateEarly({});
      else this.call.fail(error);
    });
  }

  onRawResponse(): void {
    guarded(this.call, () => this.call.finish({}));
  }
}

/** Routes a stream's chunks and end to its span. */
class StreamOutcome implements StreamTap {
  constructor(
    private readonly call: LlmCall,
    private readonly accumulator: StreamAccumulator,
  ) {}

  onChunk(chunk: unknown): void {
    this.call.firstChunk();
    this.accumulator.add(chunk);
    checkpoint('chunk');
  }

  isComplete(): boolean {
    return this.accumulator.isComplete();
  }

  onComplete(): void {
    guarded(this.call, () => this.call.finish(this.accumulator.result()));
  }

  onEarlyTermination(): void {
    guarded(this.call, () => this.call.terminateEarly(this.accumulator.result()));
  }

  onError(error: unknown): void {
    guarded(this.call, () => this.call.fail(error));
  }
}

/** A failure while ending still ends the span, so no span is left open by our own bug. */
function guarded(call: LlmCall, fn: () => void): void {
  try {
    fn();
  } catch (error) {
    reportInternalError('recording an LLM span', error);
    safely('ending a span', () => call.abandon());
  }
}

function isUserAbort(error: unknown): boolean {
  return (
    error instanceof Error && (error.name === 'AbortError' || error.constructor.name === 'APIUserAbortError')
  );
}
