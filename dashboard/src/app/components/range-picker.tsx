import { useUrlParams } from '../../shared/hooks/use-url-params';
import { DEFAULT_RANGE, isRangePreset, RANGE_PRESETS, toDayString } from '../../shared/lib/time-range';
import { useScope } from '../scope-context';

const LABELS: Record<string, string> = {
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  '90d': 'Last 90 days',
  all: 'All time',
};

/** Presets count back from the newest data, not from today; "custom" pins two UTC days. */
export function RangePicker() {
  const { get, set } = useUrlParams();
  const { range } = useScope();
  const custom = Boolean(get('from') && get('to'));
  const preset = isRangePreset(get('range')) ? get('range')! : DEFAULT_RANGE;

  return (
    <div className="picker">
      <label htmlFor="range">Time</label>
      <select
        id="range"
        value={custom ? 'custom' : preset}
        onChange={(e) => {
          const value = e.target.value;
          if (value === 'custom') {
            const from = range.fromMs ?? Date.now() - 30 * 86_400_000;
            const to = (range.toMs ?? Date.now()) - 1;
            set({ range: null, from: toDayString(from), to: toDayString(to) });
          } else set({ range: value === DEFAULT_RANGE ? null : value, from: null, to: null });
        }}
      >
        {RANGE_PRESETS.map((p) => (
          <option key={p} value={p}>
            {LABELS[p]}
          </option>
        ))}
        <option value="custom">Custom…</option>
      </select>
      {custom ? (
        <>
          <input
            type="date"
            aria-label="from"
            value={get('from') ?? ''}
            onChange={(e) => set({ from: e.target.value }, { replace: true })}
          />
          <input
            type="date"
            aria-label="to"
            value={get('to') ?? ''}
            onChange={(e) => set({ to: e.target.value }, { replace: true })}
          />
        </>
      ) : null}
    </div>
  );
}
