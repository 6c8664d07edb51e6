import { execFile } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const run = promisify(execFile);
const lastLine = (stdout: string): unknown => JSON.parse(stdout.trim().split('\n').pop()!);

describe('an ES module app that imports the SDKs before registerFlywheel', () => {
  it('is traced in its own Node process after awaiting fw.ready', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', resolve(here, 'testing/esm-app.ts')], {
      cwd: resolve(here, '..'),
      timeout: 60_000,
    });
    expect(lastLine(stdout)).toEqual({
      mode: 'sdk',
      exports: expect.any(Number),
      openaiSpan: true,
      anthropicSpan: true,
      anthropicBuiltInSpan: false,
      signal: true,
    });
  });

  it('is patched as it loads when started with --import @flywheel/instrumentation/hook', async () => {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', '--import', resolve(here, 'hook.ts'), resolve(here, 'testing/hooked-app.mjs')],
      { cwd: resolve(here, '..'), timeout: 60_000 },
    );
    expect(lastLine(stdout)).toEqual({ openai: true, anthropic: true });
  });
});
