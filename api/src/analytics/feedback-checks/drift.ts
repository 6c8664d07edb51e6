import type { ClickHouseClient } from '@flywheel/storage';
import {
  driftBins,
  goldenSetAges,
  judgeHumanCells,
  type DriftDimension,
  type KappaCells,
} from '../../queries/feedback-checks/drift';
import { binaryKappa, binaryKappaStandardError } from '../../stats/kappa';
import { Z_95 } from '../../stats/normal';
import { alignCategories, populationStabilityIndex } from '../../stats/psi';
import { gateConfigFor } from '../gate-settings';
import { addDays, daysBetween, eventTimeToIso } from '../time';
import { combine, type Finding, type Verdict } from '../verdict';

/** docs/design.md §7 thresholds, and the minimum samples below which a part says insufficient_data. */
export const DRIFT = {
  currentDays: 7,
  baselineDays: 28,
  psiWarn: 0.1,
  psiAlarm: 0.2,
  /** Observations on each side of a PSI comparison. */
  minPsiN: 100,
  kappaFloor: 0.4,
  kappaMaxDrop: 0.15,
  /** Judge–human pairs in a window for its kappa to count. */
  minKappaPairs: 30,
  staleDays: 180,
} as const;

/** The mixes compared, in the order they are reported. */
export const DRIFT_DIMENSIONS = [
  'signal_kind',
  'workload',
  'language',
  'prompt_length',
  'quality_score',
] as const satisfies readonly DriftDimension[];
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export interface DriftParams {
  projectId: string;
  workload: string;
  asOf: string;
  /** Start of the plotted kappa series. */
  from: string;
}

export async function driftCheck(client: ClickHouseClient, p: DriftParams) {
  const curStart = addDays(p.asOf, -DRIFT.currentDays);
  const baseStart = addDays(curStart, -DRIFT.baselineDays);
  const windows = { projectId: p.projectId, workload: p.workload, baseStart, curStart, asOf: p.asOf };
  // The signal window only picks which seals of the read model are current; bins have no outcomes.
  const { signalWindowHours } = await gateConfigFor(client, p.projectId, p.workload);
  const [bins, cells, sets] = await Promise.all([
    driftBins(client, { ...windows, signalWindowHours }),
    judgeHumanCells(client, { ...windows, seriesFrom: p.from < baseStart ? p.from : baseStart }),
    goldenSetAges(client, p),
  ]);

  const findings: Finding[] = [];
  const psi: Partial<Record<DriftDimension, number | null>> = {};
  const sampleSizes: Record<string, unknown> = {};
  const psiSeries = DRIFT_DIMENSIONS.map((dimension) => {
    const mine = bins.filter((b) => b.dimension === dimension);
    const aligned = alignCategories(
      Object.fromEntries(mine.map((b) => [b.bin, b.baseline])),
      Object.fromEntries(mine.map((b) => [b.bin, b.current])),
    );
    const n = { baseline: sum(aligned.expected), current: sum(aligned.actual) };
    sampleSizes[dimension] = n;
    const enough = n.baseline >= DRIFT.minPsiN && n.current >= DRIFT.minPsiN;
    const value = enough ? populationStabilityIndex(aligned.expected, aligned.actual) : null;
    psi[dimension] = value;
    const verdict: Verdict =
      value === null
        ? 'insufficient_data'
        : value >= DRIFT.psiAlarm
          ? 'alarm'
          : value >= DRIFT.psiWarn
            ? 'warn'
            : 'ok';
    findings.push({
      rule: `psi_${dimension}`,
      verdict,
      detail:
        value === null
          ? `${n.baseline} baseline and ${n.current} current observations; ${DRIFT.minPsiN} each are needed`
          : `PSI ${value.toFixed(3)} (warn ≥ ${DRIFT.psiWarn}, alarm ≥ ${DRIFT.psiAlarm})`,
    });
    const shares = (xs: number[]) => xs.map((x) => (sum(xs) > 0 ? x / sum(xs) : null));
    const [eShares, aShares] = [shares(aligned.expected), shares(aligned.actual)];
    return {
      dimension,
      psi: value,
      bins: aligned.bins.map((bin, i) => ({ bin, baseline: eShares[i]!, current: aShares[i]! })),
    };
  });

  const kappa = kappaPart(cells, findings);
  sampleSizes.kappaPairs = { current: kappa.current.n, baseline: kappa.baseline.n };

  const staleness = sets.map((s) => ({
    goldenSet: s.goldenSet,
    latestEval: eventTimeToIso(s.latest),
    ageDays: daysBetween(s.latest, p.asOf),
  }));
  sampleSizes.goldenSets = staleness.length;
  findings.push(
    staleness.length === 0
      ? { rule: 'golden_set_staleness', verdict: 'insufficient_data', detail: 'no offline eval recorded' }
      : {
          rule: 'golden_set_staleness',
          verdict: staleness.some((s) => s.ageDays > DRIFT.staleDays) ? 'warn' : 'ok',
          detail: staleness
            .map((s) => `${s.goldenSet}: last eval ${s.ageDays.toFixed(0)} days before asOf`)
            .join('; '),
        },
  );

  return {
    statistics: {
      psi,
      kappa: { current: kappa.current.kappa, baseline: kappa.baseline.kappa },
      staleness,
      windows: {
        current: { from: eventTimeToIso(curStart), to: eventTimeToIso(p.asOf) },
        baseline: { from: eventTimeToIso(baseStart), to: eventTimeToIso(curStart) },
      },
    },
    sampleSizes,
    verdict: combine(findings.map((f) => f.verdict)),
    findings,
    series: {
      psi: psiSeries,
      // Weeks that overlap [from, asOf].
      kappa: kappa.series.filter((w) => addDays(`${w.week} 00:00:00.000000`, 7) > p.from),
    },
  };
}

const fixed = (x: number) => x.toFixed(3);

/**
 * Judge–human kappa against the floor and against its baseline. Only a change outside its 95% interval
 * counts: kappa over a few dozen review pairs moves by ±0.2 on chance alone, and an alarm on that would
 * page on noise. A point estimate past a threshold but inside the interval is a warning (review more).
 */
function kappaPart(cells: KappaCells[], findings: Finding[]) {
  const pool = (rows: KappaCells[]) => {
    const c = { pp: 0, pf: 0, fp: 0, ff: 0 };
    for (const r of rows) {
      c.pp += r.pp;
      c.pf += r.pf;
      c.fp += r.fp;
      c.ff += r.ff;
    }
    const n = c.pp + c.pf + c.fp + c.ff;
    return { n, kappa: n > 0 ? binaryKappa(c) : null, se: n > 0 ? binaryKappaStandardError(c) : null };
  };
  const current = pool(cells.filter((c) => c.period === 'current'));
  const baseline = pool(cells.filter((c) => c.period === 'baseline'));
  const weeks = [...new Set(cells.map((c) => c.week))].sort();
  const series = weeks.map((week) => {
    const { n, kappa } = pool(cells.filter((c) => c.week === week));
    return { week, n, kappa };
  });
  if (current.n < DRIFT.minKappaPairs || current.kappa === null || current.se === null) {
    findings.push({
      rule: 'judge_human_kappa',
      verdict: 'insufficient_data',
      detail: `${current.n} judge–human pairs in the last ${DRIFT.currentDays} days; ${DRIFT.minKappaPairs} are needed`,
    });
    return { current, baseline, series };
  }
  const [lo, hi] = [current.kappa - Z_95 * current.se, current.kappa + Z_95 * current.se];
  const belowFloor = hi < DRIFT.kappaFloor;
  const underFloor = current.kappa < DRIFT.kappaFloor;
  const comparable = baseline.n >= DRIFT.minKappaPairs && baseline.kappa !== null && baseline.se !== null;
  const drop = comparable ? baseline.kappa! - current.kappa : null;
  const dropSe = comparable ? Math.hypot(baseline.se!, current.se) : null;
  const bigDrop = drop !== null && drop > DRIFT.kappaMaxDrop;
  const fell = bigDrop && drop! - Z_95 * dropSe! > 0;
  const verdict: Verdict = belowFloor || fell ? 'alarm' : underFloor || bigDrop ? 'warn' : 'ok';
  const measured =
    `kappa ${fixed(current.kappa)} (95% CI ${fixed(lo)} to ${fixed(hi)}) over ${current.n} pairs` +
    (comparable
      ? ` against ${fixed(baseline.kappa!)} over ${baseline.n} in the baseline, a change of ${fixed(-drop!)} ± ${fixed(Z_95 * dropSe!)}`
      : ', no baseline to compare with');
  const rule = `alarm when the whole interval is below ${DRIFT.kappaFloor}, or kappa fell more than ${DRIFT.kappaMaxDrop} from the baseline and the fall is outside its 95% interval; a threshold crossed only inside the interval is a warning`;
  findings.push({ rule: 'judge_human_kappa', verdict, detail: `${measured}. Rule: ${rule}.` });
  return { current, baseline, series };
}
