import type { ClickHouseClient } from '@flywheel/storage';
import { maintainReadModel } from './maintain';

/**
 * Runs read-model maintenance now and then every `intervalMs`; a run still going when the next is due
 * is not doubled. Returns the function that stops it. Reads are exact without it (unsealed days are
 * read from raw rows); it only keeps them fast.
 */
export function scheduleReadModel(
  client: ClickHouseClient,
  intervalMs: number,
  log: (line: string) => void,
): { stop(): void; idle(): Promise<void> } {
  let running: Promise<void> | null = null;
  const run = () => {
    if (running) return;
    running = maintainReadModel(client)
      .then(({ sealedDays }) => {
        if (sealedDays > 0) log(`flywheel: read model sealed ${sealedDays} days`);
      })
      .catch((error: unknown) => log(`flywheel: read model maintenance failed: ${(error as Error).message}`))
      .finally(() => (running = null));
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return {
    stop: () => clearInterval(timer),
    idle: () => running ?? Promise.resolve(),
  };
}
