import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { killUnderLoad } from './kill-under-load';

const dir = mkdtempSync(join(tmpdir(), 'flywheel-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kill -9 under load', () => {
  it('loses no acknowledged span and counts none twice over 5 kills at random moments', async () => {
    const result = await killUnderLoad({ dataDir: dir, kills: 5, seed: Date.now(), log: console.log });
    console.log(JSON.stringify(result));
    expect(result.acknowledgedRequests).toBe(result.sentRequests);
    expect(result.acknowledgedRequests).toBeGreaterThanOrEqual(5);
    expect(result.lost).toEqual([]);
    expect(result.storedSpans).toBe(result.expectedSpans);
    expect(result.duplicatedWithFinal).toBe(0);
    expect(result.unexpected).toBe(0);
  }, 600_000);
});
