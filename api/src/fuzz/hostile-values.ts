import fc from 'fast-check';

// Values a hostile or careless client sends where the API expects a time, a number or a text: the edges
// of what the columns hold, what JavaScript and JSON cannot represent, text that has no UTF-8 encoding.

/** Times at and around the edges of a DateTime64(6) column, with offsets that move them across. */
export const BOUNDARY_TIMES = [
  '1969-12-31T23:59:59.5Z',
  '1969-12-31T23:59:59.999999Z',
  '1970-01-01T00:00:00Z',
  '1970-01-01T00:00:00.000001Z',
  '1970-01-01T00:30:00+01:00',
  '0001-01-01T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '1900-02-28T12:00:00.5-05:00',
  '2299-12-31T23:59:59.999999Z',
  '2299-12-31T23:59:59.999999-00:01',
  '2300-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999999999Z',
  '2026-11-01T00:00:00.123456789Z',
  '2026-02-30T00:00:00Z',
  '2026-06-30T23:59:60Z',
  '2026-11-01T24:00:00Z',
  '2026-11-01',
  '2026-11-01T00:00:00',
  '+275760-09-13T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '1e3',
  '',
] as const;

/** Numbers at the edges of integer columns and of what a double holds, as JSON can carry them. */
export const BOUNDARY_NUMBERS = [
  0,
  -0,
  -1,
  1,
  0.5,
  -0.5,
  255,
  256,
  65_535,
  65_536,
  2_147_483_647,
  2_147_483_648,
  4_294_967_295,
  4_294_967_296,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  2 ** 63,
  2 ** 64,
  -(2 ** 63),
  1e308,
  -1e308,
  5e-324,
  Number.MAX_VALUE,
] as const;

/** Number-like text for query strings, where nothing is typed. */
export const NUMBER_TEXTS = [
  'NaN',
  'Infinity',
  '-Infinity',
  '1e400',
  '-1e400',
  '1e-400',
  '0x10',
  '0b11',
  '1_000',
  ' 7 ',
  '7abc',
  '',
  '-0',
  '007',
  '1.',
  '.5',
  '9'.repeat(400),
  '18446744073709551616',
  '-9223372036854775809',
] as const;

/** Text that a column cannot hold as it is, or that bends parsers. */
export const HOSTILE_TEXTS = [
  '\ud800',
  'a\udc00b',
  '\udbff\udfff',
  '\ud83d',
  'x\ud800\ud800',
  '\u0000',
  'nul\u0000in the middle',
  '\u202eevil',
  '\ufeffbom',
  '💥🧨',
  "'; DROP TABLE interactions; --",
  '{{ .Values }}',
  '%00%ff%',
  '../../etc/passwd',
  '\\',
  ' ',
  '',
  'a'.repeat(201),
  'a'.repeat(257),
  'ü'.repeat(10_001),
] as const;

/** Any JSON value, small, for a field whose schema it probably breaks. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, '', [], {}),
  fc.jsonValue({ maxDepth: 3 }),
);

/** A hostile value for a field of the given JSON Schema type. */
export function hostileFor(type: string | undefined, format?: string): fc.Arbitrary<unknown> {
  const texts = fc.constantFrom(...HOSTILE_TEXTS);
  const numbers = fc.constantFrom(...BOUNDARY_NUMBERS);
  const times = fc.constantFrom(...BOUNDARY_TIMES);
  if (format === 'date-time') return fc.oneof({ weight: 4, arbitrary: times }, texts, numbers, anyJson);
  if (type === 'integer' || type === 'number')
    return fc.oneof(
      { weight: 4, arbitrary: numbers },
      fc.double(),
      fc.constantFrom(...NUMBER_TEXTS),
      anyJson,
    );
  if (type === 'string') return fc.oneof({ weight: 3, arbitrary: texts }, times, numbers, anyJson);
  return fc.oneof(texts, numbers, times, anyJson);
}

/** Text for a query-string or path parameter: boundary times and numbers, hostile text, junk. */
export const hostileParameterText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...BOUNDARY_TIMES),
  fc.constantFrom(...NUMBER_TEXTS),
  fc.constantFrom(...HOSTILE_TEXTS),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/**
 * A JSON text nested `depth` deep: arrays, objects or a mix. Built as text, since building and
 * stringifying the value itself would exhaust the generator's own stack.
 */
export function deepJson(depth: number, kind: 'array' | 'object' | 'mixed'): string {
  if (kind === 'array') return '['.repeat(depth) + ']'.repeat(depth);
  if (kind === 'object') return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
  const open: string[] = [];
  const close: string[] = [];
  for (let i = 0; i < depth; i++) {
    open.push(i % 2 ? '[' : '{"k":');
    close.push(i % 2 ? ']' : '}');
  }
  return open.join('') + '0' + close.reverse().join('');
}

/** Bodies that are not the JSON a route wants: broken, deep, huge, or not JSON at all. */
export const hostileBodyText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    '{',
    '{"a":}',
    'null',
    'true',
    '"text"',
    '[]',
    '{}',
    '{"__proto__":{"polluted":1}}',
    '{"constructor":{"prototype":{"polluted":1}}}',
    '\ufeff{}',
    '{"a":1,"a":2}',
    'NaN',
    '[1,2,]',
    '{"n":1e999}',
    '{"s":"\\ud800"}',
  ),
  fc
    .tuple(fc.integer({ min: 100, max: 20_000 }), fc.constantFrom('array', 'object', 'mixed'))
    .map(([depth, kind]) => deepJson(depth, kind as 'array' | 'object' | 'mixed')),
  fc.string({ unit: 'binary', maxLength: 200 }),
  // Just over the 1 MiB default body limit.
  fc.constant(`{"pad":"${'x'.repeat(1024 * 1024)}"}`),
);
