/** Verdicts of docs/design.md §7's checks. */
export type Verdict = 'ok' | 'warn' | 'alarm' | 'insufficient_data';

const RANK: Record<Verdict, number> = { insufficient_data: 0, ok: 1, warn: 2, alarm: 3 };

/**
 * The verdict of a check made of several parts: the worst part that could be evaluated, and
 * insufficient_data only when no part could.
 */
export function combine(verdicts: Verdict[]): Verdict {
  return verdicts.reduce<Verdict>((worst, v) => (RANK[v] > RANK[worst] ? v : worst), 'insufficient_data');
}

/** One evaluated rule of a check, with the reason in words. */
export interface Finding {
  rule: string;
  verdict: Verdict;
  detail: string;
}
