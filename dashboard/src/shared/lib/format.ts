// Numbers for people: a product manager reads "12.4k", "23%" and "+3.1 pts", never 0.2312345.
// Missing values are an em dash, never a 0.

export const MISSING = '—';

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  return Math.abs(value) < 10_000 ? plain.format(value) : compact.format(value);
}

/** A fraction in [0, 1] as a percentage; one decimal below 10% where it matters. */
export function formatPercent(fraction: number | null | undefined, digits?: number): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return MISSING;
  const pct = fraction * 100;
  const d = digits ?? (Math.abs(pct) < 10 && pct !== 0 ? 1 : 0);
  return `${pct.toFixed(d)}%`;
}

/** A difference of two rates, in percentage points, with its sign: +3.1 pts. */
export function formatPoints(deltaFraction: number | null | undefined, digits = 1): string {
  if (deltaFraction === null || deltaFraction === undefined || !Number.isFinite(deltaFraction))
    return MISSING;
  const pts = deltaFraction * 100;
  const sign = pts > 0 ? '+' : pts < 0 ? '−' : '±';
  return `${sign}${Math.abs(pts).toFixed(digits)} pts`;
}

export function formatNumber(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  return value.toFixed(digits);
}

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return MISSING;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min`;
  if (ms < 2 * 86_400_000) return `${(ms / 3_600_000).toFixed(1)} h`;
  return `${(ms / 86_400_000).toFixed(1)} days`;
}

const dateFmt = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const dateYearFmt = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const dateTimeFmt = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZone: 'UTC',
});

const minuteFmt = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});

function toDate(value: string | number | Date): Date {
  return value instanceof Date ? value : new Date(value);
}

/** Event times are shown in UTC: the data's clock, the same for everyone looking at one alarm. */
export function formatDay(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined) return MISSING;
  const d = toDate(value);
  return Number.isNaN(d.getTime()) ? MISSING : dateFmt.format(d);
}

export function formatDate(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined) return MISSING;
  const d = toDate(value);
  return Number.isNaN(d.getTime()) ? MISSING : dateYearFmt.format(d);
}

export function formatDateTime(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined) return MISSING;
  const d = toDate(value);
  return Number.isNaN(d.getTime()) ? MISSING : `${dateTimeFmt.format(d)} UTC`;
}

/** Machine names to words: `rolled_back` → "rolled back". */
export function humanize(name: string): string {
  return name.replace(/[_-]+/g, ' ').trim();
}

/** To the minute: when an alarm fired or a deploy happened. */
export function formatMinute(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined) return MISSING;
  const d = toDate(value);
  return Number.isNaN(d.getTime()) ? MISSING : `${minuteFmt.format(d)} UTC`;
}
