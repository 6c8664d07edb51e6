import { useEffect, useState } from 'react';
import { useUrlParams } from '../../../shared/hooks/use-url-params';
import { GATE_STATES, OUTCOMES, PAGE_SIZES } from '../lib/explorer-query';

/** Filters beyond workload and time; each one is a URL parameter, so a reload keeps them. */
export function ExplorerFilters({ versions }: { versions: string[] }) {
  const { get, set } = useUrlParams();
  const urlQuery = get('q') ?? '';
  const [text, setText] = useState(urlQuery);
  const [version, setVersion] = useState(get('version') ?? '');

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
        <input
          name="version"
          list="explorer-versions"
          value={version}
          placeholder="any"
          onChange={(e) => setVersion(e.target.value)}
          onBlur={() => set({ version: version.trim() })}
          onKeyDown={(e) => {
            if (e.key === 'Enter') set({ version: version.trim() });
          }}
        />
        <datalist id="explorer-versions">
          {versions.map((v) => (
            <option key={v} value={v} />
          ))}
        </datalist>
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
              newest {n}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
