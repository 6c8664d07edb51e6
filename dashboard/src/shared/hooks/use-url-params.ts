import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

export type ParamPatch = Record<string, string | null | undefined>;

/**
 * Every filter lives in the URL: a reload, a shared link or an alarm's link opens the exact same view.
 * `set` merges a patch (null or '' removes a parameter) and keeps the others.
 */
export function useUrlParams(): {
  get(name: string): string | null;
  set(patch: ParamPatch, options?: { replace?: boolean }): void;
  search: URLSearchParams;
} {
  const [search, setSearch] = useSearchParams();
  const get = useCallback((name: string) => search.get(name), [search]);
  const set = useCallback(
    (patch: ParamPatch, options: { replace?: boolean } = {}) => {
      setSearch(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(patch)) {
            if (value === null || value === undefined || value === '') next.delete(key);
            else next.set(key, value);
          }
          return next;
        },
        { replace: options.replace ?? false },
      );
    },
    [setSearch],
  );
  return { get, set, search };
}

/** The filters every page shares, carried over when moving between pages. */
export const GLOBAL_PARAMS = ['workload', 'range', 'from', 'to'] as const;

export function globalSearch(search: URLSearchParams): string {
  const kept = new URLSearchParams();
  for (const name of GLOBAL_PARAMS) {
    const value = search.get(name);
    if (value) kept.set(name, value);
  }
  const text = kept.toString();
  return text ? `?${text}` : '';
}
