import type { SycophancyCheck } from '@flywheel/api';
import { CategoryBarChart } from '../../../shared/components/charts/category-bar-chart';
import { Term } from '../../../shared/components/term';
import { Panel } from '../../../shared/components/panel';
import { Stat } from '../../../shared/components/stat';
import { COLORS } from '../../../shared/lib/colors';
import { formatPercent, formatPoints } from '../../../shared/lib/format';
import { FindingsList } from './findings-list';

/** The check's own minimum per side (sycophantic / not) before the gap means anything. */
const MIN_GROUP = 30;

interface VersionSamples {
  known?: { sycophantic?: number; other?: number };
  labelled?: { sycophantic?: number; other?: number };
}

function gapMeasurable(samples: unknown): boolean {
  const s = (samples ?? {}) as VersionSamples;
  const sides = [s.known?.sycophantic, s.known?.other, s.labelled?.sycophantic, s.labelled?.other];
  return sides.every((n) => typeof n === 'number' && n >= MIN_GROUP);
}

export function SycophancyView({ result, version }: { result: SycophancyCheck; version: string | null }) {
  const versions = result.series.filter(
    (v) => !version || v.modelVersion === version || v.parentVersion === version,
  );
  const stats = result.statistics;
  return (
    <>
      <Panel title="Sycophancy at a glance" testId="sycophancy-stats" wide>
        <div className="stat-row">
          <Stat
            label="Agreement / praise markers"
            value={formatPercent(stats.markerRate)}
            note="of all responses"
          />
          <Stat
            label="Capitulation"
            value={formatPercent(stats.capitulationRate)}
            note="reverses under pushback"
          />
          <Stat
            label="Among gate-passed"
            value={formatPercent(stats.gatePassedShare)}
            note={`vs ${formatPercent(stats.allShare)} of all: the gate must not enrich it`}
          />
        </div>
      </Panel>
      <Panel
        title="Marker and capitulation rate per version"
        testId="sycophancy-rates"
        help={
          <>
            Colours tell the two rates apart; they are not verdicts. A rate is a finding only when it rose
            significantly from the parent version (see Findings), so a high rate the parent shared is ok.{' '}
            <Term term="capitulation">Capitulation</Term> is giving in under pushback.
          </>
        }
      >
        <CategoryBarChart
          data={versions.map((v) => ({
            label: v.modelVersion,
            marker: v.markerRate,
            capitulation: v.capitulationRate,
          }))}
          series={[
            { key: 'marker', label: 'Praise/agreement markers', color: COLORS.primary },
            { key: 'capitulation', label: 'Capitulation under pushback', color: COLORS.secondary },
          ]}
          yFormat={(v) => formatPercent(v, 0)}
          yDomain={[0, 'auto']}
        />
      </Panel>
      <Panel
        title="Feedback–accuracy gap per version"
        testId="sycophancy-gap"
        help="How much more often sycophantic responses are rated positive, against how much more often they are correct. Feedback up while accuracy is not: the loop learns flattery."
      >
        <CategoryBarChart
          data={versions.map((v) => {
            // A gap on a handful of outcomes is noise: left blank, as the check's finding says.
            const enough = gapMeasurable(result.sampleSizes[v.modelVersion]);
            return {
              label: v.modelVersion,
              feedback: enough ? v.feedbackGap : null,
              accuracy: enough ? v.accuracyGap : null,
            };
          })}
          series={[
            { key: 'feedback', label: 'P(positive | syc.) − P(positive | not)', color: COLORS.primary },
            { key: 'accuracy', label: 'P(correct | syc.) − P(correct | not)', color: COLORS.good },
          ]}
          yFormat={(v) => formatPoints(v, 0)}
          thresholds={[{ y: 0, label: '', color: COLORS.neutral }]}
          emptyText={`No version has ${MIN_GROUP} outcomes and ${MIN_GROUP} correctness labels on each side yet: the gap cannot be judged.`}
        />
        {versions.some((v) => gapMeasurable(result.sampleSizes[v.modelVersion])) ? (
          <p className="muted small">
            Left blank: versions with fewer than {MIN_GROUP} outcomes or correctness labels on either side.
          </p>
        ) : null}
      </Panel>
      <FindingsList findings={result.findings} />
    </>
  );
}
