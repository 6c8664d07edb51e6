import type { ReviewQueueItem } from '@flywheel/api';
import { endpoints } from '../../../api/endpoints';
import { Badge } from '../../../shared/components/badge';
import { Panel } from '../../../shared/components/panel';
import { ResourceView } from '../../../shared/components/resource-view';
import { Empty } from '../../../shared/components/states';
import { useApiQuery } from '../../../shared/hooks/use-api-query';
import { formatDateTime, humanize } from '../../../shared/lib/format';
import { ChecksTable } from '../../explorer/components/checks-table';
import { SignalTimeline } from '../../explorer/components/signal-timeline';
import { TextBlock } from '../../explorer/components/text-block';
import { ScoreForm } from './score-form';

/** Reasons whose name alone says little to a reviewer; the others read well humanized. */
const REASON_LABELS: Partial<Record<ReviewQueueItem['reasons'][number], string>> = {
  version_changed: 'changed between versions',
  uncertain_output: 'model unsure (low token probability)',
};

/** One claimed item: why it was chosen, the exchange, what the user did, the content checks; and the scores. */
export function ReviewItem({
  item,
  metrics,
  busy,
  onSubmit,
  onSkip,
}: {
  item: ReviewQueueItem;
  metrics: string[];
  busy: boolean;
  onSubmit(labels: Record<string, boolean>, correction: string): void;
  onSkip(): void;
}) {
  const interaction = useApiQuery(endpoints.interaction(item.requestId));
  return (
    <div className="detail" data-testid="review-item">
      <div className="detail-head">
        <h1 className="mono">{item.requestId}</h1>
        {item.reasons.map((r) => (
          <Badge key={r} tone={r === 'sample' ? 'neutral' : 'info'}>
            {REASON_LABELS[r] ?? humanize(r)}
          </Badge>
        ))}
        <span className="muted">
          {item.workload} · {formatDateTime(item.time)} · priority {item.priority}
        </span>
      </div>
      <ResourceView resource={interaction} what="the interaction">
        {(detail) =>
          detail ? (
            <div className="detail-grid">
              <div className="detail-main">
                <TextBlock label="Prompt" text={detail.prompt} />
                <TextBlock label="Response" text={detail.response} />
                {/* Keyed by item: a new item starts with fresh scores and no correction. */}
                <ScoreForm
                  key={item.requestId}
                  metrics={metrics}
                  busy={busy}
                  onSubmit={onSubmit}
                  onSkip={onSkip}
                />
              </div>
              <div className="detail-side">
                <Panel title="Signals" help="What the user did with the response, in time order.">
                  <SignalTimeline item={detail} />
                </Panel>
                <Panel title="Content checks">
                  {Object.keys(detail.checks.passed).length > 0 ? (
                    <ChecksTable checks={detail.checks} language={detail.language} />
                  ) : (
                    <p className="muted">No content checks were recorded at ingest.</p>
                  )}
                </Panel>
              </div>
            </div>
          ) : (
            <Empty>The interaction {item.requestId} is not stored (yet); skip it with n.</Empty>
          )
        }
      </ResourceView>
    </div>
  );
}
