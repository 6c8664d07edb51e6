import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStorage, type Storage } from './client';

/**
 * A real embedded engine in a fresh temporary directory. chDB binds one directory per process, so a
 * test file opens at most one of these (Vitest runs each file in its own forked process).
 */
export async function openTempStorage(): Promise<{
  storage: Storage;
  dir: string;
  dispose(): Promise<void>;
}> {
  const dir = mkdtempSync(join(tmpdir(), 'flywheel-test-'));
  const storage = createStorage({ engine: 'embedded', dataDir: join(dir, 'data'), database: 'default' });
  await storage.migrate();
  return {
    storage,
    dir,
    async dispose() {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
