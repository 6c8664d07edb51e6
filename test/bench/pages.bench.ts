/**
 * Page render times: every dashboard page opened cold (new browser context, empty cache) in headless
 * Chromium against a real Flywheel on the embedded engine, N times each; prints per page the median,
 * min and max time until it is rendered (no loading state left), where the median load's time went (the
 * first API request, the last API answer, the longest request), its API requests and the bytes they
 * carried. Pages are timed once the read model has caught up with the data. A measurement, not a test:
 * nothing here passes or fails.
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
  /** When the first API request left and the last API answer ended, from navigation start. */
  firstApiMs: number;
  lastApiMs: number;
  /** The longest API request and its path. */
  slowest: { ms: number; path: string };
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
  // The page's own resource timings: where the time went (shell before the first API request, the
  // API, then drawing), on the page's clock.
  const api = (await page.evaluate(() =>
    (
      globalThis as unknown as {
        performance: {
          getEntriesByType(t: string): Array<{ name: string; startTime: number; responseEnd: number }>;
        };
      }
    ).performance
      .getEntriesByType('resource')
      .filter((e) => e.name.includes('/api/'))
      .map((e) => ({ name: e.name, start: e.startTime, end: e.responseEnd })),
  )) as Array<{ name: string; start: number; end: number }>;
  const beforeRender = api.filter((e) => e.start <= rendered);
  const slowest = beforeRender.reduce(
    (a, e) => (e.end - e.start > a.end - a.start ? e : a),
    beforeRender[0]!,
  );
  const all = await Promise.all(sizes);
  await context.close();
  return {
    ms: rendered,
    firstApiMs: Math.min(...beforeRender.map((e) => e.start)),
    lastApiMs: Math.max(...beforeRender.map((e) => e.end)),
    slowest: { ms: slowest.end - slowest.start, path: new URL(slowest.name).pathname },
    apiRequests: all.filter((s) => s.api).length,
    apiBytes: all.filter((s) => s.api).reduce((n, s) => n + s.bytes, 0),
    allBytes: all.reduce((n, s) => n + s.bytes, 0),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const fresh = options.data === undefined;
let lastSeal = Date.now();
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
  { log: (line) => (line.includes('read model') ? (lastSeal = Date.now()) : undefined) },
);

/**
 * Waits until the read model has caught up (no day sealed for three maintenance intervals), so pages
 * are timed on a server in its steady state rather than one sealing the days just written.
 */
async function settle(): Promise<number> {
  const started = Date.now();
  while (Date.now() - lastSeal < 15_000 && Date.now() - started < 300_000)
    await new Promise((r) => setTimeout(r, 1_000));
  return Date.now() - started;
}
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
  console.log(`read model caught up after ${Math.round((await settle()) / 1000)} s more`);
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
    const typical = loads.find((l) => l.ms === median(ms))!;
    rows.push({
      page: path,
      'median ms': Math.round(median(ms)),
      'min ms': Math.round(Math.min(...ms)),
      'max ms': Math.round(Math.max(...ms)),
      // Of the median load: the shell's share, when the API was done, and its longest request.
      'first API at': Math.round(typical.firstApiMs),
      'API done at': Math.round(typical.lastApiMs),
      'slowest API': `${Math.round(typical.slowest.ms)} ${typical.slowest.path.replace('/api/v1/', '')}`,
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
