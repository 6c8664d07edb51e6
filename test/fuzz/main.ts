import { Command, Option } from 'commander';
import { runFuzz, type FuzzTarget } from './run';
import { startFuzzServer } from './server';
import { summary } from './summary';

// `pnpm fuzz`: hostile bodies to a Flywheel over real HTTP. Without --api-url it starts one as a child
// process in a fresh directory, so a crash is seen as the process exiting. Exits 1 on a crash, a 5xx
// other than back-pressure, or a request left unanswered.

const program = new Command()
  .name('fuzz')
  .addOption(new Option('--bodies <n>', 'bodies to send').default('100000'))
  .addOption(new Option('--seed <n>', 'seed of the generator (same seed, same bodies)').default('1'))
  .addOption(new Option('--concurrency <n>', 'requests in flight').default('8'))
  .addOption(new Option('--api-url <url>', 'fuzz a running Flywheel: its API address'))
  .addOption(new Option('--otlp-url <url>', 'with --api-url: its OTLP address'))
  .parse();

const flags = program.opts<{
  bodies: string;
  seed: string;
  concurrency: string;
  apiUrl?: string;
  otlpUrl?: string;
}>();

async function main(): Promise<number> {
  const own = flags.apiUrl ? null : await startFuzzServer();
  // Ctrl-C (or SIGTERM) ends the run early: the report covers what was sent, then the child stops.
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => (stopping = true));
  const target: FuzzTarget = own ?? {
    apiUrl: flags.apiUrl!,
    otlpUrl: flags.otlpUrl ?? flags.apiUrl!,
    alive: () => true,
    peakRssBytes: () => undefined,
  };
  try {
    const report = await runFuzz(target, {
      bodies: Number(flags.bodies),
      seed: Number(flags.seed),
      concurrency: Number(flags.concurrency),
      log: (line) => console.error(line),
      stopping: () => stopping,
    });
    console.log(summary(report));
    for (const r of report.reproducers) console.log(`reproducer: ${JSON.stringify(r)}`);
    if (report.crashed && own) console.log(`server output:\n${own.output().slice(-4000)}`);
    return report.crashed || report.serverErrors > 0 || report.timeouts > 0 ? 1 : 0;
  } finally {
    await own?.stop();
  }
}

process.exitCode = await main();
