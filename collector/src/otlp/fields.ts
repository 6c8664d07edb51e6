import { toBigInt } from './any-value';

/** A malformed field rejects its span (or log record) alone: it comes back marked `invalid` with the reason. */
export class FieldError extends Error {}

/** Nanoseconds since the epoch; absent is 0 (validation decides whether that is allowed). */
export function time(value: unknown, field: string): bigint {
  if (value === undefined || value === null) return 0n;
  const ns = toBigInt(value);
  if (ns === null) {
    const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : typeof value;
    throw new FieldError(`${field} must be an integer number of nanoseconds, got ${shown}`);
  }
  return ns;
}

/** Lower-case hex of an id, or '' when it is absent or has the wrong length (the span is then rejected). */
export function idToHex(value: unknown, bytes: number): string {
  if (value instanceof Uint8Array) return value.length === bytes ? Buffer.from(value).toString('hex') : '';
  if (typeof value === 'string')
    return new RegExp(`^[0-9a-fA-F]{${bytes * 2}}$`).test(value) ? value.toLowerCase() : '';
  return '';
}
