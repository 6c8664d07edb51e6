import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseKeys } from '@flywheel/collector';
import type { AlarmConfig } from './config';
import { startFlywheel, type RunningFlywheel, type StartOptions } from './start';

export interface TestFlywheel extends RunningFlywheel {
  dir: string;
  /** Closes the server and deletes its directory. */
  dispose(): Promise<void>;
}

/**
 * A whole Flywheel (collector, API, embedded engine) on ephemeral loopback ports in a fresh temporary
 * directory. One per test file: chDB binds one data directory per process.
 */
export async function startTestFlywheel(
  options: StartOptions & { keys?: string; alarms?: Partial<AlarmConfig> } = {},
): Promise<TestFlywheel> {
  const dir = mkdtempSync(join(tmpdir(), 'flywheel-e2e-'));
  const running = await startFlywheel(
    {
      dataDir: dir,
      host: '127.0.0.1',
      port: 0,
      otlpPort: 0,
      keys: parseKeys(options.keys),
      storage: { engine: 'embedded', dataDir: join(dir, 'data'), database: 'default' },
      // No schedule by default: tests evaluate alarms on demand, as of the event times they choose.
      alarms: { intervalSeconds: 0, cooldownHours: 24, file: {}, ...options.alarms },
    },
    { log: () => {}, ...options },
  );
  return {
    ...running,
    dir,
    async dispose() {
      await running.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
