import { GLOBAL_PARAMS } from '../hooks/use-url-params';

/**
 * The explorer listing the interactions behind a number: the page's workload and time range (so the
 * list counts what the number counted) narrowed by the explorer's own filters (`outcome`, `gate`,
 * `gateReason`, `version`).
 */
export function explorerHref(search: URLSearchParams | string, filters: Record<string, string> = {}): string {
  const from = typeof search === 'string' ? new URLSearchParams(search) : search;
  const params = new URLSearchParams();
  for (const name of GLOBAL_PARAMS) {
    const value = from.get(name);
    if (value) params.set(name, value);
  }
  for (const [name, value] of Object.entries(filters)) params.set(name, value);
  const text = params.toString();
  return `/explorer${text ? `?${text}` : ''}`;
}
