import type { ClickHouseClient } from '@flywheel/storage';
import type { GateConfig } from '../queries/gate';
import { signalsAroundSql } from '../queries/outcome';
import { gatePlanParams, gateRawSql, planGateRead } from './gate-plan';
import { gatedRowsSql } from './gate-rows';

/**
 * Every interaction of [from, to) with the gate's verdict as of asOf, one row each — what
 * `GATED_INTERACTIONS_SQL` gives for the window — computed from the window's raw rows with sealed
 * history's firsts standing in for the near-duplicate rule's scan, so the cost follows the window, not
 * the project's history. For per-row questions the sealed counts cannot answer (review sampling, known
 * outcomes). Columns: those of `gatedRowsSql`. Params: the returned `params` plus projectId, workload,
 * from, to, asOf and the thresholds (`gateQueryParams`).
 */
export async function gatedWindow(
  client: ClickHouseClient,
  w: { projectId: string; workload: string; from: string; to: string; asOf: string; config: GateConfig },
): Promise<{ sql: string; params: Record<string, unknown> }> {
  // Planned as an empty interval at `to`: nothing of the window is read from `daily_gate`.
  const plan = await planGateRead(client, { ...w, from: w.to });
  const from = "{from:DateTime64(6, 'UTC')}";
  const to = "{to:DateTime64(6, 'UTC')}";
  const raw = gateRawSql(plan, `i.time >= ${from} AND i.time < ${to}`, signalsAroundSql({ from, to }));
  return { sql: gatedRowsSql({ ...raw, wanted: `time >= ${from}` }), params: gatePlanParams(plan) };
}
