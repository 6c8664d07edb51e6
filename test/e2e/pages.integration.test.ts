import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { VelocityReport } from '@flywheel/api';
import { startTestFlywheel, type TestFlywheel } from '@flywheel/server/testing';
import { buildDashboard } from '../setup/dashboard';
import { launchBrowser, openPage, screenshot, settled, type PageWatch } from './support/browser';
import { fillWithSimulator } from './support/fill';

// One simulated product (three workloads, cycles, a regression that is rolled back) viewed page by page
// in a real Chromium, as a product manager would.
let fw: TestFlywheel;
let browser: Browser;
let page: Page;
let watch: PageWatch;
let closePage: () => Promise<void>;

beforeAll(async () => {
  buildDashboard();
  [fw, browser] = await Promise.all([startTestFlywheel(), launchBrowser()]);
  // A clear regression (15 points, rolled back after 5 days) so its alarm fires on any machine.
  await fillWithSimulator(fw, {
    scenario: 'regression',
    params: { dropPoints: 15, rollbackAfterDays: 5 },
    days: 50,
    dailyVolume: 450,
    start: '2026-08-01',
    alarmDays: 30,
  });
  ({ page, watch, close: closePage } = await openPage(browser, fw.apiUrl));
}, 300_000);
afterAll(async () => {
  await closePage?.();
  await browser?.close();
  await fw?.dispose();
});

async function visit(path: string): Promise<void> {
  watch.reset();
  await page.goto(`${fw.apiUrl}${path}`);
  await settled(page);
}

/** Charts drawn with at least one series: a line path, a bar or a scatter point. */
async function chartsWithData(scope = 'body'): Promise<number> {
  return page
    .locator(`${scope} .recharts-surface`)
    .evaluateAll(
      (svgs) =>
        svgs.filter((svg) =>
          svg.querySelector(
            '.recharts-line-curve[d], .recharts-line-dot, .recharts-bar-rectangle path, .recharts-area-area',
          ),
        ).length,
    );
}

function expectClean(): void {
  expect(watch.consoleErrors).toEqual([]);
  expect(watch.pageErrors).toEqual([]);
  expect(watch.dialogs).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
  expect(watch.serverErrors).toEqual([]);
}

describe('dashboard pages with a simulated product', () => {
  it('overview: a verdict for the project and a card per workload', async () => {
    await visit('/');
    await expect(page.getByTestId('project-verdict').getAttribute('data-health')).resolves.toMatch(
      /healthy|attention|critical/,
    );
    const cards = page.getByTestId('workload-card');
    expect(await cards.count()).toBe(3);
    await expect.poll(() => chartsWithData('[data-testid="workload-card"]')).toBe(3);
    for (const text of await cards.allTextContents()) {
      expect(text).toMatch(/Success rate/);
      expect(text).toMatch(/\/day/);
      // "Gate" carries its glossary entry (a tooltip whose text is in the card's text) before "pass rate".
      expect(text).toMatch(/Gate[\s\S]*pass rate/);
    }
    // Each card shows the gate band the API gives its workload, from the very request the page made.
    const velocityUrl = watch.requests
      .map((r) => r.slice(r.indexOf(' ') + 1))
      .find((url) => url.includes('/api/v1/velocity?') && !url.includes('workload='))!;
    const report = (await (await fetch(velocityUrl)).json()) as VelocityReport;
    const shown: Record<string, string | null> = {};
    for (const card of await cards.all()) {
      const band = card.getByTestId('card-gate-band');
      expect(await band.locator('.badge').textContent()).toMatch(/\S/);
      shown[(await card.getAttribute('data-workload'))!] = await band.getAttribute('data-band');
    }
    expect(shown).toEqual(Object.fromEntries(report.workloads.map((w) => [w.workloadId, w.gate.band])));
    await screenshot(page, 'overview', false);
    expectClean();
  });

  it('moving from the overview to velocity asks for nothing twice', async () => {
    await visit('/');
    await page.getByRole('link', { name: 'Velocity', exact: true }).click();
    await page.waitForURL(/\/velocity/);
    await settled(page);
    await expect.poll(() => chartsWithData('[data-testid="success-rate"]')).toBeGreaterThan(0);
    const api = watch.requests.filter((r) => r.startsWith('fetch ') && r.includes('/api/v1/'));
    // The velocity page needs the project's daily velocity and the cycles the overview just loaded (one
    // velocity request carries every workload's own series too).
    expect(api.filter((r) => r.includes('/api/v1/velocity?')).length).toBeGreaterThan(0);
    expect(api.filter((r, i) => api.indexOf(r) !== i)).toEqual([]);
    expectClean();
  });

  it('velocity: collection, success, feedback, gate with its band and reasons, phases', async () => {
    await visit('/velocity?workload=support-chat');
    for (const id of [
      'data-collection',
      'success-rate',
      'feedback-rates',
      'gate-pass-rate',
      'gate-rejections',
    ])
      await expect.poll(() => chartsWithData(`[data-testid="${id}"]`), { message: id }).toBeGreaterThan(0);
    // The healthy 20–30% band is drawn on the pass-rate chart, and the API's band is named beside it.
    expect(await page.locator('[data-testid="gate-pass-rate"] .recharts-reference-area').count()).toBe(1);
    await expect(
      page.getByTestId('gate-pass-rate').locator('.panel-actions .badge').textContent(),
    ).resolves.toMatch(/ · (healthy|a little (strict|loose)|too (strict|loose)|not enough evaluated)/);
    expect(await page.getByTestId('phases').locator('tbody tr').count()).toBe(1);
    await screenshot(page, 'velocity');
    expectClean();
  });

  it('cycles: deltas against the band, deploy markers, the table and the diagnosis', async () => {
    await visit('/cycles?workload=support-chat&range=all');
    expect(await page.getByTestId('cycle-table').locator('tbody tr').count()).toBeGreaterThan(1);
    await expect.poll(() => chartsWithData('[data-testid="quality-delta"]')).toBe(1);
    await expect.poll(() => chartsWithData('[data-testid="success-with-deploys"]')).toBe(1);
    expect(
      await page.locator('[data-testid="success-with-deploys"] .recharts-reference-line').count(),
    ).toBeGreaterThan(0);
    expect(await page.getByTestId('stagnation').count()).toBe(1);
    await screenshot(page, 'cycles');
    expectClean();
  });

  it('checks: each check renders its charts and findings', async () => {
    const expected: Record<string, string[]> = {
      drift: ['drift-psi'],
      // The feedback–accuracy gap needs 30 labelled outcomes per side and version; it may honestly be empty.
      sycophancy: ['sycophancy-rates'],
      'latency-bias': ['latency-quintiles', 'length-quintiles'],
      survivorship: ['survivorship-share', 'survivorship-rates'],
    };
    for (const [check, panels] of Object.entries(expected)) {
      await visit(`/checks?check=${check}`);
      for (const id of panels)
        await expect
          .poll(() => chartsWithData(`[data-testid="${id}"]`), { message: `${check}/${id}` })
          .toBe(1);
      expect(await page.getByTestId('findings').locator('tr').count(), check).toBeGreaterThan(0);
      if (check === 'sycophancy') {
        // Drawn, or an explicit "cannot be judged yet": never an empty frame.
        const gap = async () =>
          (await chartsWithData('[data-testid="sycophancy-gap"]')) +
          (await page.getByTestId('sycophancy-gap').getByTestId('empty').count());
        await expect.poll(gap).toBe(1);
      }
      await screenshot(page, `checks-${check}`);
      expectClean();
    }
  });

  it('alarms: evidence and recommendation, one click from the evidence, markers on charts', async () => {
    await visit('/alarms?range=all');
    const alarms = page.getByTestId('alarm');
    expect(await alarms.count()).toBeGreaterThan(0);
    const regression = alarms.filter({ hasText: 'Regression after deploy' }).first();
    await expect(regression.textContent()).resolves.toMatch(/Roll back support-chat/);
    await screenshot(page, 'alarms');
    expectClean();

    // The link an alert carries opens this alarm, highlighted.
    const id = await regression.getAttribute('data-alarm-id');
    await visit(`/alarms?alarm=${id}&workload=support-chat`);
    expect(await page.locator(`.alarm-focused[data-alarm-id="${id}"]`).count()).toBe(1);

    // One click to the evidence: the cycles view of that workload around the firing, with the version marked.
    await page.locator(`[data-alarm-id="${id}"] [data-testid="alarm-evidence-link"]`).click();
    await page.waitForURL(/\/cycles\?/);
    await settled(page);
    const url = new URL(page.url());
    expect(url.searchParams.get('workload')).toBe('support-chat');
    expect(url.searchParams.get('from')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await page.locator('.row-highlight').count()).toBe(1);
    // The chart draws once its container is measured: wait for the markers.
    const markers = () =>
      page
        .locator('[data-testid="success-with-deploys"] .marker-label')
        .allTextContents()
        .then((texts) => texts.join(' | '));
    await expect.poll(markers).toMatch(/⚠ Regression after deploy/);
    expect(await markers()).toMatch(/▲ v2/);
    expect(await markers()).toMatch(/↩ v2 rolled back/);
    await screenshot(page, 'alarm-evidence');
    expectClean();
  });

  it('keeps workload, time range and page filters through a reload and through navigation', async () => {
    await visit('/velocity');
    await page.selectOption('select#workload', 'doc-summary');
    await page.selectOption('select#range', '7d');
    await settled(page);
    expect(page.url()).toMatch(/workload=doc-summary/);
    expect(page.url()).toMatch(/range=7d/);
    await page.reload();
    await settled(page);
    expect(await page.inputValue('select#workload')).toBe('doc-summary');
    expect(await page.inputValue('select#range')).toBe('7d');
    await expect(page.locator('.asof').textContent()).resolves.toMatch(/last 7 days · workload doc-summary/);

    await page.getByRole('link', { name: 'Checks', exact: true }).click();
    await page.waitForURL(/\/checks\?/);
    await page.getByTestId('tab-survivorship').click();
    await page.waitForURL(/check=survivorship/);
    await settled(page);
    await page.reload();
    await settled(page);
    expect(page.url()).toMatch(/workload=doc-summary/);
    expect(await page.getByTestId('check-survivorship').count()).toBe(1);
    expect(await page.inputValue('select#workload')).toBe('doc-summary');
    expectClean();
  });
});
