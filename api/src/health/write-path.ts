import { statfs, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Below this much free space the data directory counts as nearly full: merges and inserts need room. */
export const DEFAULT_MIN_FREE_DISK_BYTES = 256 * 1024 * 1024;

/** What /healthz checks, each named in a problem it reports. */
export const HEALTH_CHECKS = ['storage_engine', 'last_insert', 'data_directory', 'disk_space'] as const;
export type HealthCheck = (typeof HEALTH_CHECKS)[number];

/** One reason the write path is failing, for an operator to read and an orchestrator to act on. */
export interface HealthProblem {
  check: HealthCheck;
  detail: string;
}

export interface WritePathOptions {
  /** The writer's last failed flush, null while inserts commit. */
  lastFailure: () => { message: string; at: Date } | null;
  /** The embedded engine's data directory; absent for a ClickHouse server, whose disk is not ours. */
  dataDir?: string | undefined;
  minFreeDiskBytes?: number | undefined;
}

let probes = 0;

/**
 * What stops writes from succeeding, besides an engine that does not answer: the last insert failed
 * (until one commits again), the data directory cannot be written, or its disk is nearly full. Each is
 * checked on every call, so the answer recovers as soon as the cause is gone.
 */
export async function writePathProblems(options: WritePathOptions): Promise<HealthProblem[]> {
  const problems: HealthProblem[] = [];
  const failure = options.lastFailure();
  if (failure)
    problems.push({ check: 'last_insert', detail: `${failure.message} (at ${failure.at.toISOString()})` });
  if (options.dataDir === undefined) return problems;

  // A real write, not access(): permissions, a read-only mount and a missing directory all show.
  const probe = join(options.dataDir, `.healthz-${process.pid}-${probes++}`);
  try {
    await writeFile(probe, 'ok');
    await unlink(probe);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    problems.push({ check: 'data_directory', detail: `the data directory cannot be written (${code})` });
  }
  try {
    const disk = await statfs(options.dataDir);
    const free = disk.bavail * disk.bsize;
    const minimum = options.minFreeDiskBytes ?? DEFAULT_MIN_FREE_DISK_BYTES;
    if (free < minimum)
      problems.push({
        check: 'disk_space',
        detail: `${mib(free)} free on the data directory's disk, below the ${mib(minimum)} writes need`,
      });
  } catch {
    // Reported above: a directory that cannot be read cannot be written either.
  }
  return problems;
}

const mib = (bytes: number) => `${Math.floor(bytes / (1024 * 1024))} MiB`;
