import fc from 'fast-check';
import { anyJson, hostileBodyText, hostileFor, hostileParameterText } from './hostile-values';

// Hostile requests for every operation of an OpenAPI 3.1 document: each parameter and each body field
// is either what its schema describes or a value chosen to break it, so a run exercises both the
// validation at the edge and the code behind it with values that just pass.

/** The part of JSON Schema the contract's generator emits. */
export interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
}

interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}

export interface Operation {
  method: string;
  /** The path template, e.g. `/api/v1/cycles/{id}`. */
  path: string;
  parameters: Parameter[];
  body?: JsonSchema;
}

export interface HostileRequest {
  method: string;
  /** Path and query string, percent-encoded (lone surrogates as the bytes a careless encoder sends). */
  url: string;
  headers: Record<string, string>;
  body?: string;
}

interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Parameter[];
        requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
      }
    >
  >;
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** Every operation of the document. */
export function operationsOf(document: unknown): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries((document as OpenApiDocument).paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const body = op.requestBody?.content?.['application/json']?.schema;
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        ...(body ? { body } : {}),
      });
    }
  }
  return operations;
}

const INT32 = 2 ** 31 - 1;
const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

/** A value that fits the schema (as far as the generator can tell). */
function fitting(schema: JsonSchema, hostility: number): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return fc.oneof(...branches.map((b) => value(b, hostility)));
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length > 1)
    return fc.oneof(
      ...types.map((type) => (type === 'null' ? fc.constant(null) : fitting({ ...schema, type }, hostility))),
    );
  switch (types[0]) {
    case 'string':
      if (schema.format === 'date-time')
        return fc
          .integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2027-01-01T00:00:00Z') })
          .map((ms) => new Date(ms).toISOString());
      if (schema.format === 'uri')
        return fc.constantFrom('https://hooks.example.com/flywheel', 'http://127.0.0.1:9/hook');
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
      return fc.string({
        minLength: schema.minLength ?? 0,
        maxLength: Math.max(schema.minLength ?? 0, Math.min(schema.maxLength ?? 24, 24)),
      });
    case 'integer':
      return fc.integer({
        min: clamp(Math.ceil(schema.minimum ?? -1000), -INT32, INT32),
        max: clamp(Math.floor(schema.maximum ?? 100_000), -INT32, INT32),
      });
    case 'number': {
      const min = schema.exclusiveMinimum ?? schema.minimum ?? -1e6;
      return fc.double({
        min,
        max: schema.maximum ?? 1e6,
        minExcluded: schema.exclusiveMinimum !== undefined,
        noNaN: true,
        noDefaultInfinity: true,
      });
    }
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(value(schema.items ?? {}, hostility), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3)),
      });
    case 'object':
      return objectOf(schema, hostility);
    default:
      return anyJson;
  }
}

function objectOf(schema: JsonSchema, hostility: number): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const required = schema.required ?? [];
  const fields = fc.record(
    Object.fromEntries(Object.entries(properties).map(([k, s]) => [k, value(s, hostility)])),
    { requiredKeys: required.filter((k) => k in properties) },
  );
  const extra =
    typeof schema.additionalProperties === 'object'
      ? fc.dictionary(fc.stringMatching(/^[a-z_]{1,12}$/), value(schema.additionalProperties, hostility), {
          maxKeys: 3,
        })
      : fc.constant({});
  // Sometimes a required field goes missing or an unknown one appears: the shape itself is hostile.
  const mangle = fc.oneof(
    { weight: 8, arbitrary: fc.constant((o: Record<string, unknown>) => o) },
    fc
      .constantFrom(...(required.length > 0 ? required : ['unknownField']))
      .map((k) => (o: Record<string, unknown>) => {
        const copy = { ...o };
        delete copy[k];
        return copy;
      }),
    fc.tuple(fc.constantFrom('unknownField', '__proto__', '\ud800'), anyJson).map(
      ([k, v]) =>
        (o: Record<string, unknown>) =>
          Object.defineProperty({ ...o }, k, { value: v, enumerable: true, writable: true }),
    ),
  );
  return fc.tuple(fields, extra, mangle).map(([f, e, m]) => m({ ...e, ...f }));
}

/**
 * A value for a field: mostly what the schema describes, with each field independently replaced by a
 * hostile one with probability 1 / (hostility + 1).
 */
export function value(schema: JsonSchema, hostility = 6): fc.Arbitrary<unknown> {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  return fc.oneof(
    { weight: hostility, arbitrary: fitting(schema, hostility) },
    { weight: 1, arbitrary: hostileFor(type, schema.format) },
  );
}

/** Percent-encodes text; a lone surrogate becomes the three bytes a careless encoder emits for it. */
export function encodeComponent(text: string): string {
  let out = '';
  for (const ch of text) {
    const unit = ch.charCodeAt(0);
    if (ch.length === 1 && unit >= 0xd800 && unit <= 0xdfff) {
      const bytes = [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)];
      out += bytes.map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else out += encodeURIComponent(ch);
  }
  return out;
}

function parameterText(parameter: Parameter): fc.Arbitrary<string> {
  const fits = fitting(parameter.schema ?? { type: 'string' }, 6).map((v) =>
    Array.isArray(v) ? v.join(',') : String(v),
  );
  return fc.oneof({ weight: 3, arbitrary: fits }, { weight: 2, arbitrary: hostileParameterText });
}

const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-16',
  'application/json;;',
  'application/problem+json',
  '',
] as const;

/** Hostile requests for one operation. `ids` are path-parameter values that exist in the store. */
export function requestsFor(operation: Operation, ids: readonly string[] = []): fc.Arbitrary<HostileRequest> {
  const pathParams = operation.parameters.filter((p) => p.in === 'path');
  const queryParams = operation.parameters.filter((p) => p.in === 'query');

  const path = fc
    .tuple(
      ...pathParams.map(() =>
        fc.oneof(
          { weight: 2, arbitrary: ids.length > 0 ? fc.constantFrom(...ids) : fc.constant('x') },
          { weight: 2, arbitrary: fc.stringMatching(/^[a-z0-9-]{1,12}$/) },
          { weight: 3, arbitrary: hostileParameterText.filter((s) => s.length > 0) },
        ),
      ),
    )
    .map((values) =>
      pathParams.reduce(
        (p, param, i) => p.replace(`{${param.name}}`, encodeComponent(values[i]!)),
        operation.path,
      ),
    );

  const query = fc
    .tuple(
      ...queryParams.map((param) =>
        // Mostly once; sometimes twice, which a strict parser must refuse rather than guess.
        fc.option(fc.tuple(parameterText(param), fc.option(parameterText(param), { freq: 8 })), { freq: 2 }),
      ),
      fc.option(fc.tuple(fc.constantFrom('unknown', 'asOf[]', '\ud800', ''), hostileParameterText), {
        freq: 8,
      }),
    )
    .map((values) => {
      const pairs: string[] = [];
      queryParams.forEach((param, i) => {
        const texts = values[i] as [string, string | null] | null;
        for (const t of texts ?? [])
          if (t !== null) pairs.push(`${encodeComponent(param.name)}=${encodeComponent(t)}`);
      });
      const extra = values[queryParams.length] as [string, string] | null;
      if (extra) pairs.push(`${encodeComponent(extra[0])}=${encodeComponent(extra[1])}`);
      return pairs.length > 0 ? `?${pairs.join('&')}` : '';
    });

  const body: fc.Arbitrary<string | undefined> = operation.body
    ? fc.oneof(
        { weight: 12, arbitrary: value(operation.body).map((v) => JSON.stringify(v)) },
        { weight: 2, arbitrary: hostileBodyText },
        { weight: 1, arbitrary: fc.constant(undefined) },
      )
    : fc.oneof({ weight: 8, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: hostileBodyText });

  const contentType = fc.oneof(
    { weight: 10, arbitrary: fc.constant('application/json') },
    { weight: 2, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
  );

  return fc.tuple(path, query, body, contentType).map(([p, q, b, type]) => {
    const headers: Record<string, string> = {};
    if (b !== undefined && type !== '') headers['content-type'] = type;
    return {
      method: operation.method,
      url: p + q,
      headers,
      ...(b !== undefined && operation.method !== 'GET' ? { body: b } : {}),
    };
  });
}
