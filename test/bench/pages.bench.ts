/**
 * Page render times: every dashboard page opened cold (new browser context, empty cache) in headless
 * Chromium against a real Flywheel on the embedded engine, N times each; prints per page the median,
 * min and max time until it is rendered (no loading state left), its API requests and the bytes they
 * carried. A measurement, not a test: nothing here passes or fails.
 *
 *   pnpm bench:pages --data DIR          # an existing data directory, e.g. one `pnpm demo` filled
 *   pnpm bench:pages [--days 90]         # fills a fresh one with the regression scenario first
 */
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import type { Browser } from 'playwright-core';
import { parseKeys } from '@flywheel/collector';
import { startFlywheel } from '@flywheel/server';
import { buildScenario, runSimulation } from '@flywheel/simulator';
import { ensureDashboardBuilt } from '../../dashboard/scripts/ensure-built';
import { launchBrowser } from '../e2e/support/browser';

const options = new Command()
  .option('--data <dir>', 'a Flywheel data directory with data (default: a fresh one, filled)')
  .option('--days <n>', 'days of the regression scenario when filling', '90')
  .option('--runs <n>', 'cold loads per page', '5')
  .parse()
  .opts<{ data?: string; days: string; runs: string }>();

const PAGES = ['/', '/velocity', '/cycles', '/checks', '/alarms', '/explorer', '/compare'];

interface Load {
  ms: number;
  apiRequests: number;
  apiBytes: number;
  allBytes: number;
}

/** One cold load: from navigation start to the first frame with a page and no loading state left. */
async function load(browser: Browser, url: string): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, timezoneId: 'UTC' });
  const page = await context.newPage();
  const sizes: Array<Promise<{ api: boolean; bytes: number }>> = [];
  page.on('requestfinished', (request) =>
    sizes.push(
      request.sizes().then((s) => ({
        api: request.url().includes('/api/'),
        bytes: s.responseBodySize + s.responseHeadersSize,
      })),
    ),
  );
  await page.goto(url, { waitUntil: 'commit' });
  const ms = await page.waitForFunction(
    () => {
      const doc = (
        globalThis as unknown as {
          document: { querySelector(s: string): unknown; querySelectorAll(s: string): ArrayLike<unknown> };
        }
      ).document;
      const done =
        doc.querySelector('.page') !== null &&
        doc.querySelectorAll('.state-loading, .tab-loading').length === 0;
      return done ? (globalThis as unknown as { performance: { now(): number } }).performance.now() : false;
    },
    undefined,
    { polling: 'raf', timeout: 120_000 },
  );
  const rendered = (await ms.jsonValue()) as number;
  await page.waitForLoadState('networkidle');
  const all = await Promise.all(sizes);
  await context.close();
  return {
    ms: rendered,
    apiRequests: all.filter((s) => s.api).length,
    apiBytes: all.filter((s) => s.api).reduce((n, s) => n + s.bytes, 0),
    allBytes: all.reduce((n, s) => n + s.bytes, 0),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const fresh = options.data === undefined;
const dir = options.data ? resolve(options.data) : mkdtempSync(join(tmpdir(), 'flywheel-pages-'));
ensureDashboardBuilt(console.log);
const running = await startFlywheel(
  {
    dataDir: dir,
    host: '127.0.0.1',
    port: 0,
    otlpPort: 0,
    keys: parseKeys(undefined),
    storage: { engine: 'embedded', dataDir: join(dir, 'data'), database: 'default' },
    alarms: { intervalSeconds: 0, cooldownHours: 24, file: {} },
  },
  { log: () => {} },
);
const browser = await launchBrowser();
try {
  if (fresh) {
    console.log(`filling ${options.days} days of the regression scenario…`);
    await runSimulation(buildScenario('regression', { days: Number(options.days), seed: 11 }), {
      otlpUrl: running.otlpUrl,
      apiUrl: running.apiUrl,
      evaluateAlarmsEveryDays: 1,
      log: () => {},
    });
  }
  const meta = (await (await fetch(`${running.apiUrl}/api/v1/meta`)).json()) as {
    workloads: Array<{ interactions: number }>;
  };
  const interactions = meta.workloads.reduce((n, w) => n + w.interactions, 0);
  const cpu = cpus();
  console.log(
    `${new Date().toISOString()} · ${interactions} interactions · ${cpu.length} × ${cpu[0]?.model ?? 'cpu'} · ` +
      `${Math.round(totalmem() / 2 ** 30)} GiB · load ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} · ${options.runs} cold loads per page`,
  );
  // One warm-up load: the engine's first queries read from disk; users meet a running server.
  await load(browser, `${running.apiUrl}/`);
  const rows = [];
  for (const path of PAGES) {
    const loads: Load[] = [];
    for (let i = 0; i < Number(options.runs); i++)
      loads.push(await load(browser, `${running.apiUrl}${path}`));
    const ms = loads.map((l) => l.ms);
    rows.push({
      page: path,
      'median ms': Math.round(median(ms)),
      'min ms': Math.round(Math.min(...ms)),
      'max ms': Math.round(Math.max(...ms)),
      'API requests': loads[0]!.apiRequests,
      'API KB': Math.round(loads[0]!.apiBytes / 1024),
      'all KB': Math.round(loads[0]!.allBytes / 1024),
    });
    console.log(`${path}: ${ms.map((m) => Math.round(m)).join(', ')} ms`);
  }
  console.table(rows);
  console.log(
    `load after: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
} finally {
  await browser.close();
  await running.close();
  if (fresh) rmSync(dir, { recursive: true, force: true });
}
