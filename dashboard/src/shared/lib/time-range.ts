import { DAY_MS } from './chart-data';

export const RANGE_PRESETS = ['7d', '30d', '90d', 'all'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export const DEFAULT_RANGE: RangePreset = '30d';

export interface RangeParams {
  range?: string | null;
  /** Custom range, inclusive days `YYYY-MM-DD` (UTC). */
  from?: string | null;
  to?: string | null;
}

export interface ResolvedRange {
  /** ISO 8601 bounds for the API; `from` inclusive, `to` exclusive. Undefined: unbounded. */
  from?: string;
  to?: string;
  fromMs?: number;
  toMs?: number;
  label: string;
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

export function isRangePreset(value: unknown): value is RangePreset {
  return typeof value === 'string' && (RANGE_PRESETS as readonly string[]).includes(value);
}

/**
 * Resolves the URL's range against the data's latest event time, not the wall clock: a simulated or
 * backfilled 90 days shows the same way as live traffic (docs/design.md §2, "time is event time").
 */
export function resolveRange(params: RangeParams, latestEventMs: number | null): ResolvedRange {
  if (params.from && DAY_RE.test(params.from) && params.to && DAY_RE.test(params.to)) {
    const fromMs = Date.parse(`${params.from}T00:00:00Z`);
    const toMs = Date.parse(`${params.to}T00:00:00Z`) + DAY_MS;
    if (!Number.isNaN(fromMs) && !Number.isNaN(toMs) && fromMs < toMs)
      return withIso(fromMs, toMs, `${params.from} – ${params.to}`);
  }
  const preset = isRangePreset(params.range) ? params.range : DEFAULT_RANGE;
  if (preset === 'all' || latestEventMs === null) return { label: preset === 'all' ? 'all time' : preset };
  const days = Number(preset.slice(0, -1));
  // End of the latest event's UTC day, so today's partial bucket is included.
  const toMs = Math.floor(latestEventMs / DAY_MS) * DAY_MS + DAY_MS;
  return withIso(toMs - days * DAY_MS, toMs, `last ${days} days`);
}

function withIso(fromMs: number, toMs: number, label: string): ResolvedRange {
  return {
    from: new Date(fromMs).toISOString(),
    to: new Date(toMs).toISOString(),
    fromMs,
    toMs,
    label,
  };
}

export function toDayString(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
