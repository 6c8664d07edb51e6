import type { SurvivorshipCheck } from '@flywheel/api';
import { CategoryBarChart } from '../../../shared/components/charts/category-bar-chart';
import { Panel } from '../../../shared/components/panel';
import { Stat } from '../../../shared/components/stat';
import { COLORS } from '../../../shared/lib/colors';
import { formatCount, formatPercent, formatPoints } from '../../../shared/lib/format';
import { FindingsList } from './findings-list';

const SEGMENT: Record<string, string> = {
  top_10: 'most active 10%',
  next_40: 'next 40%',
  bottom_50: 'least active 50%',
};

export function SurvivorshipView({ result }: { result: SurvivorshipCheck }) {
  const stats = result.statistics;
  const data = result.series.map((s) => ({
    label: `${SEGMENT[s.segment] ?? s.segment} (${formatCount(s.users)} users)`,
    explicitShare: s.explicitShare,
    explicit: s.explicitSuccessRate,
    implicit: s.implicitSuccessRate,
  }));
  return (
    <>
      <Panel
        title="Who gives explicit feedback"
        testId="survivorship-share"
        help="Share of all thumbs given by each activity segment. The check warns only when both hold: more than 50% from the top 10%, and explicit and implicit success more than 10 points apart."
      >
        <div className="stat-row">
          <Stat
            label="From the most active 10%"
            value={formatPercent(stats.topDecileExplicitShare)}
            note="condition 1: above 50%"
          />
          <Stat
            label="Explicit vs implicit success"
            value={formatPoints(stats.disagreement)}
            note="condition 2: beyond ±10 pts"
          />
        </div>
        <CategoryBarChart
          data={data}
          series={[{ key: 'explicitShare', label: 'Share of explicit feedback', color: COLORS.secondary }]}
          yFormat={(v) => formatPercent(v, 0)}
          yDomain={[0, 1]}
          thresholds={[{ y: 0.5, label: 'condition 1: 50%', color: COLORS.warn }]}
        />
      </Panel>
      <Panel
        title="Explicit vs implicit success rate per segment"
        testId="survivorship-rates"
        help="If thumbs say something different from what users do, the thumbs speak for a few."
      >
        <CategoryBarChart
          data={data}
          series={[
            { key: 'explicit', label: 'Explicit (thumbs)', color: COLORS.primary },
            { key: 'implicit', label: 'Implicit (accepted, copied, …)', color: COLORS.good },
          ]}
          yFormat={(v) => formatPercent(v, 0)}
          yDomain={[0, 1]}
        />
      </Panel>
      <FindingsList findings={result.findings} />
    </>
  );
}
