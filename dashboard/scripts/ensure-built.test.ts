import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_MARKER } from './build-marker';
import { dashboardIsStale, ensureDashboardBuilt } from './ensure-built';

// A tiny app built by the real Vite with the real marker plugin. It sits under dashboard/node_modules so
// it resolves the dashboard's own vite and react.
const DASHBOARD = join(dirname(fileURLToPath(import.meta.url)), '..');
let app: string;

beforeAll(() => {
  mkdirSync(join(DASHBOARD, 'node_modules', '.cache'), { recursive: true });
  app = mkdtempSync(join(DASHBOARD, 'node_modules', '.cache', 'ensure-built-'));
  mkdirSync(join(app, 'src'));
  writeFileSync(join(app, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(
    join(app, 'index.html'),
    '<!doctype html><div id="root"></div><script type="module" src="/src/main.ts"></script>\n',
  );
  writeFileSync(
    join(app, 'src', 'main.ts'),
    "import { createElement } from 'react';\nimport { createRoot } from 'react-dom/client';\n" +
      "createRoot(document.getElementById('root')!).render(createElement('p', null, 'hi'));\n",
  );
  writeFileSync(
    join(app, 'vite.config.ts'),
    `import { buildMarker } from ${JSON.stringify(join(DASHBOARD, 'scripts', 'build-marker.ts'))};\n` +
      'export default { plugins: [buildMarker()], logLevel: "warn" };\n',
  );
});
afterAll(() => rmSync(app, { recursive: true, force: true }));

const bundle = () =>
  readdirSync(join(app, 'dist', 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(app, 'dist', 'assets', f), 'utf8'))
    .join('\n');

describe('ensureDashboardBuilt', () => {
  it('builds for production even when the caller runs with NODE_ENV=test', () => {
    // vitest sets NODE_ENV=test: exactly the environment that used to leak into the build.
    expect(process.env.NODE_ENV).toBe('test');
    expect(dashboardIsStale(app)).toBe('dashboard/dist is missing');
    const lines: string[] = [];
    expect(ensureDashboardBuilt((l) => lines.push(l), app)).toBe(true);
    expect(lines).toEqual(['flywheel: building the dashboard (dashboard/dist is missing)…']);
    expect(JSON.parse(readFileSync(join(app, 'dist', BUILD_MARKER), 'utf8'))).toEqual({
      production: true,
      mode: 'production',
    });
    // React's development runtime spells out its errors; the production one ships codes.
    expect(bundle()).toMatch(/createRoot/);
    expect(bundle()).not.toMatch(/Target container is not a DOM element/);
    expect(dashboardIsStale(app)).toBeNull();
    expect(ensureDashboardBuilt(() => {}, app)).toBe(false);
  }, 60_000);

  it('rebuilds a development build and a build older than its sources', () => {
    writeFileSync(join(app, 'dist', BUILD_MARKER), '{"production":false,"mode":"development"}\n');
    expect(dashboardIsStale(app)).toBe('dashboard/dist is not a production build');
    rmSync(join(app, 'dist', BUILD_MARKER));
    expect(dashboardIsStale(app)).toBe('dashboard/dist is not a production build');
    expect(ensureDashboardBuilt(() => {}, app)).toBe(true);
    expect(dashboardIsStale(app)).toBeNull();

    const future = new Date(Date.now() + 60_000);
    utimesSync(join(app, 'src', 'main.ts'), future, future);
    expect(dashboardIsStale(app)).toBe('dashboard/dist is older than its sources');
  }, 60_000);
});
