import type { ClickHouseClient } from '@flywheel/storage';
import { gateVerdicts, type GateVerdict } from '../queries/gate';
import { gateConfigHistory } from '../queries/gate-config';
import type { Outcome } from '../queries/outcome';
import { listInteractions, signalsForRequests, type InteractionListRow } from '../queries/interactions';
import { effectiveGateConfig } from './gate-settings';

export interface InteractionSearch {
  projectId: string;
  limit: number;
  workload?: string | undefined;
  modelVersion?: string | undefined;
  outcome?: Outcome | undefined;
  gate?: 'passed' | 'rejected' | 'pending' | undefined;
  /** Case-insensitive text in the prompt or the response. */
  text?: string | undefined;
  requestId?: string | undefined;
  /** DateTime64 text: the event-time window [from, to) and the evaluation time. */
  from: string;
  to: string;
  asOf: string;
}

/**
 * Interactions newest first, each with its signals in time order, its outcome, content checks and the
 * gate's verdict with reasons, as of `asOf`.
 */
export async function findInteractions(client: ClickHouseClient, s: InteractionSearch) {
  const workload = s.workload ?? '';
  const history = await gateConfigHistory(client, s.projectId, workload);
  const rows = await listInteractions(client, {
    projectId: s.projectId,
    limit: s.limit,
    ...(s.workload ? { workload: s.workload } : {}),
    ...(s.modelVersion ? { modelVersion: s.modelVersion } : {}),
    ...(s.outcome ? { outcome: s.outcome } : {}),
    ...(s.gate ? { gate: s.gate } : {}),
    ...(s.text ? { text: s.text } : {}),
    ...(s.requestId ? { requestId: s.requestId } : {}),
    gateConfig: effectiveGateConfig(history, workload, {}),
    asOf: s.asOf,
    from: s.from,
    to: s.to,
  });
  const ids = [...new Set(rows.map((r) => r.requestId))];
  const [signals, verdicts] = await Promise.all([
    signalsForRequests(client, s.projectId, ids),
    verdictsByWorkload(client, s.projectId, rows, s.to, s.asOf),
  ]);
  const byRequest = new Map(signals.map((x) => [x.requestId, x]));
  return rows.map((row) => {
    const signal = byRequest.get(row.requestId);
    const v = verdicts.get(row.requestId);
    return {
      ...row,
      signals: signal?.kinds ?? [],
      signalDetails: signal?.details ?? [],
      gate: v
        ? {
            state: v.evaluated
              ? v.passed
                ? ('passed' as const)
                : ('rejected' as const)
              : ('pending' as const),
            reasons: v.reasons,
          }
        : null,
    };
  });
}

/**
 * Each workload may have its own gate configuration, so verdicts are computed per workload. Every row
 * is before `to`, and a verdict depends only on the row's own signals and earlier near-duplicates, so
 * the gate need not read past `to`.
 */
async function verdictsByWorkload(
  client: ClickHouseClient,
  projectId: string,
  rows: InteractionListRow[],
  to: string,
  asOf: string,
) {
  const byWorkload = new Map<string, string[]>();
  for (const r of rows) byWorkload.set(r.workloadId, [...(byWorkload.get(r.workloadId) ?? []), r.requestId]);
  const out = new Map<string, GateVerdict>();
  for (const [workload, requestIds] of byWorkload) {
    const config = effectiveGateConfig(await gateConfigHistory(client, projectId, workload), workload, {});
    for (const v of await gateVerdicts(client, { projectId, requestIds, to, asOf, config }))
      out.set(v.requestId, v);
  }
  return out;
}
