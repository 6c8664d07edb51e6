import type { GateState, InteractionExportQuery, InteractionQuery, Outcome } from '@flywheel/api';
import { isGateReason } from '../../../shared/lib/gate-reasons';
import type { ResolvedRange } from '../../../shared/lib/time-range';

export const OUTCOMES: readonly Outcome[] = ['success', 'failure', 'unknown'];
export const GATE_STATES: readonly GateState[] = ['passed', 'rejected', 'pending'];
export const PAGE_SIZES = [50, 200, 1000] as const;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((v) => v === value);
}

/** The explorer's URL parameters that choose rows; changing one starts again from the newest page. */
export const FILTER_PARAMS = ['version', 'outcome', 'gate', 'gateReason', 'q'] as const;

/**
 * The explorer's URL parameters (`version`, `outcome`, `gate`, `gateReason`, `q`, `limit`, `cursor`) as
 * an API query. A value the API would refuse (an unknown outcome or reason from a hand-edited link) is
 * left out rather than sent.
 */
export function explorerQuery(
  get: (name: string) => string | null,
  scope: { workload: string | null; range: ResolvedRange },
): InteractionQuery {
  const limit = Number(get('limit'));
  const reason = get('gateReason');
  return {
    limit: (PAGE_SIZES as readonly number[]).includes(limit) ? limit : PAGE_SIZES[0],
    ...(scope.workload ? { workload: scope.workload } : {}),
    ...(get('version') ? { modelVersion: get('version')! } : {}),
    ...(oneOf(OUTCOMES, get('outcome')) ? { outcome: oneOf(OUTCOMES, get('outcome'))! } : {}),
    ...(oneOf(GATE_STATES, get('gate')) ? { gate: oneOf(GATE_STATES, get('gate'))! } : {}),
    ...(isGateReason(reason) ? { gateReason: reason } : {}),
    ...(get('q') ? { q: get('q')! } : {}),
    ...(get('cursor') ? { cursor: get('cursor')! } : {}),
    ...(scope.range.from ? { from: scope.range.from } : {}),
    ...(scope.range.to ? { to: scope.range.to } : {}),
  };
}

/** The same rows for the CSV export: every row the filters select, so no page size and no cursor. */
export function exportQuery(query: InteractionQuery): InteractionExportQuery {
  const { limit: _limit, cursor: _cursor, ...filters } = query;
  return filters;
}
