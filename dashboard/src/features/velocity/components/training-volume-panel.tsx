import type { CycleList } from '@flywheel/api';
import { CategoryBarChart } from '../../../shared/components/charts/category-bar-chart';
import { Panel } from '../../../shared/components/panel';
import { ResourceView } from '../../../shared/components/resource-view';
import type { Resource } from '../../../shared/lib/resource';
import { COLORS } from '../../../shared/lib/colors';
import { formatCount } from '../../../shared/lib/format';

/** Examples in each cycle's dataset snapshot, by where they came from (docs/design.md §6). */
export function TrainingVolumePanel({ cycles }: { cycles: Resource<CycleList> }) {
  return (
    <Panel
      title="Training volume per cycle"
      testId="training-volume"
      help="Examples in each cycle's frozen dataset, by source: reviewed gold, gate-passed, user corrections."
    >
      <ResourceView resource={cycles} what="cycles">
        {(list) => (
          <CategoryBarChart
            data={list.items
              .filter((c) => c.snapshot !== null || c.trainingVolume.total > 0)
              .map((c) => ({
                label: c.modelVersion,
                gold: c.trainingVolume.gold,
                gatePassed: c.trainingVolume.gatePassed,
                correction: c.trainingVolume.correction,
              }))}
            series={[
              { key: 'gold', label: 'gold (reviewed)', color: COLORS.good, stackId: 'v' },
              { key: 'gatePassed', label: 'gate-passed', color: COLORS.primary, stackId: 'v' },
              { key: 'correction', label: 'corrections', color: COLORS.warn, stackId: 'v' },
            ]}
            yFormat={(v) => formatCount(v)}
            emptyText="No cycle has a dataset snapshot yet. Register cycles and cut snapshots to see training volume."
          />
        )}
      </ResourceView>
    </Panel>
  );
}
