/**
 * Nesting limits for JSON bodies, checked on the bytes before JSON.parse: a body nested thousands deep
 * parses fine but overflows the stack of every recursive walk after it. Protobuf decoding stops at 100
 * nested messages; in OTLP/JSON each message is one object, so objects get the same limit. Arrays
 * count only towards the overall limit, which valid OTLP (an array per two or three messages) never
 * reaches before the object limit.
 */
export const MAX_JSON_OBJECT_DEPTH = 100;
export const MAX_JSON_DEPTH = 200;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

/** Why `body` nests too deeply, or undefined. Linear; string contents are skipped with indexOf. */
export function jsonNestingProblem(body: Uint8Array): string | undefined {
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  // isObject[d] tells whether the container at depth d is an object, so closing it lowers that count.
  const isObject = new Uint8Array(MAX_JSON_DEPTH + 2);
  let depth = 0;
  let objects = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c === QUOTE) {
      i = stringEnd(bytes, i + 1);
      if (i === -1) return undefined; // unterminated: JSON.parse reports it
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      depth++;
      if (c === OPEN_OBJECT) objects++;
      if (objects > MAX_JSON_OBJECT_DEPTH)
        return `JSON objects nest deeper than ${MAX_JSON_OBJECT_DEPTH} levels (the limit protobuf has for messages)`;
      if (depth > MAX_JSON_DEPTH) return `JSON nests deeper than ${MAX_JSON_DEPTH} levels`;
      isObject[depth] = c === OPEN_OBJECT ? 1 : 0;
    } else if ((c === CLOSE_OBJECT || c === CLOSE_ARRAY) && depth > 0) {
      if (isObject[depth] === 1) objects--;
      depth--;
    }
  }
  return undefined;
}

/** Index of the quote that closes a string whose contents start at `from`, or -1. */
function stringEnd(bytes: Buffer, from: number): number {
  for (let i = bytes.indexOf(QUOTE, from); i !== -1; i = bytes.indexOf(QUOTE, i + 1)) {
    let backslashes = 0;
    while (bytes[i - 1 - backslashes] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return i;
  }
  return -1;
}
