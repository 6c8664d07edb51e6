import type { AttrValue, Attributes } from '../otlp/span';

/** The first of `keys` present as a non-empty string (numbers are accepted and stringified). */
export function str(attrs: Attributes, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = attrs[key];
    if (typeof value === 'string' && value.length > 0) return value;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  }
  return undefined;
}

/** The first of `keys` present as a finite number (numeric strings are accepted). */
export function num(attrs: Attributes, ...keys: string[]): number | undefined {
  for (const key of keys) {
    const value = attrs[key];
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
      return Number(value);
  }
  return undefined;
}

export function bool(attrs: Attributes, key: string): boolean | undefined {
  const value = attrs[key];
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

/** A string array attribute, or a single string treated as one element, or a JSON array string. */
export function strList(attrs: Attributes, key: string): string[] {
  const value = attrs[key];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (typeof value === 'string' && value.length > 0) {
    if (value.startsWith('[')) {
      const parsed = parseJson(value);
      if (Array.isArray(parsed)) return parsed.filter((v): v is string => typeof v === 'string');
    }
    return [value];
  }
  return [];
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** An attribute that may hold structured data either as a value or as a JSON string. */
export function structured(attrs: Attributes, key: string): unknown {
  const value = attrs[key];
  return typeof value === 'string' ? parseJson(value) : value;
}

export function stringify(value: AttrValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
