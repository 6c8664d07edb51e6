import './threadpool';
import { Command } from 'commander';
import { createStorage } from '@flywheel/storage';
import { resolveServerConfig } from '../config';
import { startFlywheel } from '../start';
import { prepareDashboard } from './dashboard';
import { registerDemoCommand } from './demo';
import { registerExportCommand } from './export';
import { addServerOptions, dataOption, stopOnSignals, type ServerFlags } from './server-options';
import { registerSimulateCommand } from './simulate';

const program = new Command()
  .name('flywheel')
  .description('Observability for the data flywheel of LLM applications');

addServerOptions(
  program
    .command('start')
    .description(
      'run the collector, the API and the dashboard (embedded engine unless CLICKHOUSE_URL is set)',
    ),
).action(async (flags: ServerFlags) => {
  const config = resolveServerConfig(flags);
  prepareDashboard();
  stopOnSignals(await startFlywheel(config));
});

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
registerExportCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(`flywheel: ${(error as Error).message}`);
  process.exit(1);
});
