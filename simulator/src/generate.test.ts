import { describe, expect, it } from 'vitest';
import { TrafficGenerator } from './generate';
import type { SimInteraction } from './internal-types';
import { healthyScenario } from './scenarios/healthy';
import { nearDuplicate } from './text/compose';

const plan = healthyScenario({ days: 14, dailyVolume: 400, seed: 7 });
const all: SimInteraction[] = [];
const generator = new TrafficGenerator(plan);
for (let day = 0; day < plan.days; day++) all.push(...generator.generateDay(day));
const share = (pick: (i: SimInteraction) => boolean) => all.filter(pick).length / all.length;

describe('TrafficGenerator', () => {
  it('is deterministic under a seed, and the seed matters', () => {
    const again = new TrafficGenerator(plan);
    expect(JSON.stringify(again.generateDay(0))).toBe(JSON.stringify(all.filter((i) => i.day === 0)));
    const other = new TrafficGenerator(healthyScenario({ days: 14, dailyVolume: 400, seed: 8 }));
    expect(other.generateDay(0).map((i) => i.response)).not.toEqual(
      all.filter((i) => i.day === 0).map((i) => i.response),
    );
  });

  it('keeps event-time order, unique request ids and days inside their day', () => {
    const day3 = all.filter((i) => i.day === 3);
    expect(day3.map((i) => i.startMs)).toEqual([...day3.map((i) => i.startMs)].sort((a, b) => a - b));
    expect(new Set(all.map((i) => i.requestId)).size).toBe(all.length);
    for (const i of day3) expect(new Date(i.startMs).toISOString().slice(0, 10)).toBe('2026-01-08');
  });

  it('splits traffic across workloads by share and serves the version of the moment', () => {
    expect(share((i) => i.workloadId === 'support-chat')).toBeCloseTo(0.5, 1);
    expect(share((i) => i.workloadId === 'doc-summary')).toBeCloseTo(0.2, 1);
    const v1 = plan.versions.find((v) => v.version === 'support-chat-v1')!;
    const deployMs = Date.parse(plan.start) + v1.deployDay! * 86_400_000 + plan.deployHour * 3_600_000;
    for (const i of all.filter(
      (x) => x.workloadId === 'support-chat' && Math.abs(x.startMs - deployMs) < 86_400_000,
    )) {
      expect(i.version).toBe(i.startMs < deployMs ? 'support-chat-v0' : 'support-chat-v1');
    }
  });

  it('keeps explicit feedback well under 1% of interactions, mostly from power users', () => {
    const explicit = all.filter((i) => i.signals.some((s) => s.explicit));
    expect(explicit.length / all.length).toBeGreaterThan(0.001);
    expect(explicit.length / all.length).toBeLessThan(0.01);
    const top = generator.users.topDecileSize;
    expect(explicit.filter((i) => i.userIndex < top).length / explicit.length).toBeGreaterThan(0.5);
  });

  it('draws mostly implicit signals with the configured coverage', () => {
    const kinds = all.flatMap((i) => i.signals.map((s) => s.kind));
    const implicit = kinds.filter((k) => !k.startsWith('thumbs')).length / kinds.length;
    expect(implicit).toBeGreaterThan(0.97);
    expect(share((i) => i.signals.some((s) => !s.explicit))).toBeCloseTo(plan.signals.coverage, 1);
    for (const kind of [
      'accepted',
      'copied',
      'edited',
      'regenerated',
      'corrected',
      'abandoned',
      'follow_up',
    ]) {
      expect(kinds).toContain(kind);
    }
  });

  it('makes the success rate of a version its accuracy, and the outcome follow satisfaction', () => {
    const v0 = all.filter((i) => i.version === 'support-chat-v0' && i.outcome !== 'unknown');
    const rate = v0.filter((i) => i.outcome === 'success').length / v0.length;
    expect(Math.abs(rate - 0.7)).toBeLessThan(4 * Math.sqrt((0.7 * 0.3) / v0.length));
    for (const i of all) if (i.outcome !== 'unknown') expect(i.outcome === 'success').toBe(i.satisfied);
  });

  it('injects PII, toxicity, near-duplicates and off-language inputs at their rates', () => {
    expect(share((i) => i.pii !== null)).toBeCloseTo(plan.content.piiRate, 1);
    expect(share((i) => i.toxic)).toBeGreaterThan(0.003);
    expect(share((i) => i.duplicate)).toBeGreaterThan(0.015);
    expect(share((i) => i.language !== 'en')).toBeCloseTo(plan.content.offLanguageRate, 1);
    const toxic = all.find((i) => i.toxic)!;
    expect(toxic.response).toMatch(/idiot|moron|shut up/i);
    const withPii = all.find((i) => i.pii === 'card')!;
    expect(withPii.prompt).toMatch(/\d{4} \d{4} \d{4} \d{4}/);
  });

  it('keeps the default gate in its healthy 20–30% band', () => {
    expect(share((i) => i.gateReasons.length === 0)).toBeGreaterThan(0.2);
    expect(share((i) => i.gateReasons.length === 0)).toBeLessThan(0.3);
  });

  it('writes answers that are not near-duplicates of each other, except the injected ones', () => {
    // Word 3-shingles, as the collector's near-duplicate key uses: unrelated answers share almost none.
    const candidates = all.filter((i) => i.gateReasons.length === 0 && !i.duplicate).slice(0, 400);
    let worst = 0;
    for (let a = 0; a < candidates.length; a++) {
      for (let b = a + 1; b < Math.min(candidates.length, a + 40); b++) {
        worst = Math.max(worst, jaccard(candidates[a]!.response, candidates[b]!.response));
      }
    }
    expect(worst).toBeLessThan(0.2);
    const dup = all.find((i) => i.duplicate)!;
    expect(all.some((i) => i !== dup && jaccard(i.response, dup.response) === 1)).toBe(true);
    expect(jaccard('Open Billing, then press Save.', nearDuplicate('Open Billing, then press Save.'))).toBe(
      1,
    );
  });
});

function shingles(text: string): Set<string> {
  const words = text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const out = new Set<string>();
  for (let i = 0; i + 3 <= words.length; i++) out.add(words.slice(i, i + 3).join(' '));
  return out;
}

function jaccard(a: string, b: string): number {
  const x = shingles(a);
  const y = shingles(b);
  let both = 0;
  for (const s of x) if (y.has(s)) both++;
  return both / (x.size + y.size - both);
}
