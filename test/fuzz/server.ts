import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnCli, started } from '../support/process';
import type { FuzzTarget } from './run';

export interface FuzzServer extends FuzzTarget {
  /** Everything the server printed, for a report after a crash. */
  output(): string;
  stop(): Promise<void>;
}

/** The server's peak resident memory (Linux: VmHWM of /proc/<pid>/status); undefined elsewhere. */
function peakRss(pid: number | undefined): number | undefined {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `flywheel start` as a child process, keyless on loopback with ephemeral ports, in a fresh data
 * directory: the fuzz harness can tell a crash (the process exited) from a refusal.
 */
export async function startFuzzServer(): Promise<FuzzServer> {
  const dir = mkdtempSync(join(tmpdir(), 'flywheel-fuzz-'));
  const child = spawnCli(['start', '--data', dir, '--port', '0', '--otlp-port', '0']);
  let exited = false;
  let lastRss: number | undefined;
  child.on('exit', () => (exited = true));
  const urls = await started(child);
  return {
    ...urls,
    alive: () => !exited,
    // Read while alive; after an exit the last reading stands.
    peakRssBytes: () => (exited ? lastRss : (lastRss = peakRss(child.pid) ?? lastRss)),
    output: () => child.output(),
    async stop() {
      if (!exited) {
        const gone = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await gone;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
