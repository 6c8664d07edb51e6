import type { ClickHouseClient } from '@flywheel/storage';

export interface Lease {
  requestId: string;
  workload: string;
  /** The first reason the item was chosen. */
  reason: string;
}

/**
 * Leases items to a reviewer from `leasedAt` until `expiresAt` (DateTime64 text). A renewed lease
 * replaces the reviewer's earlier one on the same item.
 */
export async function insertLeases(
  client: ClickHouseClient,
  p: { projectId: string; reviewer: string; leasedAt: string; expiresAt: string; items: Lease[] },
): Promise<void> {
  if (p.items.length === 0) return;
  await client.insert({
    table: 'review_leases',
    values: p.items.map((item) => ({
      project_id: p.projectId,
      request_id: item.requestId,
      reviewer: p.reviewer,
      workload_id: item.workload,
      reason: item.reason,
      leased_at: p.leasedAt,
      expires_at: p.expiresAt,
    })),
    format: 'JSONEachRow',
  });
}
