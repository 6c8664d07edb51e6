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

/**
 * Cohen's (1960) large-sample standard error of a binary kappa, √(po(1 − po) / (n(1 − pe)²)): enough to
 * tell a change in agreement from the noise of a few dozen review pairs. Null where kappa is.
 */
export function binaryKappaStandardError(cells: {
  pp: number;
  pf: number;
  fp: number;
  ff: number;
}): number | null {
  const n = cells.pp + cells.pf + cells.fp + cells.ff;
  if (n === 0) return null;
  const po = (cells.pp + cells.ff) / n;
  const pe =
    ((cells.pp + cells.pf) * (cells.pp + cells.fp) + (cells.fp + cells.ff) * (cells.pf + cells.ff)) / n / n;
  if (pe === 1) return null;
  return Math.sqrt((po * (1 - po)) / (n * (1 - pe) ** 2));
}
