import { join, resolve } from 'node:path';
import { SingleBar } from 'cli-progress';
import { Option, type Command } from 'commander';
import { z } from 'zod';
import {
  DEFAULT_COMMON,
  SCENARIO_NAMES,
  buildScenario,
  isScenarioName,
  runSimulation,
  writeGroundTruth,
  type ScenarioName,
  type SimulationPlan,
  type SimulationProgress,
  type SimulationResult,
} from '@flywheel/simulator';
import { DEFAULTS } from '../config';

/** Flags shared by `flywheel demo` and `flywheel simulate`. */
export interface ScenarioFlags {
  scenario?: string;
  days?: string;
  seed?: string;
  volume?: string;
  start?: string;
  out?: string;
}

export function addScenarioOptions(command: Command, scenarioRequired: boolean): Command {
  const scenario = new Option('--scenario <name>', `scenario to simulate: ${SCENARIO_NAMES.join(', ')}`);
  if (scenarioRequired) scenario.makeOptionMandatory();
  else scenario.default('healthy');
  return command
    .addOption(scenario)
    .addOption(
      new Option('--days <n>', 'days of event time to simulate').default(String(DEFAULT_COMMON.days)),
    )
    .addOption(
      new Option('--seed <n>', 'seed of the scenario (same seed, same traffic)').default(
        String(DEFAULT_COMMON.seed),
      ),
    )
    .addOption(
      new Option('--volume <n>', 'interactions per weekday at day 0, across workloads').default(
        String(DEFAULT_COMMON.dailyVolume),
      ),
    )
    .addOption(new Option('--start <date>', 'date of day 0, YYYY-MM-DD (default: so the data ends today)'))
    .addOption(
      new Option('--out <dir>', 'directory for ground-truth.json (default <data dir>/scenarios/<scenario>)'),
    );
}

const positiveInt = (flag: string, max: number) =>
  z.coerce
    .number({ message: `${flag} must be a number` })
    .int(`${flag} must be a whole number`)
    .min(1, `${flag} must be at least 1`)
    .max(max, `${flag} must be at most ${max}`);

const schema = z.object({
  scenario: z
    .string()
    .refine(isScenarioName, { message: `--scenario must be one of ${SCENARIO_NAMES.join(', ')}` }),
  days: positiveInt('--days', 3650),
  seed: z.coerce.number({ message: '--seed must be a number' }).int('--seed must be a whole number'),
  volume: positiveInt('--volume', 1_000_000),
  start: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '--start must be a date like 2026-01-05')
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), '--start must be a real date')
    .optional(),
});

export interface ResolvedScenario {
  name: ScenarioName;
  plan: SimulationPlan;
  outDir: string;
}

/** Checks the flags and builds the plan; throws one Error naming the bad flag. */
export function resolveScenario(flags: ScenarioFlags, dataDir: string, now = new Date()): ResolvedScenario {
  const parsed = schema.safeParse(flags);
  if (!parsed.success) throw new Error(parsed.error.issues[0]!.message);
  const { scenario, days, seed, volume } = parsed.data;
  const name = scenario as ScenarioName;
  // By default the simulated period ends today, so "last 7 days" views show it.
  const start =
    parsed.data.start ??
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - days))
      .toISOString()
      .slice(0, 10);
  const plan = buildScenario(name, { days, seed, dailyVolume: volume, start });
  return { name, plan, outDir: resolve(flags.out ?? join(dataDir, 'scenarios', name)) };
}

/** A progress bar on a terminal; a line every tenth of the run otherwise (logs, CI). */
export function progressReporter(
  label: string,
  days: number,
): { update: (p: SimulationProgress) => void; stop: () => void } {
  if (process.stdout.isTTY) {
    const bar = new SingleBar({
      format: `${label} |{bar}| day {value}/{total} · {interactions} interactions · {spans} spans sent · {duration}s`,
      hideCursor: true,
      clearOnComplete: false,
    });
    bar.start(days, 0, { interactions: 0, spans: 0 });
    return {
      update: (p) =>
        bar.update(p.day, {
          interactions: p.interactions.toLocaleString('en-US'),
          spans: p.spansSent.toLocaleString('en-US'),
        }),
      stop: () => bar.stop(),
    };
  }
  const step = Math.max(1, Math.round(days / 10));
  let last = 0;
  return {
    update: (p) => {
      if (p.day - last >= step || (p.day === days && last !== days)) {
        last = p.day;
        console.log(
          `${label}: day ${p.day}/${days}, ${p.interactions} interactions, ${p.spansSent} spans sent`,
        );
      }
    },
    stop: () => {},
  };
}

export function summary(name: string, result: SimulationResult, path: string): string[] {
  const v = result.groundTruth.volumes;
  return [
    `flywheel: ${name}: ${result.groundTruth.days} days, ${v.interactions} interactions and ${v.signals} signals sent in ${(result.elapsedMs / 1000).toFixed(1)} s`,
    `flywheel: ground truth in ${path}`,
  ];
}

const url = (flag: string) =>
  z
    .string({ message: `${flag} is required` })
    .refine(
      (s) => /^https?:\/\/[^/\s]+/.test(s) && URL.canParse(s),
      `${flag} must be an http(s) URL like http://127.0.0.1:4318`,
    );

export function registerSimulateCommand(program: Command): void {
  const command = program
    .command('simulate')
    .description('send a simulated product with known ground truth to a running Flywheel')
    .addOption(
      new Option(
        '--target <url>',
        'OTLP/HTTP base URL of the collector, e.g. http://127.0.0.1:4318',
      ).makeOptionMandatory(),
    )
    .addOption(
      new Option(
        '--api <url>',
        'API base URL for cycles, evals, reviews and judgments, e.g. http://127.0.0.1:8080',
      ),
    )
    .addOption(new Option('--key <key>', 'API key when the server has keys (env FLYWHEEL_KEY)'));
  addScenarioOptions(command, true).action(
    async (flags: ScenarioFlags & { target: string; api?: string; key?: string }) => {
      const target = url('--target').safeParse(flags.target);
      if (!target.success) throw new Error(target.error.issues[0]!.message);
      if (flags.api !== undefined) {
        const api = url('--api').safeParse(flags.api);
        if (!api.success) throw new Error(api.error.issues[0]!.message);
      }
      const { name, plan, outDir } = resolveScenario(flags, process.env.FLYWHEEL_DATA ?? DEFAULTS.data);
      if (flags.api === undefined) {
        console.log(
          'flywheel: no --api given: cycles, evals, reviews and judgments go to the ground truth only',
        );
      }
      const key = flags.key ?? process.env.FLYWHEEL_KEY;
      const progress = progressReporter(`simulating ${name}`, plan.days);
      let result: SimulationResult;
      try {
        result = await runSimulation(plan, {
          otlpUrl: flags.target,
          apiUrl: flags.api ?? null,
          ...(key ? { apiKey: key } : {}),
          onProgress: progress.update,
          evaluateAlarmsEveryDays: flags.api === undefined ? 0 : 3,
          log: (line) => console.error(line),
        });
      } finally {
        progress.stop();
      }
      const path = await writeGroundTruth(outDir, result.groundTruth);
      for (const line of summary(name, result, path)) console.log(line);
    },
  );
}
