import type { AttrValue, Attributes } from './span';

/** An attribute value of the wrong type; the span (or resource) carrying it is rejected, not the request. */
export class AttributeValueError extends Error {
  constructor(
    readonly path: string[],
    readonly problem: string,
  ) {
    super(`attribute ${path.join('.')}: ${problem}`);
  }
}

/**
 * Converts an OTLP AnyValue into a plain value. Works for both the protobufjs message (camelCase fields,
 * Long/Uint8Array) and the OTLP/JSON form (int64 as string or number, bytes as base64).
 */
export function anyValueToJs(value: unknown): AttrValue {
  if (value === null || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  // Decoded protobuf messages keep unset fields' defaults on the prototype; only the oneof member that
  // was sent is an own property. JSON objects only have what was sent. So test own properties.
  const has = (field: string) => Object.hasOwn(v, field) && v[field] !== null && v[field] !== undefined;
  if (has('stringValue')) return String(v.stringValue);
  if (has('boolValue')) return Boolean(v.boolValue);
  if (has('intValue')) return int64ToNumber(v.intValue);
  if (has('doubleValue')) return Number(v.doubleValue);
  if (has('arrayValue')) {
    const values = (v.arrayValue as { values?: unknown[] }).values ?? [];
    return Array.isArray(values) ? values.map(anyValueToJs) : [];
  }
  if (has('kvlistValue')) return keyValuesToAttributes((v.kvlistValue as { values?: unknown }).values);
  if (has('bytesValue')) {
    // OTLP/JSON carries bytes as base64 text, protobuf as bytes. Anything else (a number, an object with
    // a huge `length`) must not reach Buffer.from.
    if (typeof v.bytesValue === 'string') return v.bytesValue;
    if (v.bytesValue instanceof Uint8Array) return Buffer.from(v.bytesValue).toString('base64');
    throw new AttributeValueError([], 'bytesValue must be base64 text');
  }
  return null;
}

export function keyValuesToAttributes(list: unknown): Attributes {
  const out: Attributes = {};
  if (!Array.isArray(list)) return out;
  for (const kv of list) {
    if (kv && typeof kv === 'object' && typeof (kv as { key?: unknown }).key === 'string') {
      const key = (kv as { key: string }).key;
      try {
        out[key] = anyValueToJs((kv as { value?: unknown }).value);
      } catch (error) {
        if (error instanceof AttributeValueError)
          throw new AttributeValueError([key, ...error.path], error.problem);
        throw error;
      }
    }
  }
  return out;
}

/** int64 as a JS number; values beyond 2^53 keep their digits as a string rather than lose precision. */
export function int64ToNumber(value: unknown): number | string {
  if (typeof value === 'number') return value;
  const big = toBigInt(value);
  if (big === null) return Number.NaN;
  return big <= BigInt(Number.MAX_SAFE_INTEGER) && big >= BigInt(Number.MIN_SAFE_INTEGER)
    ? Number(big)
    : big.toString();
}

/** Unsigned 64-bit values (timestamps) from Long, string, number or bigint; null when unreadable. */
export function toBigInt(value: unknown): bigint | null {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? BigInt(Math.trunc(value)) : null;
  // 64-bit values have at most 20 digits; longer runs are unreadable rather than slow to convert.
  if (typeof value === 'string') return /^-?\d{1,24}$/.test(value) ? BigInt(value) : null;
  if (value && typeof value === 'object' && 'low' in value && 'high' in value) {
    const l = value as { low: number; high: number; unsigned?: boolean };
    const unsigned = (BigInt(l.high >>> 0) << 32n) | BigInt(l.low >>> 0);
    return l.unsigned || l.high >= 0 ? unsigned : unsigned - (1n << 64n);
  }
  return null;
}
