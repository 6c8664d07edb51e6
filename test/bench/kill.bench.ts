/**
 * Kill soak: `kill -9` of a Flywheel under load, 20 times at random moments (the CI test does 5), then
 * every acknowledged request counted in storage.
 *
 *   pnpm bench:kill [--kills 20] [--seed N]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { killUnderLoad } from '../ingest/kill-under-load';

const options = new Command()
  .option('--kills <n>', 'SIGKILLs', '20')
  .option('--seed <n>', 'seed of the kill moments', String(Date.now() % 1_000_000))
  .parse()
  .opts<{ kills: string; seed: string }>();

const dir = mkdtempSync(join(tmpdir(), 'flywheel-kill-soak-'));
try {
  console.log(`seed ${options.seed}`);
  const result = await killUnderLoad({
    dataDir: dir,
    kills: Number(options.kills),
    seed: Number(options.seed),
    log: console.log,
  });
  console.table(result);
  const ok =
    result.lost.length === 0 &&
    result.storedSpans === result.expectedSpans &&
    result.duplicatedWithFinal === 0 &&
    result.unexpected === 0;
  console.log(ok ? 'no acknowledged span lost, none counted twice' : 'FAILED');
  process.exitCode = ok ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
