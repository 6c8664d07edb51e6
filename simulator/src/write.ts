import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GroundTruth } from './truth/types';

export const GROUND_TRUTH_FILE = 'ground-truth.json';

/** Writes `<dir>/ground-truth.json` and returns its path. */
export async function writeGroundTruth(dir: string, truth: GroundTruth): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, GROUND_TRUTH_FILE);
  await writeFile(path, `${JSON.stringify(truth, null, 2)}\n`);
  return path;
}
