import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestFlywheel, type TestFlywheel } from '@flywheel/server/testing';
import { buildDashboard } from '../setup/dashboard';
import { launchBrowser, openPage, screenshot, settled, type PageWatch } from './support/browser';
import { fillWithSimulator } from './support/fill';

// A warning is a warning on every page: a version whose feedback rewards flattery (the sycophancy
// scenario) is at alarm level, but the sycophancy alarm is opt-in, so the one verdict rule makes it a
// warning. Checks says so, the Overview's headline counts it and links to it instead of reading
// healthy, and the Alarms page neither has an alarm for it nor calls the project clear.

const CHECKS = ['drift', 'sycophancy', 'latency-bias', 'survivorship'] as const;
const SLOW = 150_000;

let fw: TestFlywheel;
let browser: Browser;
let page: Page;
let watch: PageWatch;
let closePage: () => Promise<void>;
const api: Record<string, string> = {};

beforeAll(async () => {
  buildDashboard();
  [fw, browser] = await Promise.all([startTestFlywheel(), launchBrowser()]);
  await fillWithSimulator(fw, {
    scenario: 'sycophancy',
    params: { workloads: ['support-chat'], sycophanticCycle: 1, cycleDays: 6 },
    days: 16,
    dailyVolume: 250,
    seed: 3,
    start: '2026-08-01',
    alarmDays: 0,
  });
  for (const c of CHECKS) {
    const response = await fetch(`${fw.apiUrl}/api/v1/checks/${c}`);
    expect(response.status, c).toBe(200);
    api[c] = ((await response.json()) as { verdict: string }).verdict;
  }
  ({ page, watch, close: closePage } = await openPage(browser, fw.apiUrl));
}, 600_000);
afterAll(async () => {
  await closePage?.();
  await browser?.close();
  await fw?.dispose();
});

async function visit(path: string): Promise<void> {
  watch.reset();
  await page.goto(`${fw.apiUrl}${path}`);
  await settled(page, SLOW);
}

describe('a feedback check in warning', { timeout: 600_000 }, () => {
  it('is a warning on Checks, in the Overview’s strip and in its headline, never healthy', async () => {
    expect(api.sycophancy).toBe('warn');
    await visit('/checks?check=sycophancy');
    for (const c of CHECKS)
      expect(await page.getByTestId(`tab-${c}`).getAttribute('data-verdict'), c).toBe(api[c]);

    await visit('/');
    for (const c of CHECKS)
      expect(await page.getByTestId(`overview-check-${c}`).getAttribute('data-verdict'), c).toBe(api[c]);
    const headline = page.getByTestId('project-verdict');
    const warned = CHECKS.filter((c) => api[c] === 'warn');
    expect(await headline.getAttribute('data-check-warnings')).toBe(warned.join(' '));
    expect(await headline.getAttribute('data-health')).not.toBe('healthy');
    expect(await headline.textContent()).not.toMatch(/The flywheel is spinning/);
    const link = headline.getByTestId('verdict-checks').filter({ hasText: 'warning' });
    expect(await link.textContent()).toBe(
      `${warned.length} warning${warned.length === 1 ? '' : 's'}: ${warned.map((c) => c.replace('-', ' ')).join(', ')}`,
    );
    await screenshot(page, 'overview-warning');
    // The headline's link opens the first check in warning.
    await link.click();
    await page.waitForURL((url) => url.pathname === '/checks' && url.searchParams.get('check') === warned[0]);
    await settled(page, SLOW);
    expect(await page.getByTestId(`tab-${warned[0]!}`).getAttribute('data-verdict')).toBe('warn');
    expect(watch.pageErrors).toEqual([]);
    expect(watch.serverErrors).toEqual([]);
  });

  it('raises no alarm, and the Alarms page does not call the project clear', async () => {
    await visit('/alarms?state=firing&range=all');
    const firing = await page
      .locator('[data-testid="alarm"][data-state="firing"]')
      .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-kind')));
    expect(firing).not.toContain('sycophancy');
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toMatch(/nothing needs you/i);
    if (firing.length === 0) expect(text).toMatch(/Warnings raise no alarm/);
  });
});
