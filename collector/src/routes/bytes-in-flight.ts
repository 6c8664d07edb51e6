/**
 * Admission by bytes in flight: the decoded bodies of the requests being handled, which (with what
 * decoding, redaction and the insert make of them) is what the collector's memory grows with. Checking
 * resident memory when a request arrives cannot bound this: twenty large requests arriving together
 * all see the same low figure. Reserving each body's bytes as it is read can.
 */
export class BytesInFlight {
  #inFlight = 0;

  /** @param limitBytes decoded bytes that may be held at once. */
  constructor(readonly limitBytes: number) {}

  get inFlight(): number {
    return this.#inFlight;
  }

  /**
   * A lease for one request. `reserve` throws OverBudgetError when the bytes would exceed the limit
   * while other requests hold some; a request alone is always admitted (up to the body limit), so the
   * collector keeps making progress. `release` returns everything the lease holds.
   */
  lease(): { reserve(bytes: number): void; release(): void } {
    let held = 0;
    return {
      reserve: (bytes: number) => {
        const others = this.#inFlight - held;
        if (others > 0 && this.#inFlight + bytes > this.limitBytes) throw new OverBudgetError();
        held += bytes;
        this.#inFlight += bytes;
      },
      release: () => {
        this.#inFlight -= held;
        held = 0;
      },
    };
  }
}

/** Too many bytes in flight: refused at once with 429 and Retry-After, before the body is read. */
export class OverBudgetError extends Error {
  readonly retryAfterSeconds = 1;
  constructor() {
    super('too many request bytes in flight');
  }
}

/** Resident memory above which the collector refuses requests (503) until it falls. */
export const DEFAULT_MEMORY_SOFT_LIMIT_BYTES = 4 * 1024 * 1024 * 1024;

/**
 * What a decoded body byte costs at the peak, in resident memory: the body, its parsed form, the rows,
 * their redacted copies, the content checks' working sets and the engine's insert. Measured by sending
 * 18 MiB OTLP/JSON bodies to a fresh server: 16 (many small spans) to 23 (large prompts) bytes per byte
 * beyond the warm-up with up to 16 at once, 33 for two at once on a busy machine; rounded up.
 */
export const MEMORY_PER_BODY_BYTE = 32;

/** The first requests grow the heap and the engine's buffers by about this much, whatever their size. */
export const WARM_UP_BYTES = 256 * 1024 * 1024;

/** The budget that keeps resident memory under `softLimitBytes`, given what is resident already. */
export function bytesInFlightBudget(softLimitBytes: number, residentBytes: number): number {
  return Math.max(0, Math.floor((softLimitBytes - residentBytes - WARM_UP_BYTES) / MEMORY_PER_BODY_BYTE));
}
