import { useScope } from '../../../app/scope-context';
import { Panel } from '../../../shared/components/panel';
import { ResourceView } from '../../../shared/components/resource-view';
import { Empty } from '../../../shared/components/states';
import { useApiQuery } from '../../../shared/hooks/use-api-query';
import { formatDateTime } from '../../../shared/lib/format';
import { useReviewSession } from '../hooks/use-review-session';
import { reviewRequests } from '../lib/requests';
import { AgreementPanel } from './agreement-panel';
import { ReviewItem } from './review-item';

/** The sub-metrics every review carries (the API requires them), when the workload has no others yet. */
const DEFAULT_METRICS = ['accuracy', 'helpfulness', 'safety'];

/**
 * The review queue, one item at a time: claim a batch (leased to this reviewer), score each item pass
 * or fail per sub-metric, optionally correct it, and move on. Below, how far reviewers agree and how
 * well the quality gate predicts them.
 */
export function ReviewPage() {
  const { workload } = useScope();
  const session = useReviewSession(workload);
  const agreement = useApiQuery(reviewRequests.agreement(workload));
  // The workload's sub-metrics: the defaults, then any other label its reviews use.
  const metrics = agreement.state === 'ready' ? agreement.data.metrics.map((m) => m.metric) : DEFAULT_METRICS;
  const item = session.items[session.index];
  const total = session.items.length;

  return (
    <div className="page">
      <Panel
        title="Review"
        help="Items chosen by the review queue: a sample of gate-passed interactions and the most informative ones (judge and user disagree, corrections, scores near the gate's threshold, rare strata)."
        wide
      >
        <form
          className="filterbar"
          onSubmit={(e) => {
            e.preventDefault();
            if (session.reviewer.trim()) void session.claim();
          }}
        >
          <label>
            Reviewer{' '}
            <input
              value={session.reviewer}
              onChange={(e) => session.setReviewer(e.target.value)}
              placeholder="your name"
              data-testid="reviewer"
              required
            />
          </label>
          <button type="submit" disabled={session.busy || !session.reviewer.trim()} data-testid="claim">
            {total > 0 && session.index < total ? 'Claim again' : 'Claim items'}
          </button>
          <span className="muted" data-testid="progress">
            {total > 0
              ? `Item ${Math.min(session.index + 1, total)} of ${total} · ${session.reviewed} reviewed · ${session.skipped} skipped`
              : `${session.reviewed} reviewed`}
            {session.expiresAt ? ` · held until ${formatDateTime(session.expiresAt)}` : ''}
          </span>
        </form>
        {session.error ? (
          <p className="state state-error" role="alert">
            {session.error}
          </p>
        ) : null}
      </Panel>
      {item ? (
        <ReviewItem
          item={item}
          metrics={metrics}
          busy={session.busy}
          onSubmit={(labels, correction) => void session.submit(labels, correction)}
          onSkip={session.skip}
        />
      ) : total > 0 ? (
        <Empty>Batch done. Claim the next items to go on.</Empty>
      ) : (
        <Empty>Enter your name and claim items to start reviewing.</Empty>
      )}
      <ResourceView resource={agreement} what="reviewer agreement">
        {(data) => <AgreementPanel data={data} />}
      </ResourceView>
    </div>
  );
}
