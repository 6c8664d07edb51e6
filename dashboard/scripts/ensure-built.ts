import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Builds the dashboard when `dist/` is missing or older than its sources, and does nothing otherwise, so
 * `pnpm start` stays fast. Concurrent callers (parallel test files) wait for one build instead of
 * writing `dist/` at the same time.
 */

const DASHBOARD_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'];
const LOCK_DIR = join(DASHBOARD_DIR, 'node_modules', '.flywheel-build-lock');
const LOCK_STALE_MS = 180_000;

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function dashboardIsStale(): boolean {
  const index = join(DASHBOARD_DIR, 'dist', 'index.html');
  if (!existsSync(index)) return true;
  const sources = Math.max(...SOURCES.map((s) => newestMtime(join(DASHBOARD_DIR, s))));
  return statSync(index).mtimeMs < sources;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function acquireLock(): void {
  const deadline = Date.now() + 2 * LOCK_STALE_MS;
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A build killed mid-way leaves its lock behind; past the longest build it is taken over.
      const info = statSync(LOCK_DIR, { throwIfNoEntry: false });
      if (info && Date.now() - info.mtimeMs > LOCK_STALE_MS)
        rmSync(LOCK_DIR, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error('timed out waiting for another dashboard build');
      sleep(200);
    }
  }
}

/** Builds when stale; returns whether it built. Throws when the build fails. */
export function ensureDashboardBuilt(log: (line: string) => void = console.log): boolean {
  if (!dashboardIsStale()) return false;
  mkdirSync(dirname(LOCK_DIR), { recursive: true });
  acquireLock();
  try {
    // Another process may have finished the build while this one waited.
    if (!dashboardIsStale()) return false;
    log('flywheel: building the dashboard (dashboard/dist is missing or older than its sources)…');
    const vite = join(
      dirname(createRequire(join(DASHBOARD_DIR, 'package.json')).resolve('vite/package.json')),
      'bin',
      'vite.js',
    );
    const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
      cwd: DASHBOARD_DIR,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (result.status !== 0)
      throw new Error(`dashboard build failed (exit ${result.status ?? result.signal})`);
    return true;
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    ensureDashboardBuilt();
  } catch (error) {
    console.error(`flywheel: ${(error as Error).message}`);
    process.exit(1);
  }
}
