/**
 * Replaces a method with a wrapper and can put the original back. Unlike shimmer (which
 * InstrumentationBase#_wrap uses), it never unwraps a wrapper that another instrumentation put
 * there first: both keep working, stacked.
 */

const ORIGINAL = Symbol.for('flywheel.instrumentation.original');

type AnyFunction = (this: unknown, ...args: unknown[]) => unknown;

interface Wrapped extends AnyFunction {
  [ORIGINAL]?: AnyFunction;
}

export function isPatched(target: object, name: string): boolean {
  const current = (target as Record<string, unknown>)[name] as Wrapped | undefined;
  return typeof current === 'function' && current[ORIGINAL] !== undefined;
}

/** Returns false when there is no such method, or when it is already wrapped by us. */
export function patchMethod(
  target: object,
  name: string,
  wrap: (original: AnyFunction) => AnyFunction,
): boolean {
  const current = (target as Record<string, unknown>)[name];
  if (typeof current !== 'function' || isPatched(target, name)) return false;
  const original = current as AnyFunction;
  const wrapper = wrap(original) as Wrapped;
  wrapper[ORIGINAL] = original;
  Object.defineProperty(wrapper, 'name', { value: original.name, configurable: true });
  Object.defineProperty(wrapper, 'length', { value: original.length, configurable: true });
  const descriptor = Object.getOwnPropertyDescriptor(target, name);
  Object.defineProperty(target, name, {
    value: wrapper,
    writable: descriptor?.writable ?? true,
    enumerable: descriptor?.enumerable ?? false,
    configurable: true,
  });
  return true;
}

export function unpatchMethod(target: object, name: string): boolean {
  const current = (target as Record<string, unknown>)[name] as Wrapped | undefined;
  if (typeof current !== 'function' || current[ORIGINAL] === undefined) return false;
  Object.defineProperty(target, name, {
    value: current[ORIGINAL],
    writable: true,
    enumerable: false,
    configurable: true,
  });
  return true;
}
