import { useCallback, useEffect, useState } from 'react';
import { useUrlParams, type ParamPatch } from '../../../shared/hooks/use-url-params';
import { GATE_STATES, OUTCOMES, PAGE_SIZES } from '../lib/explorer-query';

/**
 * Filters beyond workload and time; each one is a URL parameter, so a reload keeps them. Changing one
 * drops the page cursor: the new selection starts at its newest row.
 */
export function ExplorerFilters({ versions }: { versions: string[] }) {
  const { get, set: setParams } = useUrlParams();
  const set = useCallback(
    (patch: ParamPatch, options?: { replace?: boolean }) => setParams({ ...patch, cursor: null }, options),
    [setParams],
  );
  const urlQuery = get('q') ?? '';
  const [text, setText] = useState(urlQuery);
  const version = get('version') ?? '';

  // Typing updates the URL after a pause, replacing history so Back leaves the page, not the keystroke.
  useEffect(() => {
    if (text === urlQuery) return;
    const timer = setTimeout(() => set({ q: text.trim() }, { replace: true }), 300);
    return () => clearTimeout(timer);
  }, [text, urlQuery, set]);

  return (
    <div className="filterbar" data-testid="explorer-filters">
      <label>
        Search
        <input
          type="search"
          name="q"
          value={text}
          placeholder="text in prompt or response"
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <label>
        Version
        <select name="version" value={version} onChange={(e) => set({ version: e.target.value })}>
          <option value="">any</option>
          {/* A version from a link that the data extent does not list stays selectable. */}
          {(version && !versions.includes(version) ? [version, ...versions] : versions).map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </label>
      <label>
        Outcome
        <select
          name="outcome"
          value={get('outcome') ?? ''}
          onChange={(e) => set({ outcome: e.target.value })}
        >
          <option value="">any</option>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </label>
      <label>
        Gate
        <select name="gate" value={get('gate') ?? ''} onChange={(e) => set({ gate: e.target.value })}>
          <option value="">any</option>
          {GATE_STATES.map((g) => (
            <option key={g} value={g}>
              {g === 'pending' ? 'pending (signal window open)' : g}
            </option>
          ))}
        </select>
      </label>
      <label>
        Show
        <select
          name="limit"
          value={get('limit') ?? String(PAGE_SIZES[0])}
          onChange={(e) => set({ limit: e.target.value === String(PAGE_SIZES[0]) ? null : e.target.value })}
        >
          {PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {n} per page
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
