import { describe, expect, it } from 'vitest';
import { jsonNestingProblem, MAX_JSON_DEPTH, MAX_JSON_OBJECT_DEPTH } from './json-nesting';

const check = (text: string) => jsonNestingProblem(Buffer.from(text));

describe('jsonNestingProblem', () => {
  it('accepts objects nested up to the protobuf limit, and refuses one more', () => {
    const objects = (n: number) => '{"a":'.repeat(n - 1) + '{}' + '}'.repeat(n - 1);
    expect(check(objects(MAX_JSON_OBJECT_DEPTH))).toBeUndefined();
    expect(check(objects(MAX_JSON_OBJECT_DEPTH + 1))).toMatch(/objects nest deeper than 100 levels/);
  });

  it('counts only the open containers: siblings do not add up', () => {
    expect(check(`[${'{"a":{"b":1}},'.repeat(100_000)}{}]`)).toBeUndefined();
  });

  it('bounds arrays and objects together', () => {
    expect(check('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH))).toBeUndefined();
    expect(check('['.repeat(MAX_JSON_DEPTH + 1))).toMatch(/nests deeper than 200 levels/);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    const inString = JSON.stringify({ s: `\\"${'{['.repeat(10_000)}\\\\` });
    expect(check(inString)).toBeUndefined();
    expect(check(`{"s":"\\\\"}${'['.repeat(300)}`)).toMatch(/deeper than 200/);
  });

  it('leaves malformed JSON to the parser', () => {
    expect(check('{"unterminated')).toBeUndefined();
    expect(check(']]]}}}')).toBeUndefined();
  });

  it('scans 20 MB in well under a second', () => {
    const body = Buffer.from(
      JSON.stringify({ a: Array.from({ length: 200_000 }, (_, i) => ({ k: `v${i}`.repeat(10) })) }),
    );
    const started = performance.now();
    expect(jsonNestingProblem(body)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
