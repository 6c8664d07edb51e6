import type { DriftCheck } from '@flywheel/api';
import { CategoryBarChart } from '../../../shared/components/charts/category-bar-chart';
import { TimeSeriesChart } from '../../../shared/components/charts/time-series-chart';
import { Term } from '../../../shared/components/term';
import { Panel } from '../../../shared/components/panel';
import { Stat } from '../../../shared/components/stat';
import { percentTicks, toChartData } from '../../../shared/lib/chart-data';
import { COLORS } from '../../../shared/lib/colors';
import { formatCount, formatDate, formatNumber, formatPercent, humanize } from '../../../shared/lib/format';
import { FindingsList } from './findings-list';

/** The drift check's own minimum (docs/design.md §7 asks for insufficient_data below a minimum n). */
const MIN_KAPPA_PAIRS = 30;

const DIMENSION_LABEL: Record<string, string> = {
  signal_kind: 'signal kinds',
  workload: 'workloads',
  language: 'languages',
  prompt_length: 'prompt length',
  quality_score: 'quality score',
};

export function DriftView({ result }: { result: DriftCheck }) {
  const { statistics: stats, series } = result;
  const psiData = series.psi.map((d) => ({ label: DIMENSION_LABEL[d.dimension] ?? d.dimension, psi: d.psi }));
  const missing = series.psi
    .filter((d) => d.psi === null)
    .map((d) => DIMENSION_LABEL[d.dimension] ?? d.dimension);
  const pairs = (result.sampleSizes.kappaPairs ?? {}) as { current?: number; baseline?: number };
  // A kappa on a handful of pairs is noise: below the check's minimum it is shown as missing, not as 0.
  const kappaOf = (k: number | null, n: number | undefined) =>
    n !== undefined && n < MIN_KAPPA_PAIRS ? null : k;
  const worst = [...series.psi].filter((d) => d.psi !== null).sort((a, b) => b.psi! - a.psi!)[0];
  const bins = (worst?.bins ?? []).map((b) => ({
    label: humanize(b.bin),
    baseline: b.baseline,
    current: b.current,
  }));
  return (
    <>
      <Panel
        title="Population stability (PSI) per dimension"
        testId="drift-psi"
        help={
          <>
            <Term term="psi">PSI</Term> of the last 7 days against the 28 before (
            {formatDate(stats.windows.baseline.from)} – {formatDate(stats.windows.current.to)}). Warn at 0.1,
            alarm at 0.2.
          </>
        }
      >
        <CategoryBarChart
          data={psiData}
          series={[{ key: 'psi', label: 'PSI', color: COLORS.primary }]}
          yFormat={(v) => formatNumber(v, 2)}
          thresholds={[
            { y: 0.1, label: 'warn 0.1', color: COLORS.warn },
            { y: 0.2, label: 'alarm 0.2', color: COLORS.bad },
          ]}
          yDomain={[0, 'auto']}
        />
        {missing.length > 0 ? (
          <p className="muted">
            Not enough data to compare: {missing.join(', ')} (100 observations per window are needed).
          </p>
        ) : null}
      </Panel>
      {worst ? (
        <Panel
          title={`What moved most: ${DIMENSION_LABEL[worst.dimension] ?? worst.dimension}`}
          testId="drift-bins"
          help="Share of each bin in the baseline and in the last 7 days."
        >
          <CategoryBarChart
            data={worst.bins.map((b) => ({
              label: humanize(b.bin),
              baseline: b.baseline,
              current: b.current,
            }))}
            series={[
              { key: 'baseline', label: 'Baseline (28 days)', color: COLORS.neutral },
              { key: 'current', label: 'Last 7 days', color: COLORS.primary },
            ]}
            yFormat={(v) => formatPercent(v, 0)}
            yTicks={percentTicks(bins, ['baseline', 'current'])}
          />
        </Panel>
      ) : null}
      <Panel
        title="Judge–human agreement"
        testId="drift-kappa"
        help={
          <>
            Cohen&apos;s <Term term="kappa">kappa</Term> per week between the automated judge and human
            reviewers on the same interactions. Alarm when its whole 95% interval is below 0.4, or it fell
            more than 0.15 with the fall outside its interval; inside the interval it is a warning.
          </>
        }
      >
        <div className="stat-row">
          <Stat
            label="Kappa, last 7 days"
            value={formatNumber(kappaOf(stats.kappa.current, pairs.current))}
            note={`${formatCount(pairs.current ?? 0)} judge–human pairs`}
          />
          <Stat
            label="Kappa, baseline"
            value={formatNumber(kappaOf(stats.kappa.baseline, pairs.baseline))}
            note={`${formatCount(pairs.baseline ?? 0)} pairs`}
          />
        </div>
        <TimeSeriesChart
          data={toChartData(series.kappa, {
            time: (w) => `${w.week}T00:00:00Z`,
            values: (w) => ({ kappa: kappaOf(w.kappa, w.n) }),
            series: ['kappa'],
          })}
          series={[{ key: 'kappa', label: 'Kappa', color: COLORS.secondary }]}
          yFormat={(v) => formatNumber(v, 2)}
          yDomain={[0, 1]}
          thresholds={[{ y: 0.4, label: 'floor 0.4' }]}
          emptyText="No week has enough judge verdicts and human reviews of the same interactions (30 pairs)."
        />
        <p className="muted small">
          Weeks with fewer than {MIN_KAPPA_PAIRS} judge–human pairs are left as gaps.
        </p>
      </Panel>
      <Panel
        title="Golden sets"
        testId="drift-staleness"
        help="An offline eval older than 180 days warns: the golden set may no longer look like traffic."
      >
        {stats.staleness.length === 0 ? (
          <p className="muted">No offline eval recorded yet.</p>
        ) : (
          <table className="table table-compact">
            <tbody>
              {stats.staleness.map((s) => (
                <tr key={s.goldenSet}>
                  <th scope="row">{s.goldenSet}</th>
                  <td>last eval {formatDate(s.latestEval)}</td>
                  <td className="num">{formatNumber(s.ageDays, 0)} days old</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
      <FindingsList findings={result.findings} />
    </>
  );
}
