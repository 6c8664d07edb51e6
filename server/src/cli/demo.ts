import type { Command } from 'commander';
import { resolveServerConfig } from '../config';
import { startFlywheel } from '../start';
import { runSimulation, writeGroundTruth } from '@flywheel/simulator';
import {
  addScenarioOptions,
  progressReporter,
  resolveScenario,
  summary,
  type ScenarioFlags,
} from './simulate';
import { prepareDashboard } from './dashboard';
import { addServerOptions, stopOnSignals, type ServerFlags } from './server-options';

type DemoFlags = ScenarioFlags & ServerFlags;

/**
 * `flywheel demo`: starts Flywheel exactly as `flywheel start` does, streams a simulated product into
 * it (90 days of event time in about a minute), then keeps serving so the data can be explored.
 */
export function registerDemoCommand(program: Command): void {
  const command = addServerOptions(
    program
      .command('demo')
      .description('start Flywheel and stream a simulated product with known ground truth into it'),
  );
  addScenarioOptions(command, false).action(async (flags: DemoFlags) => {
    // Every flag is checked before anything starts listening.
    const resolved = resolveServerConfig(flags);
    // The simulator evaluates alarms as of each simulated day, in order. The server's own schedule
    // evaluates as of the newest event, which during a replay is weeks ahead of the day being evaluated:
    // it would resolve (or fire) alarms with times from the replay's future and refuse the replay's own
    // evaluations while it runs. The demo's alarms follow the simulated clock alone.
    const config = { ...resolved, alarms: { ...resolved.alarms, intervalSeconds: 0 } };
    const { name, plan, outDir } = resolveScenario(flags, config.dataDir);
    prepareDashboard();
    const running = await startFlywheel(config);
    const abort = new AbortController();
    // Ctrl-C also stops the simulation mid-stream.
    stopOnSignals(running, () => abort.abort());

    const progress = progressReporter(`simulating ${name}`, plan.days);
    const key = firstKey(process.env.FLYWHEEL_KEYS);
    try {
      const result = await runSimulation(plan, {
        otlpUrl: running.otlpUrl,
        apiUrl: running.apiUrl,
        ...(key ? { apiKey: key } : {}),
        onProgress: progress.update,
        evaluateAlarmsEveryDays: 1,
        signal: abort.signal,
        log: (line) => console.error(line),
      });
      progress.stop();
      const path = await writeGroundTruth(outDir, result.groundTruth);
      for (const line of summary(`demo "${name}"`, result, path)) console.log(line);
      console.log(`flywheel: explore it at ${running.apiUrl} (Ctrl-C to stop)`);
    } catch (error) {
      progress.stop();
      if (abort.signal.aborted) return; // stopping: the signal handler drains and exits
      await running.close();
      throw error;
    }
  });
}

/** With keys configured the demo sends as the first project in FLYWHEEL_KEYS. */
function firstKey(keys: string | undefined): string | undefined {
  const entry = keys?.split(',')[0]?.trim();
  const separator = entry?.indexOf(':') ?? -1;
  return entry && separator > 0 ? entry.slice(separator + 1).trim() : undefined;
}
