import { buildScenario, runSimulation, type ScenarioName } from '@flywheel/simulator';

const DAY_MS = 86_400_000;

export interface FillOptions {
  scenario: ScenarioName;
  days: number;
  dailyVolume: number;
  start: string;
  seed?: number;
  /** The scenario's own knobs (e.g. a regression's `dropPoints`). */
  params?: Record<string, unknown>;
  apiKey?: string;
  /** Evaluate alarms as of every `alarmEveryDays` days over the last `alarmDays` days, so some resolve. */
  alarmDays?: number;
  alarmEveryDays?: number;
  log?: (line: string) => void;
}

/**
 * Fills a running Flywheel the way production would: the simulator sends spans over OTLP and registers
 * cycles, evals, reviews and judgments through the API; then the alarm evaluator runs day by day in
 * event time, as its schedule would have, so alarms fire and resolve at the right moments.
 */
export async function fillWithSimulator(
  urls: { otlpUrl: string; apiUrl: string },
  options: FillOptions,
): Promise<{ interactions: number; lastDay: string }> {
  const plan = buildScenario(options.scenario, {
    ...options.params,
    days: options.days,
    dailyVolume: options.dailyVolume,
    start: options.start,
    seed: options.seed ?? 11,
  });
  const result = await runSimulation(plan, {
    otlpUrl: urls.otlpUrl,
    apiUrl: urls.apiUrl,
    ...(options.apiKey ? { apiKey: options.apiKey } : {}),
    log: options.log ?? (() => {}),
  });
  const end = Date.parse(`${options.start}T00:00:00Z`) + options.days * DAY_MS;
  const alarmDays = options.alarmDays ?? options.days;
  const every = options.alarmEveryDays ?? 1;
  for (let t = end - alarmDays * DAY_MS; t <= end; t += every * DAY_MS) {
    const asOf = new Date(Math.min(t, end - 1)).toISOString();
    const response = await fetch(`${urls.apiUrl}/api/v1/alarms/evaluate?asOf=${encodeURIComponent(asOf)}`, {
      method: 'POST',
      headers: options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {},
    });
    if (!response.ok)
      throw new Error(`alarm evaluation as of ${asOf}: ${response.status} ${await response.text()}`);
  }
  return {
    interactions: result.groundTruth ? result.spans : 0,
    lastDay: new Date(end - DAY_MS).toISOString().slice(0, 10),
  };
}
