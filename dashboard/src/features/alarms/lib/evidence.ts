/**
 * Alarm evidence is a nested JSON object that differs per kind. It is laid out without knowing every
 * kind's shape: top-level numbers as facts, each nested object (previous day, last day, version, parent)
 * as a row of facts, and a nested object inside that (rejections by reason) as one compact fact.
 */
export interface Fact {
  label: string;
  value: string;
}

export interface EvidenceGroup {
  label: string;
  facts: Fact[];
}

export interface EvidenceLayout {
  facts: Fact[];
  groups: EvidenceGroup[];
}

const ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

export function words(key: string): string {
  return key
    .replace(/Percent$/, '')
    .replace(/Points$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase()
    .trim();
}

function number(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (value !== 0 && Math.abs(value) < 0.001) return value.toExponential(1);
  return Number.isInteger(value) ? value.toLocaleString('en-US') : String(Math.round(value * 1000) / 1000);
}

/** A value with the unit its key names: `passRatePercent: 35.4` → "35.4%", `deltaPoints: -13` → "−13 pts". */
export function formatFact(key: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') {
    if (/Percent$/.test(key)) return `${number(value)}%`;
    if (/Points$/.test(key)) return `${value > 0 ? '+' : ''}${number(value)} pts`;
    return number(value);
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string')
    return ISO_RE.test(value) ? `${value.slice(0, 16).replace('T', ' ')} UTC` : value;
  if (Array.isArray(value)) return value.map((v) => formatFact(key, v)).join(', ');
  return Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${words(k)} ${formatFact(k, v)}`)
    .join(' · ');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function factsOf(record: Record<string, unknown>): Fact[] {
  return Object.entries(record).map(([key, value]) => ({ label: words(key), value: formatFact(key, value) }));
}

export function layoutEvidence(evidence: Record<string, unknown>): EvidenceLayout {
  const facts: Fact[] = [];
  const groups: EvidenceGroup[] = [];
  for (const [key, value] of Object.entries(evidence)) {
    if (isRecord(value)) groups.push({ label: words(key), facts: factsOf(value) });
    else if (Array.isArray(value) && value.every(isRecord))
      value.forEach((item, i) => groups.push({ label: `${words(key)} ${i + 1}`, facts: factsOf(item) }));
    else facts.push({ label: words(key), value: formatFact(key, value) });
  }
  return { facts, groups };
}
