import type { ClickHouseClient } from '@flywheel/storage';
import { biasCells, type BiasCell } from '../../queries/feedback-checks/bias';
import { mantelHaenszelDifference } from '../../stats/mantel-haenszel';
import { twoProportionZTest } from '../../stats/proportions';
import { gateConfigFor } from '../gate-settings';
import { combine, type Finding, type Verdict } from '../verdict';

export const BIAS = {
  /** A pooled difference of at least this many points (fraction) is a bias. */
  minDifference: 0.05,
  alpha: 0.05,
  /** Observations in each of the two compared quintiles. */
  minQuintile: 20,
} as const;

type Axis = 'latency' | 'length';

/**
 * One axis of the check. `first` is the quintile suspected of being favoured (latency: fastest, 1;
 * length: longest, 5), `last` the other extreme; strata are correct and incorrect responses.
 */
function analyse(axis: Axis, cells: BiasCell[], severity: Verdict, findings: Finding[]) {
  const quintile = (c: BiasCell) => (axis === 'latency' ? c.latencyQuintile : c.lengthQuintile);
  const [first, last] = axis === 'latency' ? [1, 5] : [5, 1];
  const tally = (q: number, correct: boolean) =>
    cells
      .filter((c) => quintile(c) === q && c.correct === correct)
      .reduce((t, c) => ({ n: t.n + c.n, positive: t.positive + c.positive }), { n: 0, positive: 0 });
  const series = [1, 2, 3, 4, 5].map((q) => {
    const correct = tally(q, true);
    const incorrect = tally(q, false);
    return {
      quintile: q,
      correct: { n: correct.n, positiveRate: correct.n > 0 ? correct.positive / correct.n : null },
      incorrect: { n: incorrect.n, positiveRate: incorrect.n > 0 ? incorrect.positive / incorrect.n : null },
    };
  });
  const strata = [true, false].map((correct) => {
    const a = tally(first, correct);
    const b = tally(last, correct);
    return { x1: a.positive, n1: a.n, x0: b.positive, n0: b.n };
  });
  const nFirst = strata.reduce((s, x) => s + x.n1, 0);
  const nLast = strata.reduce((s, x) => s + x.n0, 0);
  const names = axis === 'latency' ? ['fast', 'slow'] : ['long', 'short'];
  if (nFirst < BIAS.minQuintile || nLast < BIAS.minQuintile) {
    findings.push({
      rule: `${axis}_bias`,
      verdict: 'insufficient_data',
      detail: `${nFirst} ${names[0]} and ${nLast} ${names[1]} labelled outcomes; ${BIAS.minQuintile} each are needed`,
    });
    return { series, pooled: null, crossover: null };
  }
  const pooled = mantelHaenszelDifference(strata);
  const biased = pooled !== null && pooled.difference >= BIAS.minDifference && pooled.significant;
  findings.push({
    rule: `${axis}_bias`,
    verdict: pooled === null ? 'insufficient_data' : biased ? severity : 'ok',
    detail:
      pooled === null
        ? 'no stratum has both quintiles'
        : `${names[0]} vs ${names[1]} quintile, within correctness strata: ${(pooled.difference * 100).toFixed(1)} points (95% CI ${(pooled.ci[0] * 100).toFixed(1)} to ${(pooled.ci[1] * 100).toFixed(1)}); a bias is ≥ ${BIAS.minDifference * 100} points and significant`,
  });
  // The favoured-but-incorrect responses rated better than the disfavoured-but-correct ones.
  const wrong = strata[1]!;
  const right = strata[0]!;
  const cross = twoProportionZTest(wrong.x1, wrong.n1, right.x0, right.n0);
  if (cross && wrong.n1 >= BIAS.minQuintile && right.n0 >= BIAS.minQuintile) {
    const beats = cross.difference > 0 && cross.p < BIAS.alpha;
    findings.push({
      rule: `${axis}_crossover`,
      verdict: beats ? severity : 'ok',
      detail: `${names[0]}-but-incorrect positive rate ${(wrong.x1 / wrong.n1).toFixed(3)} vs ${names[1]}-but-correct ${(right.x0 / right.n0).toFixed(3)} (p = ${cross.p.toPrecision(2)})`,
    });
  }
  return { series, pooled, crossover: cross };
}

/**
 * Latency bias (docs/design.md §7): positive-outcome rate by latency quintile for correct and incorrect
 * responses; alarm on a pooled Mantel–Haenszel difference fast vs slow ≥ 5 points and significant, or
 * when fast-but-incorrect beats slow-but-correct. Length bias by the same machinery (long vs short),
 * reported as warn: the design (docs/design.md) asks for it to be reported, and it has no alarm of its own.
 */
export async function latencyBiasCheck(
  client: ClickHouseClient,
  scope: { projectId: string; workload: string; from: string; to: string; asOf: string },
) {
  const config = await gateConfigFor(client, scope.projectId, scope.workload);
  const { cells, latencyBounds, lengthBounds } = await biasCells(client, {
    ...scope,
    signalWindowHours: config.signalWindowHours,
  });
  const findings: Finding[] = [];
  const latency = analyse('latency', cells, 'alarm', findings);
  const length = analyse('length', cells, 'warn', findings);
  const n = cells.reduce((s, c) => s + c.n, 0);
  const summary = (a: ReturnType<typeof analyse>) => ({
    difference: a.pooled?.difference ?? null,
    ci: a.pooled?.ci ?? null,
    p: a.pooled?.p ?? null,
    crossoverDifference: a.crossover?.difference ?? null,
    crossoverP: a.crossover?.p ?? null,
  });
  return {
    statistics: {
      latency: { ...summary(latency), quintileBoundsMs: latencyBounds },
      length: { ...summary(length), quintileBoundsWords: lengthBounds },
    },
    sampleSizes: {
      labelledOutcomes: n,
      correct: cells.filter((c) => c.correct).reduce((s, c) => s + c.n, 0),
      incorrect: cells.filter((c) => !c.correct).reduce((s, c) => s + c.n, 0),
    },
    verdict: combine(findings.map((f) => f.verdict)),
    findings,
    series: { latency: latency.series, length: length.series },
  };
}
