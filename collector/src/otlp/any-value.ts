import type { AttrValue, Attributes } from './span';

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
    return typeof v.bytesValue === 'string'
      ? v.bytesValue
      : Buffer.from(v.bytesValue as Uint8Array).toString('base64');
  }
  return null;
}

export function keyValuesToAttributes(list: unknown): Attributes {
  const out: Attributes = {};
  if (!Array.isArray(list)) return out;
  for (const kv of list) {
    if (kv && typeof kv === 'object' && typeof (kv as { key?: unknown }).key === 'string') {
      out[(kv as { key: string }).key] = anyValueToJs((kv as { value?: unknown }).value);
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
  if (typeof value === 'string') return /^-?\d+$/.test(value) ? BigInt(value) : null;
  if (value && typeof value === 'object' && 'low' in value && 'high' in value) {
    const l = value as { low: number; high: number; unsigned?: boolean };
    const unsigned = (BigInt(l.high >>> 0) << 32n) | BigInt(l.low >>> 0);
    return l.unsigned || l.high >= 0 ? unsigned : unsigned - (1n << 64n);
  }
  return null;
}
