import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { ApiError } from '../api/errors';
import { useDataExtent } from '../shared/hooks/use-data-extent';
import { useUrlParams } from '../shared/hooks/use-url-params';
import { resolveRange, type ResolvedRange } from '../shared/lib/time-range';

/** What every page filters by: the workload and time range from the URL, resolved against the data. */
export interface Scope {
  workload: string | null;
  range: ResolvedRange;
  latestEventMs: number | null;
  workloads: string[];
  /** Each workload's model versions, newest first. */
  versions: Record<string, string[]>;
  /** Still finding out what data exists. */
  loading: boolean;
  /** The project has no interactions at all. */
  empty: boolean;
  error: ApiError | null;
}

const ScopeContext = createContext<Scope | null>(null);

export function ScopeProvider({ children }: { children: ReactNode }) {
  const extent = useDataExtent();
  const { search } = useUrlParams();
  const workload = search.get('workload');
  const rangeParam = search.get('range');
  const fromParam = search.get('from');
  const toParam = search.get('to');

  const value = useMemo<Scope>(() => {
    const latestEventMs = extent.state === 'ready' ? extent.data.latestEventMs : null;
    return {
      workload: workload || null,
      range: resolveRange({ range: rangeParam, from: fromParam, to: toParam }, latestEventMs),
      latestEventMs,
      workloads: extent.state === 'ready' ? extent.data.workloads : [],
      versions: extent.state === 'ready' ? extent.data.versions : {},
      loading: extent.state === 'loading',
      empty: extent.state === 'ready' && extent.data.latestEventMs === null,
      error: extent.state === 'error' ? extent.error : null,
    };
  }, [extent, workload, rangeParam, fromParam, toParam]);

  return <ScopeContext.Provider value={value}>{children}</ScopeContext.Provider>;
}

export function useScope(): Scope {
  const value = useContext(ScopeContext);
  if (!value) throw new Error('useScope outside <ScopeProvider>');
  return value;
}
