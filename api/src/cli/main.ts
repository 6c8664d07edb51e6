import { Command, Option } from 'commander';
import { createStorage } from '@flywheel/storage';
import { resolveServerConfig, DEFAULTS } from '../config';
import { startFlywheel } from '../server';
import { registerDemoCommand } from './demo';
import { registerSimulateCommand } from './simulate';

const program = new Command()
  .name('flywheel')
  .description('Observability for the data flywheel of LLM applications');

const dataOption = () =>
  new Option(
    '--data <dir>',
    `Flywheel's directory; embedded data lives in <dir>/data (env FLYWHEEL_DATA)`,
  ).default(undefined, DEFAULTS.data);

program
  .command('start')
  .description('run the collector and the API (embedded engine unless CLICKHOUSE_URL is set)')
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
  .addOption(new Option('--alerts <file>', 'alert rules and destinations, JSON (env FLYWHEEL_ALERTS_FILE)'))
  .action(
    async (flags: { data?: string; port?: string; otlpPort?: string; host?: string; alerts?: string }) => {
      const config = resolveServerConfig(flags);
      const running = await startFlywheel(config);
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) {
          console.error('flywheel: forced exit');
          process.exit(130);
        }
        stopping = true;
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
    },
  );

program
  .command('migrate')
  .description('apply pending storage migrations and exit')
  .addOption(dataOption())
  .action(async (flags: { data?: string }) => {
    const config = resolveServerConfig({ ...flags, port: 0, otlpPort: 0 });
    const storage = createStorage(config.storage);
    try {
      const result = await storage.migrate();
      console.log(
        `flywheel: applied ${result.applied.length} migration(s)${result.applied.length ? `: ${result.applied.join(', ')}` : ''}; ${result.alreadyApplied.length} already applied`,
      );
    } finally {
      await storage.close();
    }
  });

registerDemoCommand(program);
registerSimulateCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(`flywheel: ${(error as Error).message}`);
  process.exit(1);
});
