/**
 * The request id of one LLM call. Several sources compete (the app's own id from `withFlywheel`, the
 * provider's response id, the span id as a last resort), and the response id may arrive only with
 * a later stream chunk. Once the app has been told an id, that id is frozen, so the span always
 * carries the id the app will send feedback with.
 */
export class RequestIdSlot {
  private frozen: string | undefined;
  private responseId: string | undefined;

  constructor(
    private readonly explicit: string | undefined,
    private readonly fallback: string,
  ) {}

  offerResponseId(id: unknown): void {
    if (typeof id === 'string' && id !== '' && this.responseId === undefined) this.responseId = id;
  }

  current(): string {
    return this.frozen ?? this.explicit ?? this.responseId ?? this.fallback;
  }

  freeze(): string {
    this.frozen ??= this.current();
    return this.frozen;
  }
}

const slots = new WeakMap<object, RequestIdSlot>();

export function bindRequestId(target: unknown, slot: RequestIdSlot): void {
  if (typeof target === 'object' && target !== null) slots.set(target, slot);
}

/**
 * The Flywheel request id of a response returned by an instrumented call (a completion, a message, a
 * stream), to send feedback with later. For an object the instrumentation has not seen, its `id`.
 */
export function getRequestId(response: unknown): string | undefined {
  if (typeof response !== 'object' || response === null) return undefined;
  const slot = slots.get(response);
  if (slot !== undefined) return slot.freeze();
  const id = (response as { id?: unknown }).id;
  return typeof id === 'string' && id !== '' ? id : undefined;
}
