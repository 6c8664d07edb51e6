import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNAL_KINDS } from '@flywheel/semconv';
import { startTestFlywheel, type TestFlywheel } from '@flywheel/server/testing';
import { FAKE_REPLY, startFakeOpenAI } from '../../instrumentation/src/testing/fake-openai';
import type { FakeServer } from '../../instrumentation/src/testing/fake-server';
import { getInteractions } from '../support/api';
import { createApp, runApp } from './app';
import { packWorkspacePackages } from './pack';

// @flywheel/semconv and @flywheel/instrumentation as an app outside this repository gets them: packed
// with `pnpm pack` (which builds them), installed with plain `npm` into fresh CommonJS and ES module
// apps in a temporary directory, run with plain `node` against a fake OpenAI and a running Flywheel.
const here = dirname(fileURLToPath(import.meta.url));
const workspace = JSON.parse(
  readFileSync(join(here, '..', '..', 'instrumentation', 'package.json'), 'utf8'),
) as {
  devDependencies: Record<string, string>;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
};
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const run = promisify(execFile);

interface AppOutput {
  mode: string;
  requestIds: string[];
  browserSignals: string;
  semconvKinds: number;
}

let work: string;
let commonjsApp: string;
let esmApp: string;
let fw: TestFlywheel;
let openai: FakeServer;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'flywheel-packaging-'));
  const tarballs = await packWorkspacePackages(['@flywheel/semconv', '@flywheel/instrumentation'], work);
  // What the README tells a user to install: both tarballs, the SDK they use and the OTel API (peers),
  // in the major lines the package is tested with.
  const install = [
    tarballs.get('@flywheel/semconv')!,
    tarballs.get('@flywheel/instrumentation')!,
    `openai@${workspace.devDependencies.openai}`,
    `@opentelemetry/api@${workspace.devDependencies['@opentelemetry/api']}`,
  ];
  commonjsApp = join(work, 'commonjs-app');
  esmApp = join(work, 'esm-app');
  const typesCheck = join(here, 'apps', 'types-check.ts');
  [fw, openai] = await Promise.all([
    startTestFlywheel(),
    startFakeOpenAI(),
    createApp({
      dir: commonjsApp,
      type: 'commonjs',
      source: join(here, 'apps', 'app.cjs'),
      extraFiles: { 'types-check.ts': typesCheck },
      install,
    }),
    createApp({
      dir: esmApp,
      type: 'module',
      source: join(here, 'apps', 'app.mjs'),
      extraFiles: { 'types-check.ts': typesCheck },
      install,
    }),
  ]);
}, 600_000);

// Each app holds some 45,000 installed files: removing them can take a minute on a busy disk.
afterAll(async () => {
  await fw?.dispose();
  await openai?.close();
  if (work !== undefined) await rm(work, { recursive: true, force: true });
}, 300_000);

function appRun(workload: string): NodeJS.ProcessEnv {
  return { FLYWHEEL_ENDPOINT: fw.otlpUrl, OPENAI_BASE_URL: `${openai.url}/v1`, WORKLOAD: workload };
}

/** Both chat calls of the run, with tokens, content and the accepted signal joined. */
async function expectAcceptedCalls(workload: string, output: AppOutput): Promise<void> {
  expect(output).toMatchObject({ mode: 'sdk', browserSignals: 'function' });
  expect(output.semconvKinds).toBe(SIGNAL_KINDS.length);
  const items = await getInteractions(fw.apiUrl, `workload=${workload}`);
  expect(items.map((i) => i.requestId).sort()).toEqual([...output.requestIds].sort());
  expect(items.map((i) => i.prompt).sort()).toEqual(['How do I reset my password?', 'Where is my invoice?']);
  for (const item of items) {
    expect(item).toMatchObject({
      provider: 'openai',
      requestModel: 'gpt-4o',
      response: FAKE_REPLY,
      inputTokens: 12, // the fake's usage
      outputTokens: 5,
      signals: ['accepted'],
      outcome: 'success',
    });
    expect(item.userId).toMatch(/^[0-9a-f]{16,}$/); // pseudonymised, never 'user-1'
  }
}

describe('the packed packages', () => {
  it('install the build alone: no sources, no workspace versions, declarations that import only dependencies', () => {
    for (const app of [commonjsApp, esmApp]) {
      const installed = join(app, 'node_modules', '@flywheel');
      // The tarball's semconv satisfies the instrumentation's dependency: nothing came from the registry.
      expect(readdirSync(installed).sort()).toEqual(['instrumentation', 'semconv']);
      expect(existsSync(join(installed, 'instrumentation', 'node_modules', '@flywheel'))).toBe(false);
      for (const name of ['instrumentation', 'semconv']) {
        const dir = join(installed, name);
        const manifest = readFileSync(join(dir, 'package.json'), 'utf8');
        expect(manifest).not.toContain('workspace:');
        expect(manifest).not.toContain('./src/');
        // npm may nest the package's own dependencies under it; everything else came from the tarball.
        const files = readdirSync(dir).filter((f) => f !== 'node_modules');
        expect(files.sort()).toEqual(['README.md', 'dist', 'package.json']);
        const allowed = new Set(Object.keys({ ...workspace.dependencies, ...workspace.peerDependencies }));
        for (const file of listFiles(join(dir, 'dist')).filter((f) => /\.d\.c?ts$/.test(f))) {
          const text = readFileSync(file, 'utf8');
          const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map(
            (m) => m[1]!,
          );
          for (const specifier of specifiers) {
            if (
              specifier.startsWith('.') ||
              specifier.startsWith('node:') ||
              builtinModules.includes(specifier)
            )
              continue;
            expect({
              file: relative(dir, file),
              specifier,
              allowed: allowed.has(packageOf(specifier)),
            }).toEqual({
              file: relative(dir, file),
              specifier,
              allowed: true,
            });
          }
          expect(text).not.toMatch(/\bsrc\//);
        }
      }
    }
  });

  it('type-check in a CommonJS and an ES module app (node16 resolution picks .d.cts and .d.ts)', async () => {
    for (const app of [commonjsApp, esmApp]) {
      writeFileSync(
        join(app, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: { module: 'nodenext', strict: true, noEmit: true, skipLibCheck: true, types: [] },
          files: ['types-check.ts'],
        }),
      );
      const result = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: app }).catch(
        (error: { stdout?: string }) => ({ stdout: error.stdout ?? String(error) }),
      );
      expect(result.stdout).toBe('');
    }
  });

  it('trace a CommonJS app that requires the SDK after registerFlywheel, with its accepted signals', async () => {
    const output = await runApp<AppOutput>(commonjsApp, [], appRun('packaged-cjs'));
    await expectAcceptedCalls('packaged-cjs', output);
  });

  it('trace an ES module app that imports the SDK before registerFlywheel, with its accepted signals', async () => {
    const output = await runApp<AppOutput>(esmApp, [], appRun('packaged-esm'));
    await expectAcceptedCalls('packaged-esm', output);
  });

  it('trace an ES module app started with --import @flywheel/instrumentation/hook, with its accepted signals', async () => {
    const output = await runApp<AppOutput>(esmApp, ['--import', '@flywheel/instrumentation/hook'], {
      ...appRun('packaged-esm-hook'),
      AUTO_IMPORT: 'false',
    });
    await expectAcceptedCalls('packaged-esm-hook', output);
  });
});

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}
