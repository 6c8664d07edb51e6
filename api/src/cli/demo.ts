import { Option, type Command } from 'commander';
import { resolveServerConfig, DEFAULTS } from '../config';
import { startFlywheel, type RunningFlywheel } from '../server';
import { runSimulation, writeGroundTruth } from '../simulator';
import {
  addScenarioOptions,
  progressReporter,
  resolveScenario,
  summary,
  type ScenarioFlags,
} from './simulate';

interface DemoFlags extends ScenarioFlags {
  data?: string;
  port?: string;
  otlpPort?: string;
  host?: string;
  alerts?: string;
}

/**
 * `flywheel demo`: starts Flywheel exactly as `flywheel start` does, streams a simulated product into
 * it (90 days of event time in about a minute), then keeps serving so the data can be explored.
 */
export function registerDemoCommand(program: Command): void {
  const command = program
    .command('demo')
    .description('start Flywheel and stream a simulated product with known ground truth into it')
    .addOption(
      new Option(
        '--data <dir>',
        `Flywheel's directory; embedded data lives in <dir>/data (env FLYWHEEL_DATA)`,
      ).default(undefined, DEFAULTS.data),
    )
    .addOption(
      new Option('--port <port>', 'API and dashboard port (env FLYWHEEL_PORT)').default(
        undefined,
        String(DEFAULTS.port),
      ),
    )
    .addOption(
      new Option('--otlp-port <port>', 'OTLP/HTTP port (env FLYWHEEL_OTLP_PORT)').default(
        undefined,
        String(DEFAULTS.otlpPort),
      ),
    )
    .addOption(
      new Option('--host <address>', 'address to listen on (env FLYWHEEL_HOST)').default(
        undefined,
        DEFAULTS.host,
      ),
    )
    .addOption(
      new Option('--alerts <file>', 'alert rules and destinations, JSON (env FLYWHEEL_ALERTS_FILE)'),
    );
  addScenarioOptions(command, false).action(async (flags: DemoFlags) => {
    // Every flag is checked before anything starts listening.
    const config = resolveServerConfig(flags);
    const { name, plan, outDir } = resolveScenario(flags, config.dataDir);
    const running = await startFlywheel(config);
    const abort = new AbortController();
    onShutdownSignals(running, abort);

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

/** Ctrl-C stops the simulation, drains the writer and exits, like `flywheel start`; twice forces. */
function onShutdownSignals(running: RunningFlywheel, abort: AbortController): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      console.error('flywheel: forced exit');
      process.exit(130);
    }
    stopping = true;
    abort.abort();
    console.log(`flywheel: ${signal} received, draining the writer…`);
    running.close().then(
      () => {
        console.log('flywheel: stopped cleanly');
        process.exit(0);
      },
      (error: unknown) => {
        console.error(`flywheel: error while stopping: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

/** With keys configured the demo sends as the first project in FLYWHEEL_KEYS. */
function firstKey(keys: string | undefined): string | undefined {
  const entry = keys?.split(',')[0]?.trim();
  const separator = entry?.indexOf(':') ?? -1;
  return entry && separator > 0 ? entry.slice(separator + 1).trim() : undefined;
}
