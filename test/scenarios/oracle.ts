import { expect } from 'vitest';
import type { Alarm, AlarmList, Interaction, InteractionList } from '@flywheel/api';
import type { TestFlywheel } from '@flywheel/server/testing';
import {
  runSimulation,
  type GroundTruth,
  type InteractionRecord,
  type SimulationPlan,
  type SimulationResult,
} from '@flywheel/simulator';

// The oracle: a scenario's ground truth checked against what a real Flywheel reports about it, read
// with the API contract's own response types.

export interface Call<T> {
  status: number;
  body: T;
}

/** Sends a scenario through OTLP and the API of a test Flywheel, keeping every interaction's truth. */
export function simulateInto(
  fw: TestFlywheel,
  plan: SimulationPlan,
  options: { apiKey?: string; evaluateAlarmsEveryDays?: number } = {},
): Promise<SimulationResult> {
  return runSimulation(plan, {
    otlpUrl: fw.otlpUrl,
    apiUrl: fw.apiUrl,
    ...options,
    keepInteractions: true,
    log: () => {},
  });
}

export async function call<T>(
  fw: TestFlywheel,
  path: string,
  options: { method?: string; key?: string } = {},
): Promise<Call<T>> {
  const response = await fetch(`${fw.apiUrl}${path}`, {
    method: options.method ?? 'GET',
    headers: options.key ? { authorization: `Bearer ${options.key}` } : {},
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

/**
 * Every interaction of the run as `GET /api/v1/interactions` reports it. The endpoint returns at most
 * 1000 rows, so it is asked day by day, and a full page fails the test rather than hide rows.
 */
export async function apiInteractions(
  fw: TestFlywheel,
  truth: GroundTruth,
  key?: string,
): Promise<Map<string, Interaction>> {
  const out = new Map<string, Interaction>();
  for (const date of new Set(truth.volumes.perDay.map((d) => d.date))) {
    const from = `${date}T00:00:00Z`;
    const to = new Date(Date.parse(from) + 86_400_000).toISOString();
    const query = new URLSearchParams({ from, to, limit: '1000' });
    const { status, body } = await call<InteractionList>(
      fw,
      `/api/v1/interactions?${query}`,
      key ? { key } : {},
    );
    expect(status).toBe(200);
    expect(body.items.length, `page for ${date} is full`).toBeLessThan(1000);
    for (const item of body.items)
      if (item.requestId.startsWith(truth.idPrefix)) out.set(item.requestId, item);
  }
  return out;
}

/** Interactions per workload as the engine holds them (deduplicated), for this run's request ids only. */
export async function engineCounts(
  fw: TestFlywheel,
  truth: GroundTruth,
  projectId = 'default',
): Promise<Record<string, number>> {
  const result = await fw.storage.client.query({
    query: `SELECT workload_id AS w, count() AS n FROM interactions FINAL
            WHERE project_id = {p:String} AND startsWith(request_id, {prefix:String}) GROUP BY w`,
    query_params: { p: projectId, prefix: truth.idPrefix },
    format: 'JSONEachRow',
  });
  const rows = await result.json<{ w: string; n: string | number }>();
  return Object.fromEntries(rows.map((r) => [r.w, Number(r.n)]));
}

/**
 * What every scenario must get exactly right: volumes per workload and day, each interaction's
 * version, outcome and signals (so signals joined), and each version's success rate, which must equal
 * the realized rate and lie within sampling error of the configured one.
 */
export async function expectCoreTruth(
  fw: TestFlywheel,
  result: SimulationResult,
  options: { key?: string; projectId?: string } = {},
): Promise<Map<string, Interaction>> {
  const truth = result.groundTruth;
  expect(await engineCounts(fw, truth, options.projectId)).toEqual(truth.volumes.perWorkload);
  const items = await apiInteractions(fw, truth, options.key);
  const perDay = new Map<string, number>();
  for (const record of result.interactions) {
    const key = `${record.time.slice(0, 10)}|${record.workloadId}`;
    perDay.set(key, (perDay.get(key) ?? 0) + 1);
  }
  for (const day of truth.volumes.perDay)
    expect(perDay.get(`${day.date}|${day.workloadId}`)).toBe(day.interactions);
  expect(items.size).toBe(truth.volumes.interactions);

  const mismatches = interactionMismatches(result.interactions, items);
  expect(mismatches.length, mismatches.slice(0, 5).join('\n')).toBe(0);
  const joined = [...items.values()].filter((i) => i.signals.length > 0).length;
  expect(joined).toBe(result.interactions.filter((r) => r.signalKinds.length > 0).length);

  for (const version of truth.versions) {
    const known = [...items.values()].filter(
      (i) => i.modelVersion === version.version && i.outcome !== 'unknown',
    );
    const rate = known.length ? known.filter((i) => i.outcome === 'success').length / known.length : null;
    expect(rate === null ? null : round4(rate), version.version).toBe(version.realized.successRate);
    if (known.length >= 30)
      expectWithinSamplingError(rate!, version.expectedSuccessRate, known.length, version.version);
  }
  return items;
}

/** Interactions whose workload, version, outcome or signals differ between the truth and the API. */
export function interactionMismatches(
  records: readonly InteractionRecord[],
  items: Map<string, Interaction>,
): string[] {
  const mismatches: string[] = [];
  for (const record of records) {
    const item = items.get(record.requestId);
    const want = describe(record);
    const got = item
      ? `${item.workloadId} ${item.modelVersion} ${item.outcome} [${[...item.signals].sort().join(',')}]`
      : 'missing';
    if (got !== want) mismatches.push(`${record.requestId}: expected ${want}, API says ${got}`);
  }
  return mismatches;
}

function describe(r: InteractionRecord): string {
  return `${r.workloadId} ${r.version} ${r.outcome} [${[...r.signalKinds].sort().join(',')}]`;
}

/** |observed − expected| within 4 standard errors (false alarm ≈ 6 in 100,000) plus a point of slack. */
export function expectWithinSamplingError(
  observed: number,
  expected: number,
  n: number,
  label: string,
): void {
  const se = Math.sqrt((expected * (1 - expected)) / n);
  expect(
    Math.abs(observed - expected),
    `${label}: ${observed.toFixed(3)} vs ${expected.toFixed(3)} (n=${n})`,
  ).toBeLessThan(4 * se + 0.01);
}

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/** Runs the alarm evaluator as of a time (default: the latest event) and returns what is firing. */
export async function firingAlarms(fw: TestFlywheel, asOf?: string, key?: string): Promise<Alarm[] | null> {
  const query = asOf ? `?asOf=${encodeURIComponent(asOf)}` : '';
  const evaluated = await call<unknown>(fw, `/api/v1/alarms/evaluate${query}`, {
    method: 'POST',
    ...(key ? { key } : {}),
  });
  if (evaluated.status === 404) return null;
  expect(evaluated.status).toBe(200);
  const listed = await call<AlarmList>(
    fw,
    `/api/v1/alarms?state=firing${asOf ? `&asOf=${encodeURIComponent(asOf)}` : ''}`,
    key ? { key } : {},
  );
  expect(listed.status).toBe(200);
  return listed.body.items;
}
