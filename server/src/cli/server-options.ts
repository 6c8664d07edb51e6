import { Option, type Command } from 'commander';
import { DEFAULTS } from '../config';
import type { RunningFlywheel } from '../start';

/** The flags of a command that runs the server (`start`, `demo`). */
export interface ServerFlags {
  data?: string;
  port?: string;
  otlpPort?: string;
  host?: string;
  alerts?: string;
}

export const dataOption = () =>
  new Option(
    '--data <dir>',
    `Flywheel's directory; embedded data lives in <dir>/data (env FLYWHEEL_DATA)`,
  ).default(undefined, DEFAULTS.data);

/** Adds the server's flags; defaults are shown in help but left undefined, so environment variables apply. */
export function addServerOptions(command: Command): Command {
  return command
    .addOption(dataOption())
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
}

/** Ctrl-C (or SIGTERM) drains the writer and exits cleanly; a second one forces the exit. */
export function stopOnSignals(running: RunningFlywheel, onStop: () => void = () => {}): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      console.error('flywheel: forced exit');
      process.exit(130);
    }
    stopping = true;
    onStop();
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
