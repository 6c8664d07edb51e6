import type { CallDescription, CallResult } from './llm-call';

/** Collects the chunks of one streamed response. */
export interface StreamAccumulator {
  add(chunk: unknown): void;
  /** True once the chunks show the model finished. */
  isComplete(): boolean;
  /** What the chunks so far say; called at the end, complete or not. */
  result(): CallResult;
}

/** Everything provider-specific about one SDK method. */
export interface OperationAdapter {
  describe(params: unknown, self: unknown): CallDescription;
  readResult(value: unknown, captureContent: boolean): CallResult;
  createAccumulator(captureContent: boolean): StreamAccumulator;
  /** Runs the original method; an adapter may change the context it runs in. */
  invoke?(self: unknown, run: () => unknown): unknown;
}
