import { describe, expect, it } from 'vitest';
import { insertIsolated, MAX_INSERTS_PER_CALLER } from './isolate';

// A stand-in for the engine's parser: it refuses any insert that holds a value it cannot read (here:
// negative numbers), the way ClickHouse refuses a whole JSONEachRow insert for one bad value.
function engine(options: { maxPartitions?: number } = {}) {
  const stored: number[] = [];
  let inserts = 0;
  const insert = async (rows: number[]) => {
    inserts++;
    if (rows.some((r) => r < 0))
      throw Object.assign(new Error('Cannot parse input\nstack'), { type: 'CANNOT_PARSE_NUMBER' });
    if (options.maxPartitions && new Set(rows.map((r) => Math.floor(r / 100))).size > options.maxPartitions)
      throw Object.assign(new Error('Too many partitions for single INSERT block (more than 2)'), {
        type: 'TOO_MANY_PARTS',
      });
    stored.push(...rows);
  };
  return { insert, stored, inserts: () => inserts };
}

describe('insertIsolated', () => {
  it('inserts everything at once when nothing is wrong', async () => {
    const e = engine();
    expect(await insertIsolated([[1, 2], [3]], e.insert)).toEqual([[], []]);
    expect(e.stored).toEqual([1, 2, 3]);
    expect(e.inserts()).toBe(1);
  });

  it('refuses only the bad rows; every other caller and row commits', async () => {
    const e = engine();
    const callers = [[1, 2, 3], [4, -5, 6, 7, -8], [9], [10, 11]];
    const refused = await insertIsolated(callers, e.insert);
    expect(refused.map((r) => r.map((x) => x.index))).toEqual([[], [1, 4], [], []]);
    expect(refused[1]![0]!.reason).toBe('Cannot parse input');
    expect(e.stored.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 6, 7, 9, 10, 11]);
  });

  it('finds one bad row among 20,000 in a few dozen inserts', async () => {
    const e = engine();
    const rows = Array.from({ length: 20_000 }, (_, i) => (i === 12_345 ? -1 : i));
    const refused = await insertIsolated([rows], e.insert);
    expect(refused[0]!.map((r) => r.index)).toEqual([12_345]);
    expect(e.stored).toHaveLength(19_999);
    expect(e.inserts()).toBeLessThanOrEqual(2 * 15 + 1);
  });

  it('bounds the inserts spent on a caller whose rows are all bad; others still commit', async () => {
    const e = engine();
    const bad = Array.from({ length: 1000 }, () => -1);
    const refused = await insertIsolated([[1, 2], bad, [3]], e.insert);
    expect(refused[1]).toHaveLength(1000);
    expect(refused[1]!.at(-1)!.reason).toMatch(/refused with other rows of this request/);
    expect(e.stored.sort()).toEqual([1, 2, 3]);
    expect(e.inserts()).toBeLessThanOrEqual(MAX_INSERTS_PER_CALLER + 4);
  });

  it('splits an insert that touches too many partitions without refusing anything', async () => {
    const e = engine({ maxPartitions: 2 });
    const refused = await insertIsolated([[1, 101], [201, 301, 401], [501]], e.insert);
    expect(refused).toEqual([[], [], []]);
    expect(e.stored.sort((a, b) => a - b)).toEqual([1, 101, 201, 301, 401, 501]);
  });

  it('fails as a whole when the engine is unavailable, so callers retry', async () => {
    const down = async () => {
      throw new Error('connect ECONNREFUSED');
    };
    await expect(insertIsolated([[1], [2]], down)).rejects.toThrow(/ECONNREFUSED/);
  });
});
