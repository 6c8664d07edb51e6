import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_MARKER, type BuildInfo } from './build-marker';

/**
 * Builds the dashboard when `dist/` is missing, older than its sources or a development build, and does
 * nothing otherwise, so `flywheel start` stays fast. Concurrent callers (parallel test files) wait for
 * one build instead of writing `dist/` at the same time.
 */

const DASHBOARD_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = ['src', 'public', 'scripts', 'index.html', 'vite.config.ts', 'package.json'];
const LOCK_STALE_MS = 180_000;
const lockDir = (dir: string) => join(dir, 'node_modules', '.flywheel-build-lock');

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function readBuildInfo(dist: string): BuildInfo | null {
  try {
    return JSON.parse(readFileSync(join(dist, BUILD_MARKER), 'utf8')) as BuildInfo;
  } catch {
    return null;
  }
}

/** Why dist/ must be (re)built, or null when it is a current production build. */
export function dashboardIsStale(dir = DASHBOARD_DIR): string | null {
  const dist = join(dir, 'dist');
  const index = join(dist, 'index.html');
  if (!existsSync(index)) return 'dashboard/dist is missing';
  const sources = Math.max(...SOURCES.map((s) => newestMtime(join(dir, s))));
  if (statSync(index).mtimeMs < sources) return 'dashboard/dist is older than its sources';
  // No marker: built before builds recorded their mode, so not known to be a production build.
  if (readBuildInfo(dist)?.production !== true) return 'dashboard/dist is not a production build';
  return null;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function acquireLock(lock: string): void {
  const deadline = Date.now() + 2 * LOCK_STALE_MS;
  for (;;) {
    try {
      mkdirSync(lock);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A build killed mid-way leaves its lock behind; past the longest build it is taken over.
      const info = statSync(lock, { throwIfNoEntry: false });
      if (info && Date.now() - info.mtimeMs > LOCK_STALE_MS) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error('timed out waiting for another dashboard build');
      sleep(200);
    }
  }
}

/** Builds when needed; returns whether it built. Throws when the build fails. (`dir`: for tests.) */
export function ensureDashboardBuilt(
  log: (line: string) => void = console.log,
  dir = DASHBOARD_DIR,
): boolean {
  if (!dashboardIsStale(dir)) return false;
  const lock = lockDir(dir);
  mkdirSync(dirname(lock), { recursive: true });
  acquireLock(lock);
  try {
    // Another process may have finished the build while this one waited.
    const reason = dashboardIsStale(dir);
    if (!reason) return false;
    log(`flywheel: building the dashboard (${reason})…`);
    const vite = join(
      dirname(createRequire(join(dir, 'package.json')).resolve('vite/package.json')),
      'bin',
      'vite.js',
    );
    // Always a production build: NODE_ENV from the caller (vitest sets `test`) would otherwise make Vite
    // bundle React's development runtime, and `--mode` alone does not change that.
    const result = spawnSync(
      process.execPath,
      [vite, 'build', '--mode', 'production', '--logLevel', 'warn'],
      {
        cwd: dir,
        env: { ...process.env, NODE_ENV: 'production' },
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    if (result.status !== 0)
      throw new Error(`dashboard build failed (exit ${result.status ?? result.signal})`);
    const after = dashboardIsStale(dir);
    if (after) throw new Error(`dashboard build finished, but ${after}`);
    return true;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
