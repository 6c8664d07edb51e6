/**
 * Cohen's kappa for two raters over the same items: (po − pe) / (1 − pe), from a square table of counts
 * where `table[i][j]` counts items rater A put in category i and rater B in category j. Null without
 * items, or when chance agreement is already perfect (both raters always give one and the same category).
 */
export function cohensKappa(table: number[][]): number | null {
  const k = table.length;
  let n = 0;
  let agree = 0;
  const rows = new Array<number>(k).fill(0);
  const cols = new Array<number>(k).fill(0);
  for (let i = 0; i < k; i++) {
    const row = table[i]!;
    if (row.length !== k) throw new Error('cohensKappa needs a square table');
    for (let j = 0; j < k; j++) {
      const count = row[j]!;
      n += count;
      rows[i]! += count;
      cols[j]! += count;
      if (i === j) agree += count;
    }
  }
  if (n === 0) return null;
  const po = agree / n;
  const pe = rows.reduce((sum, r, i) => sum + (r / n) * (cols[i]! / n), 0);
  if (pe === 1) return null;
  return (po - pe) / (1 - pe);
}

/** Kappa of binary verdicts from the four cells: both pass, A pass/B fail, A fail/B pass, both fail. */
export function binaryKappa(cells: { pp: number; pf: number; fp: number; ff: number }): number | null {
  return cohensKappa([
    [cells.pp, cells.pf],
    [cells.fp, cells.ff],
  ]);
}
