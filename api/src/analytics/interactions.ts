import type { ClickHouseClient } from '@flywheel/storage';
import type { GateReason } from '../queries/gate';
import { gateVerdicts, planVerdicts, type GateVerdict } from '../queries/gate-verdicts';
import type { GatePlan } from '../read-model/gate-plan';
import { historyOf, ownWorkloads, projectGateConfigs, type StoredGateConfig } from '../queries/gate-config';
import type { Outcome } from '../queries/outcome';
import { interactionRows } from '../queries/interaction-rows';
import { signalsForRequests } from '../queries/interaction-signals';
import {
  countInteractions,
  interactionPage,
  outcomesOf,
  type InteractionFilter,
  type InteractionKey,
} from '../queries/interactions';
import { encodeCursor, type InteractionCursor } from './interaction-cursor';
import { effectiveGateConfig } from './gate-settings';

export interface InteractionSearch {
  projectId: string;
  workload?: string | undefined;
  modelVersion?: string | undefined;
  outcome?: Outcome | undefined;
  gate?: 'passed' | 'rejected' | 'pending' | undefined;
  /** Rejected for this reason (among others), as the gate report counts it. */
  gateReason?: GateReason | undefined;
  /** Case-insensitive text in the prompt or the response. */
  text?: string | undefined;
  requestId?: string | undefined;
  /** DateTime64 text: the event-time window [from, to) and the evaluation time. */
  from: string;
  to: string;
  asOf: string;
}

/** The list's filter with the gate configuration its outcomes and verdicts are judged by. */
export async function interactionFilter(
  client: ClickHouseClient,
  s: InteractionSearch,
): Promise<InteractionFilter> {
  return filterOf(s, await projectGateConfigs(client, s.projectId));
}

function filterOf(s: InteractionSearch, configs: readonly StoredGateConfig[]): InteractionFilter {
  const workload = s.workload ?? '';
  const history = historyOf(configs, workload);
  return {
    projectId: s.projectId,
    ...(s.workload ? { workload: s.workload } : {}),
    ...(s.modelVersion ? { modelVersion: s.modelVersion } : {}),
    ...(s.outcome ? { outcome: s.outcome } : {}),
    ...(s.gate ? { gate: s.gate } : {}),
    ...(s.gateReason ? { gateReason: s.gateReason } : {}),
    ...(s.text ? { text: s.text } : {}),
    ...(s.requestId ? { requestId: s.requestId } : {}),
    gateConfig: effectiveGateConfig(history, workload, {}),
    asOf: s.asOf,
    from: s.from,
    to: s.to,
  };
}

/**
 * One page of interactions, newest first, each with its signals in time order, its outcome, content
 * checks and the gate's verdict with reasons, as of `asOf`; the total the filters select; cursors to the
 * older and newer pages. Keys come from the narrow facts table, the wide columns for this page only.
 */
export async function findInteractions(
  client: ClickHouseClient,
  s: InteractionSearch,
  page: { limit: number; cursor: InteractionCursor | null; conversation?: boolean },
) {
  // Every workload's configuration at once: the page's verdicts need no further round trip for them.
  const configs = await projectGateConfigs(client, s.projectId);
  const filter = filterOf(s, configs);
  // The page's details need its keys, not the total: they are read while the total is counted.
  const [{ keys, more, items }, total] = await Promise.all([
    pageOf(client, s, filter, configs, page),
    countInteractions(client, filter),
  ]);
  const first = keys[0];
  const last = keys[keys.length - 1];
  // Reading older rows, `more` says whether older ones remain; reading newer ones, whether newer ones do.
  const older = page.cursor?.direction === 'newer' ? true : more;
  const newer = page.cursor === null ? false : page.cursor.direction === 'older' ? true : more;
  return {
    items,
    total,
    nextCursor: older && last ? encodeCursor({ direction: 'older', ...keyOf(last) }) : null,
    prevCursor: newer && first ? encodeCursor({ direction: 'newer', ...keyOf(first) }) : null,
  };
}

/** The first page's items alone, as `findInteractions` gives them, without counting the total. */
export async function firstItems(
  client: ClickHouseClient,
  s: InteractionSearch,
  page: { limit: number; conversation?: boolean },
) {
  const configs = await projectGateConfigs(client, s.projectId);
  return (await pageOf(client, s, filterOf(s, configs), configs, { ...page, cursor: null })).items;
}

async function pageOf(
  client: ClickHouseClient,
  s: InteractionSearch,
  filter: InteractionFilter,
  configs: readonly StoredGateConfig[],
  page: { limit: number; cursor: InteractionCursor | null; conversation?: boolean },
) {
  const plans = verdictPlans(client, s, configs);
  const found = await interactionPage(client, filter, page.limit, page.cursor);
  return {
    ...found,
    items: await detailed(client, s, filter, found.keys, { configs, plans }, page.conversation ?? false),
  };
}

/**
 * The gate plans of every scope the page's verdicts can be read in ('' and each workload with its own
 * configuration; one when the search names a workload), asked for while the page's keys are sought: a
 * plan does not depend on the requests. One a page does not use is read for nothing (a small query).
 */
function verdictPlans(
  client: ClickHouseClient,
  s: InteractionSearch,
  configs: readonly StoredGateConfig[],
): Map<string, Promise<GatePlan>> {
  const own = ownWorkloads(configs);
  const scopes = s.workload ? [own.includes(s.workload) ? s.workload : ''] : ['', ...own];
  return new Map(
    scopes.map((workload) => {
      const config = effectiveGateConfig(historyOf(configs, workload), workload, {});
      const plan = planVerdicts(client, { projectId: s.projectId, workload, to: s.to, asOf: s.asOf, config });
      // An unused plan's failure is nobody's to report; a used one's reaches its reader.
      plan.catch(() => undefined);
      return [workload, plan];
    }),
  );
}

const keyOf = (k: InteractionKey) => ({ time: k.time, traceId: k.traceId, spanId: k.spanId });

async function detailed(
  client: ClickHouseClient,
  s: InteractionSearch,
  filter: InteractionFilter,
  keys: InteractionKey[],
  gate: { configs: readonly StoredGateConfig[]; plans: Map<string, Promise<GatePlan>> },
  conversation: boolean,
) {
  const ids = [...new Set(keys.map((k) => k.requestId))];
  // The verdicts need only the keys (workload, time): they are read beside the rows, not after them.
  const [[rows, signals], verdicts] = await Promise.all([
    outcomesOf(client, filter, ids).then((outcomes) =>
      Promise.all([
        interactionRows(client, s.projectId, keys, outcomes, { conversation }),
        signalsForRequests(client, s.projectId, ids),
      ]),
    ),
    verdictsByWorkload(client, { projectId: s.projectId, to: s.to, asOf: s.asOf }, keys, gate),
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
 * A workload may have its own gate configuration: its verdicts are computed apart. The workloads without
 * one share the project's and are read together ('' = every workload): a verdict never depends on
 * another workload's rows, and each read pays for the tail's signals once. Every row is before `to`,
 * and a verdict depends only on the row's own signals and earlier near-duplicates, so the gate need not
 * read past `to`.
 */
async function verdictsByWorkload(
  client: ClickHouseClient,
  { projectId, to, asOf }: { projectId: string; to: string; asOf: string },
  rows: InteractionKey[],
  { configs, plans }: { configs: readonly StoredGateConfig[]; plans: Map<string, Promise<GatePlan>> },
) {
  if (rows.length === 0) return new Map<string, GateVerdict>();
  const own = new Set(ownWorkloads(configs));
  const byWorkload = new Map<string, string[]>();
  for (const r of rows) {
    const workload = own.has(r.workloadId) ? r.workloadId : '';
    byWorkload.set(workload, [...(byWorkload.get(workload) ?? []), r.requestId]);
  }
  // The workloads' reads are independent: issued together, not one round trip after another.
  const verdicts = await Promise.all(
    [...byWorkload].map(([workload, requestIds]) => {
      const config = effectiveGateConfig(historyOf(configs, workload), workload, {});
      // The page's rows are the requests: none is older than the page's oldest row, or newer than its
      // newest (event-time text of one format: compared as strings).
      const since = rows.reduce((t, r) => (r.time < t ? r.time : t), rows[0]!.time);
      const latest = rows.reduce((t, r) => (r.time > t ? r.time : t), rows[0]!.time);
      return gateVerdicts(
        client,
        { projectId, workload, requestIds, since, latest, to, asOf, config },
        plans.get(workload),
      );
    }),
  );
  return new Map<string, GateVerdict>(verdicts.flat().map((v) => [v.requestId, v]));
}
