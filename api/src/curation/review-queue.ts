import type { ClickHouseClient } from '@flywheel/storage';
import { gateConfigFor } from '../analytics/gate-settings';
import { addHours, eventTimeToIso } from '../analytics/time';
import { reviewQueue, type QueueItem, type QueueParams } from '../queries/review-candidates';
import { insertLeases } from '../queries/review-leases';
import { REVIEW_SAMPLE_PERCENT } from '../queries/review-queue';

/**
 * Defaults of the queue (docs/design.md §9): 5% sampled, one item in ten to two reviewers; a response is
 * uncertain below a mean token logprob of −1 (a mean token probability of about 0.37).
 */
export const QUEUE_DEFAULTS = {
  samplePercent: REVIEW_SAMPLE_PERCENT,
  overlapShare: 0.1,
  nearMargin: 0.05,
  rareShare: 0.05,
  uncertainLogprob: -1,
  leaseMinutes: 30,
  windowDays: 28,
};

export type QueueOptions = Omit<QueueParams, 'config' | 'reviewer'>;

/** The queue as the API shows it: ISO times. */
function view(item: QueueItem) {
  return { ...item, time: eventTimeToIso(item.time) };
}

/** What to review next, for anyone: items with a reviewer slot neither reviewed nor leased. */
export async function openQueue(client: ClickHouseClient, o: QueueOptions) {
  const config = await gateConfigFor(client, o.projectId, o.workload);
  return (await reviewQueue(client, { ...o, config, reviewer: '' })).map(view);
}

/**
 * Claims serialised per process: between reading the queue and writing the leases no other claim may
 * take the same slot. One server writes a project's leases (docs/decisions.md), so this is enough.
 */
let claims: Promise<unknown> = Promise.resolve();

/**
 * Leases the reviewer's next items until `leaseMinutes` from now: their own unexpired leases first
 * (renewed), then the highest priority items with a free slot that they have not reviewed.
 */
export async function claimItems(
  client: ClickHouseClient,
  o: QueueOptions & { reviewer: string; leaseMinutes: number },
) {
  const run = claims.then(async () => {
    const config = await gateConfigFor(client, o.projectId, o.workload);
    const items = await reviewQueue(client, { ...o, config });
    const expiresAt = addHours(o.now, o.leaseMinutes / 60);
    await insertLeases(client, {
      projectId: o.projectId,
      reviewer: o.reviewer,
      leasedAt: o.now,
      expiresAt,
      items: items.map((i) => ({ requestId: i.requestId, workload: i.workload, reason: i.reasons[0]! })),
    });
    return { expiresAt: eventTimeToIso(expiresAt), items: items.map(view) };
  });
  claims = run.catch(() => undefined);
  return run;
}
