import { PII_KINDS } from '../types';
import type { PiiKind } from '../types';
import type { CorpusEntry, ExpectedEntity } from './corpus-types';

export interface KindScore {
  kind: PiiKind;
  expected: number;
  found: number;
  truePositives: number;
  recall: number;
  precision: number;
}

export interface Miss {
  id: string;
  kind: PiiKind;
  value: string;
  type: 'missed' | 'spurious';
}

/**
 * Strict scoring: a found entity counts only when its kind and its exact text equal an expected
 * one in the same snippet (multiset match), so a span that is one character short is both a miss
 * and a false positive.
 */
export function scoreCorpus(
  entries: readonly CorpusEntry[],
  detect: (text: string) => ExpectedEntity[],
): { scores: KindScore[]; misses: Miss[] } {
  const tally = new Map(PII_KINDS.map((k) => [k, { expected: 0, found: 0, tp: 0 }]));
  const misses: Miss[] = [];
  for (const entry of entries) {
    const found = detect(entry.text);
    const unmatched = [...found];
    for (const e of entry.entities) {
      tally.get(e.kind)!.expected++;
      const i = unmatched.findIndex((f) => f.kind === e.kind && f.value === e.value);
      if (i === -1) misses.push({ id: entry.id, kind: e.kind, value: e.value, type: 'missed' });
      else {
        tally.get(e.kind)!.tp++;
        unmatched.splice(i, 1);
      }
    }
    for (const f of found) tally.get(f.kind)!.found++;
    for (const f of unmatched) misses.push({ id: entry.id, kind: f.kind, value: f.value, type: 'spurious' });
  }
  const scores = PII_KINDS.map((kind) => {
    const t = tally.get(kind)!;
    return {
      kind,
      expected: t.expected,
      found: t.found,
      truePositives: t.tp,
      recall: t.expected === 0 ? 1 : t.tp / t.expected,
      precision: t.found === 0 ? 1 : t.tp / t.found,
    };
  });
  return { scores, misses };
}

export function formatScores(scores: readonly KindScore[]): string {
  const head = 'kind          expected  found   TP   recall  precision';
  const rows = scores.map(
    (s) =>
      `${s.kind.padEnd(12)}  ${String(s.expected).padStart(8)}  ${String(s.found).padStart(5)}  ${String(s.truePositives).padStart(3)}` +
      `   ${s.recall.toFixed(3)}    ${s.precision.toFixed(3)}`,
  );
  return [head, ...rows].join('\n');
}
