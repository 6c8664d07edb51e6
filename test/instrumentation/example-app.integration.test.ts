import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFlywheel, type TestFlywheel } from '@flywheel/server/testing';
import { getInteractions } from '../support/api';

// The instrumentation's example app, run as its README says, against a running Flywheel: the real
// `openai` SDK through registerFlywheel, a local fake OpenAI server, the real OTLP exporter.
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let fw: TestFlywheel;
let output = '';

beforeAll(async () => {
  fw = await startTestFlywheel();
  // Without OpenAI credentials the example starts its own fake provider.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('OPENAI_') && !k.startsWith('FLYWHEEL_')),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', 'instrumentation/examples/app.ts'], {
    cwd: root,
    env: { ...env, FLYWHEEL_ENDPOINT: fw.otlpUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`example app exited with ${code}: ${output}`);
}, 120_000);
afterAll(() => fw.dispose());

describe('instrumentation example app → collector → API', () => {
  it('stores both calls with model, tokens and content, joined to their signals with the right outcomes', async () => {
    const items = await getInteractions(fw.apiUrl, 'workload=support');
    expect(items).toHaveLength(2);
    const [streamed, answered] = items; // newest first
    expect(answered).toMatchObject({
      provider: 'openai',
      prompt: 'How do I reset my password?',
      // copy and edit count, but the explicit thumbs up decides
      signals: expect.arrayContaining(['copied', 'edited', 'thumbs_up']),
      outcome: 'success',
    });
    expect(answered!.response.length).toBeGreaterThan(0);
    expect(answered!.inputTokens).toBeGreaterThan(0);
    expect(answered!.userId).toMatch(/^[0-9a-f]{16,}$/); // pseudonymised, never 'user-123'
    expect(streamed).toMatchObject({
      prompt: 'Explain every account setting in detail.',
      outcome: 'failure',
    });
    expect(streamed!.signals).toEqual(expect.arrayContaining(['early_termination', 'regenerated']));
    expect(streamed!.timeToFirstChunkMs).not.toBeNull();
    expect(output).toContain('Stopped streamed answer');
  });
});
