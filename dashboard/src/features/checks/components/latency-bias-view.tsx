import type { LatencyBiasCheck, QuintileRow } from '@flywheel/api';
import { CategoryBarChart } from '../../../shared/components/charts/category-bar-chart';
import { Panel } from '../../../shared/components/panel';
import { Stat } from '../../../shared/components/stat';
import { COLORS } from '../../../shared/lib/colors';
import { formatDuration, formatPercent, formatPoints } from '../../../shared/lib/format';
import { FindingsList } from './findings-list';

/** Quintile labels with their bounds: "Q1 ≤ 820 ms", "Q3 1.2–1.9 s", "Q5 > 3.1 s". */
export function quintileLabel(q: number, bounds: number[], unit: (v: number) => string): string {
  const lo = bounds[q - 2];
  const hi = bounds[q - 1];
  if (bounds.length < 4) return `Q${q}`;
  if (q === 1) return `Q1 ≤ ${unit(hi!)}`;
  if (q === 5) return `Q5 > ${unit(lo!)}`;
  return `Q${q} ${unit(lo!)}–${unit(hi!)}`;
}

function quintileData(rows: QuintileRow[], bounds: number[], unit: (v: number) => string) {
  return rows.map((r) => ({
    label: quintileLabel(r.quintile, bounds, unit),
    correct: r.correct.positiveRate,
    incorrect: r.incorrect.positiveRate,
  }));
}

const SERIES = [
  { key: 'correct', label: 'Correct responses', color: COLORS.good },
  { key: 'incorrect', label: 'Incorrect responses', color: COLORS.bad },
];

export function LatencyBiasView({ result }: { result: LatencyBiasCheck }) {
  const { latency, length } = result.statistics;
  return (
    <>
      <Panel
        title="Positive rate by latency quintile"
        testId="latency-quintiles"
        help="Fastest responses on the left. Within correct and within incorrect responses, ratings should not depend on speed."
      >
        <div className="stat-row">
          <Stat
            label="Fast vs slow, same correctness"
            value={formatPoints(latency.difference)}
            note={
              latency.ci
                ? `95% CI ${formatPoints(latency.ci[0])} … ${formatPoints(latency.ci[1])}; bias ≥ +5 pts`
                : 'not enough labelled outcomes'
            }
          />
          <Stat
            label="Fast-but-wrong vs slow-but-right"
            value={formatPoints(latency.crossoverDifference)}
            note="above 0 and significant: speed beats correctness"
          />
        </div>
        <CategoryBarChart
          data={quintileData(result.series.latency, latency.quintileBoundsMs, (v) => formatDuration(v))}
          series={SERIES}
          yFormat={(v) => formatPercent(v, 0)}
          yDomain={[0, 1]}
        />
      </Panel>
      <Panel
        title="Positive rate by response-length quintile"
        testId="length-quintiles"
        help="Length bias, by the same method: do users reward longer answers whatever their correctness?"
      >
        <div className="stat-row">
          <Stat label="Long vs short, same correctness" value={formatPoints(length.difference)} />
        </div>
        <CategoryBarChart
          data={quintileData(result.series.length, length.quintileBoundsWords, (v) => `${Math.round(v)} w`)}
          series={SERIES}
          yFormat={(v) => formatPercent(v, 0)}
          yDomain={[0, 1]}
        />
      </Panel>
      <FindingsList findings={result.findings} />
    </>
  );
}
