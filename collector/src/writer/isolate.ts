import { classifyInsertError, insertErrorSummary, type InsertFailure } from '@flywheel/storage';
import type { RefusedItem } from './batch-writer';

/**
 * Inserts spent looking for the bad rows of one caller. One bad row among 20,000 costs about 30; a
 * caller whose rows are mostly bad would cost two inserts per row, so past this many its remaining
 * suspects are refused together. Only that caller pays for it.
 */
export const MAX_INSERTS_PER_CALLER = 64;

interface Slice<R> {
  caller: number;
  /** Position of `rows[0]` in the caller's own list. */
  offset: number;
  rows: R[];
}

/**
 * Inserts the rows of several callers together. When the engine refuses the insert because of the
 * data, the callers are split in halves and retried, so every caller without bad rows commits; a
 * caller that still fails alone has its rows split until the refused ones are found. Returns, per
 * caller, the positions of its refused rows. An engine that is unavailable fails the whole call
 * (already committed halves may be re-sent: re-delivery never double counts).
 */
export async function insertIsolated<R>(
  callers: readonly R[][],
  insert: (rows: R[]) => Promise<void>,
  classify: (error: unknown) => InsertFailure = classifyInsertError,
): Promise<RefusedItem[][]> {
  const refused: RefusedItem[][] = callers.map(() => []);
  const spent: number[] = callers.map(() => 0);
  const suspect: boolean[] = callers.map(() => false);

  const refuse = (slice: Slice<R>, reason: string) => {
    for (let i = 0; i < slice.rows.length; i++)
      refused[slice.caller]!.push({ index: slice.offset + i, reason });
  };

  const attempt = async (slices: Slice<R>[]): Promise<void> => {
    const rows = slices.length === 1 ? slices[0]!.rows : slices.flatMap((s) => s.rows);
    if (rows.length === 0) return;
    if (slices.length === 1) {
      const { caller } = slices[0]!;
      if (suspect[caller] && spent[caller]! >= MAX_INSERTS_PER_CALLER) {
        refuse(slices[0]!, `refused with other rows of this request that storage could not read`);
        return;
      }
      spent[caller]!++;
    }
    let error: unknown;
    try {
      await insert(rows);
      return;
    } catch (caught) {
      error = caught;
    }
    const kind = classify(error);
    if (kind === 'unavailable') throw error;
    if (slices.length > 1) {
      const middle = Math.ceil(slices.length / 2);
      await attempt(slices.slice(0, middle));
      await attempt(slices.slice(middle));
      return;
    }
    const slice = slices[0]!;
    if (slice.rows.length === 1) {
      if (kind === 'split') throw error; // one row cannot span partitions: not what it seemed
      refuse(slice, insertErrorSummary(error));
      return;
    }
    if (kind === 'rows') suspect[slice.caller] = true;
    const middle = Math.ceil(slice.rows.length / 2);
    await attempt([{ caller: slice.caller, offset: slice.offset, rows: slice.rows.slice(0, middle) }]);
    await attempt([{ caller: slice.caller, offset: slice.offset + middle, rows: slice.rows.slice(middle) }]);
  };

  await attempt(
    callers.map((rows, caller) => ({ caller, offset: 0, rows })).filter((s) => s.rows.length > 0),
  );
  for (const list of refused) list.sort((a, b) => a.index - b.index);
  return refused;
}
