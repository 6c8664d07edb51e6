import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(root, 'server', 'src', 'cli', 'main.ts');

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `flywheel …` to completion. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const child = spawnCli(args, env);
  return finished(child);
}

export function spawnCli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  /** Node's own flags, for those NODE_OPTIONS refuses (`--cpu-prof`). */
  nodeArgs: string[] = [],
): ChildProcess & { output: () => string } {
  // node --import tsx keeps the server in this one process, so a SIGKILL reaches the server itself.
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', cli, ...args], {
    cwd: root,
    env: { ...cleanEnv(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  return Object.assign(child, { output: () => output });
}

export function finished(child: ChildProcess): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
}

/** Waits for the start-up line and returns the URLs it announces. */
export async function started(
  child: ReturnType<typeof spawnCli>,
  timeoutMs = 60_000,
): Promise<{ otlpUrl: string; apiUrl: string }> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = /OTLP on (http:\/\/\S+)\/v1\/traces, API on (http:\/\/\S+) /.exec(child.output());
    if (match) return { otlpUrl: match[1]!, apiUrl: match[2]! };
    if (child.exitCode !== null) throw new Error(`flywheel exited: ${child.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`flywheel did not start: ${child.output()}`);
}

// The server reads FLYWHEEL_* and CLICKHOUSE_*; a developer's shell must not leak into the tests.
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('FLYWHEEL_') && !k.startsWith('CLICKHOUSE_')),
  );
}
