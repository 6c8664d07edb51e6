import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface AppSpec {
  /** A fresh directory outside the workspace. */
  dir: string;
  type: 'commonjs' | 'module';
  /** The app's entry, copied to index.js (so the package's `type` decides how Node loads it). */
  source: string;
  /** Files copied next to it as they are. */
  extraFiles?: Record<string, string>;
  /** What a user would pass to `npm install`: tarball paths and registry specs. */
  install: string[];
}

/**
 * Creates an app as a user outside this repository would: a bare package.json, then one plain
 * `npm install` of the tarballs and the app's own dependencies from the registry.
 */
export async function createApp(spec: AppSpec): Promise<void> {
  mkdirSync(spec.dir, { recursive: true });
  writeFileSync(
    join(spec.dir, 'package.json'),
    `${JSON.stringify({ name: 'packaged-app', version: '1.0.0', private: true, type: spec.type }, null, 2)}\n`,
  );
  copyFileSync(spec.source, join(spec.dir, 'index.js'));
  for (const [name, from] of Object.entries(spec.extraFiles ?? {})) copyFileSync(from, join(spec.dir, name));
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...spec.install], {
    cwd: spec.dir,
    env: appEnv(),
    timeout: 240_000,
    maxBuffer: 16 * 1024 * 1024,
  });
}

/** Runs the app with plain `node` (no tsx, no loader but the ones given) and parses its last line. */
export async function runApp<T>(dir: string, nodeArgs: string[], env: NodeJS.ProcessEnv): Promise<T> {
  const { stdout } = await run(process.execPath, [...nodeArgs, 'index.js'], {
    cwd: dir,
    env: { ...appEnv(), ...env },
    timeout: 60_000,
  });
  return JSON.parse(stdout.trim().split('\n').pop()!) as T;
}

/**
 * The environment of a user's shell, not of this test run: no settings pnpm passes to its scripts
 * (npm_*, except the registry and cache a user may have set), no NODE_OPTIONS (a loader there would
 * hide a package that needs one), and no OTel, Flywheel or OpenAI settings from the developer's shell.
 */
function appEnv(): NodeJS.ProcessEnv {
  const keep = /^npm_config_(registry|cache)$/i;
  const drop = /^(npm_|pnpm_|NODE_OPTIONS$|OTEL_|FLYWHEEL_|OPENAI_)/i;
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => keep.test(key) || !drop.test(key)));
}
