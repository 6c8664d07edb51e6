import { createServer, type Server } from 'node:http';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestFlywheel, type TestFlywheel } from '@flywheel/server/testing';
import { buildDashboard } from '../setup/dashboard';
import {
  ARTIFACTS_DIR,
  launchBrowser,
  openPage,
  screenshot,
  settled,
  type PageGlobals,
} from './support/browser';
import { fillWithSimulator } from './support/fill';

// What a product manager trusts: the link an alarm sends opens that alarm, a check says the same on
// every page, and every page is usable with a screen reader and on a phone.

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const CHECKS = ['drift', 'sycophancy', 'latency-bias', 'survivorship'] as const;
/** The alarm kinds each check's findings can raise (api/src/analytics/feedback-checks/alarm-levels.ts). */
const CHECK_ALARMS: Record<(typeof CHECKS)[number], string[]> = {
  drift: ['drift', 'judge_agreement'],
  sycophancy: ['sycophancy'],
  'latency-bias': ['latency_bias'],
  survivorship: [],
};

interface Delivery {
  event: string;
  link: string;
  alarm: { id: string; kind: string };
}

let fw: TestFlywheel;
let browser: Browser;
let receiver: Server;
const deliveries: Delivery[] = [];

beforeAll(async () => {
  buildDashboard();
  // The destination: a local HTTP receiver, as a team's webhook endpoint would be.
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      deliveries.push(JSON.parse(body) as Delivery);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const port = (receiver.address() as { port: number }).port;
  [fw, browser] = await Promise.all([startTestFlywheel(), launchBrowser()]);
  const config = await fetch(`${fw.apiUrl}/api/v1/alerts/config`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      destinations: [
        {
          type: 'webhook',
          name: 'oncall',
          url: `http://127.0.0.1:${port}/hook`,
          secret: 'a-long-signing-key-0123',
        },
      ],
      rules: {},
      routes: {},
    }),
  });
  expect(config.status, await config.clone().text()).toBe(200);
  // A regression that pages and is rolled back, then weeks of calm: by the end the alarm lies outside
  // the default 30 days, as in the demo.
  await fillWithSimulator(fw, {
    scenario: 'regression',
    params: { dropPoints: 15, rollbackAfterDays: 5 },
    days: 50,
    dailyVolume: 450,
    start: '2026-08-01',
    alarmDays: 30,
    // Every other day is enough for a five-day regression to fire and resolve, at half the evaluations.
    alarmEveryDays: 2,
  });
  // The evaluator's view as of the newest data, as its schedule would leave it.
  expect((await fetch(`${fw.apiUrl}/api/v1/alarms/evaluate`, { method: 'POST' })).status).toBe(200);
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await fw?.dispose();
  await new Promise((resolve) => receiver?.close(resolve));
});

async function visit(page: Page, path: string): Promise<void> {
  await page.goto(path.startsWith('http') ? path : `${fw.apiUrl}${path}`);
  await settled(page, 60_000);
}

describe('alarm links', () => {
  it(
    'the link from a delivered webhook opens a page showing that alarm, whatever the range',
    { timeout: 300_000 },
    async () => {
      await expect
        .poll(
          () =>
            deliveries.find((d) => d.event === 'alarm.fired' && d.alarm.kind === 'regression_after_deploy'),
          {
            timeout: 30_000,
          },
        )
        .toBeTruthy();
      const fired = deliveries.find(
        (d) => d.event === 'alarm.fired' && d.alarm.kind === 'regression_after_deploy',
      )!;
      expect(fired.link.startsWith(`${fw.apiUrl}/alarms?alarm=${fired.alarm.id}`)).toBe(true);
      const { page, close } = await openPage(browser, fw.apiUrl);
      try {
        await visit(page, fired.link);
        const card = page.locator(`[data-testid="linked-alarm"] [data-alarm-id="${fired.alarm.id}"]`);
        await expect.poll(() => card.count()).toBe(1);
        expect(await card.textContent()).toMatch(/Regression after deploy/);
        expect(await card.getAttribute('class')).toMatch(/alarm-focused/);
        // The link carries no range. Opened while the header shows a range that misses the alarm, the page
        // widens it around the alarm.
        await visit(page, `${fired.link}&from=2026-08-01&to=2026-08-02`);
        await expect.poll(() => card.count()).toBe(1);
        const firedDay = (await (await fetch(`${fw.apiUrl}/api/v1/alarms/${fired.alarm.id}`)).json()) as {
          alarm: { firedAt: string };
        };
        const day = firedDay.alarm.firedAt.slice(0, 10);
        await expect.poll(() => new URL(page.url()).searchParams.get('to')! >= day).toBe(true);
        expect(new URL(page.url()).searchParams.get('from')! <= day).toBe(true);
        await screenshot(page, 'alarm-from-link');
        // The overview names the incident and links to it.
        await visit(page, '/?range=90d');
        const incident = page.locator(`[data-testid="incident"][data-alarm-id="${fired.alarm.id}"]`);
        expect(await incident.count()).toBe(1);
        // Under the default 30 days it is outside the range, and the strip says so.
        await visit(page, '/');
        if ((await page.getByTestId('no-incidents').count()) > 0)
          expect(await page.getByTestId('no-incidents').textContent()).toMatch(
            /resolved alarms? earlier — show/,
          );
      } finally {
        await close();
      }
    },
  );
});

describe('one verdict per check', () => {
  it('is the same on Checks, Overview and Alarms, and the API’s', { timeout: 300_000 }, async () => {
    const { page, close } = await openPage(browser, fw.apiUrl);
    try {
      await visit(page, '/checks');
      const onChecks = Object.fromEntries(
        await Promise.all(
          CHECKS.map(async (c) => [c, await page.getByTestId(`tab-${c}`).getAttribute('data-verdict')]),
        ),
      );
      await visit(page, '/');
      const onOverview = Object.fromEntries(
        await Promise.all(
          CHECKS.map(async (c) => [
            c,
            await page.getByTestId(`overview-check-${c}`).getAttribute('data-verdict'),
          ]),
        ),
      );
      // The headline counts the warnings among them, so it never reads healthy above one.
      const headline = page.getByTestId('project-verdict');
      const warned = CHECKS.filter((c) => onOverview[c] === 'warn');
      expect(await headline.getAttribute('data-check-warnings')).toBe(warned.join(' '));
      if (warned.length > 0) expect(await headline.getAttribute('data-health')).not.toBe('healthy');
      await screenshot(page, 'overview-verdicts');
      await visit(page, '/alarms?state=firing&range=all');
      const firingKinds = await page
        .locator('[data-testid="alarm"][data-state="firing"]')
        .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-kind')));
      for (const c of CHECKS) {
        const api = (await (await fetch(`${fw.apiUrl}/api/v1/checks/${c}`)).json()) as { verdict: string };
        expect(onChecks[c], c).toBe(api.verdict);
        expect(onOverview[c], c).toBe(api.verdict);
        // An alarm verdict is on the Alarms page; anything else raises none there.
        const raised = CHECK_ALARMS[c].some((kind) => firingKinds.includes(kind));
        expect(raised, `${c}: ${api.verdict}, firing ${firingKinds.join(', ')}`).toBe(
          api.verdict === 'alarm',
        );
      }
    } finally {
      await close();
    }
  });
});

describe('accessibility and phones', () => {
  const pages = async () => {
    const list = (await (await fetch(`${fw.apiUrl}/api/v1/interactions?limit=1`)).json()) as {
      items: Array<{ requestId: string }>;
    };
    return [
      '/',
      '/velocity',
      '/cycles',
      '/checks',
      '/checks?check=sycophancy',
      '/checks?check=latency-bias',
      '/checks?check=survivorship',
      '/alarms?range=all',
      '/compare?workload=support-chat&range=all',
      '/explorer',
      `/explorer/${encodeURIComponent(list.items[0]!.requestId)}`,
    ];
  };

  it('axe finds no serious or critical violation on any page', { timeout: 600_000 }, async () => {
    const { page, close } = await openPage(browser, fw.apiUrl);
    // axe runs as an init script: the page's CSP (script-src 'self') refuses an injected script tag,
    // while a script the browser adds to every document before the page's own is not subject to it.
    await page.context().addInitScript({ content: AXE });
    try {
      const found: string[] = [];
      for (const path of await pages()) {
        await visit(page, path);
        const violations = await page.evaluate(async () => {
          const axe = (
            globalThis as unknown as {
              axe: {
                run(ctx: unknown): Promise<{
                  violations: Array<{
                    id: string;
                    impact: string | null;
                    nodes: Array<{ target: string[] }>;
                  }>;
                }>;
              };
            }
          ).axe;
          const result = await axe.run((globalThis as unknown as PageGlobals).document);
          return result.violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            where: v.nodes.map((n) => n.target.join(' ')).slice(0, 3),
          }));
        });
        for (const v of violations)
          if (v.impact === 'serious' || v.impact === 'critical')
            found.push(`${path}: ${v.id} (${v.impact}) at ${v.where.join(', ')}`);
      }
      expect(found).toEqual([]);
      await visit(page, '/');
      expect(await page.locator('h1').count()).toBe(1);
    } finally {
      await close();
    }
  });

  it('fits a 390 px phone: the menu wraps and no page scrolls sideways', { timeout: 600_000 }, async () => {
    const { page, close } = await openPage(browser, fw.apiUrl, { width: 390, height: 844 });
    try {
      const widths: Record<string, number> = {};
      for (const path of await pages()) {
        await visit(page, path);
        widths[path] = await page.evaluate(
          () =>
            (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
              .documentElement.scrollWidth,
        );
      }
      for (const [path, width] of Object.entries(widths)) expect(width, path).toBeLessThanOrEqual(390);
      await visit(page, '/');
      await screenshot(page, 'overview-390');
    } finally {
      await close();
    }
  });
});

// With UPDATE_DOCS_SCREENSHOTS=1 the run refreshes the screenshots the docs show.
afterAll(() => {
  if (process.env.UPDATE_DOCS_SCREENSHOTS !== '1') return;
  if (!existsSync(join(ARTIFACTS_DIR, 'overview-390.png'))) return; // the run failed before them
  const docs = join(ARTIFACTS_DIR, '..', '..', 'docs', 'screenshots');
  copyFileSync(join(ARTIFACTS_DIR, 'overview-verdicts.png'), join(docs, 'overview.png'));
  copyFileSync(join(ARTIFACTS_DIR, 'alarm-from-link.png'), join(docs, 'alarm-link.png'));
  copyFileSync(join(ARTIFACTS_DIR, 'overview-390.png'), join(docs, 'overview-phone.png'));
});
