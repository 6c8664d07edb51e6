import type { Cycle } from '@flywheel/api';

/** docs/design.md §6: a healthy cycle adds +2 to +5 points of success rate. */
export const HEALTHY_DELTA = { min: 0.02, max: 0.05 } as const;

export interface DeltaDatum {
  label: string;
  cycleId: string;
  online: number | null;
  /** The online delta's 95% confidence interval, drawn as a floating bar. */
  ci: [number, number] | null;
  offline: number | null;
  significant: boolean;
}

/** Cycles that were deployed (or at least evaluated offline), oldest first. */
export function deltaData(cycles: Cycle[]): DeltaDatum[] {
  return cycles
    .filter((c) => c.onlineDelta !== null || c.offlineDelta !== null)
    .sort((a, b) => (a.deployedAt ?? a.dataWindow.to).localeCompare(b.deployedAt ?? b.dataWindow.to))
    .map((c) => ({
      label: c.modelVersion,
      cycleId: c.id,
      online: c.onlineDelta?.delta ?? null,
      ci: c.onlineDelta ? c.onlineDelta.ci : null,
      offline: c.offlineDelta,
      significant: c.onlineDelta?.significant ?? false,
    }));
}

export type DeltaVerdict =
  'healthy' | 'below' | 'above' | 'negative' | 'not_significant' | 'measuring' | 'unmeasured';

/** Where a cycle's online delta sits against the healthy band, in the reader's words. */
export function deltaVerdict(cycle: Cycle): DeltaVerdict {
  const d = cycle.onlineDelta;
  if (!d) return 'unmeasured';
  // A significant drop counts at once; anything else waits for the version's first W days to pass.
  if (d.significant && d.ci[1] < 0) return 'negative';
  if (!d.windowClosed) return 'measuring';
  if (!d.significant) return 'not_significant';
  if (d.delta < HEALTHY_DELTA.min) return 'below';
  if (d.delta > HEALTHY_DELTA.max) return 'above';
  return 'healthy';
}

export const DELTA_VERDICT_TEXT: Record<DeltaVerdict, string> = {
  healthy: 'in the healthy band',
  below: 'below the band',
  above: 'above the band',
  negative: 'made quality worse',
  not_significant: 'not significant',
  measuring: 'still measuring',
  unmeasured: 'not measured yet',
};
