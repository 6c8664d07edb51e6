import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { InteractionList } from '@flywheel/api';
import { startTestFlywheel, type TestFlywheel } from '@flywheel/server/testing';
import { buildDashboard } from '../setup/dashboard';
import { launchBrowser, openPage, screenshot, settled, type PageWatch } from './support/browser';
import { fillWithSimulator } from './support/fill';

// The signal mix, the version comparison, the explorer's paging and its CSV export, in a real Chromium
// against a real Flywheel filled by the simulator (a regression that is rolled back: two versions).
let fw: TestFlywheel;
let browser: Browser;
let page: Page;
let watch: PageWatch;
let closePage: () => Promise<void>;
const SLOW = 150_000;

beforeAll(async () => {
  buildDashboard();
  [fw, browser] = await Promise.all([startTestFlywheel(), launchBrowser()]);
  await fillWithSimulator(fw, {
    scenario: 'regression',
    params: { dropPoints: 15, rollbackAfterDays: 5 },
    days: 30,
    dailyVolume: 200,
    start: '2026-08-01',
    alarmDays: 0,
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
  // Generous: on a loaded machine the overview's feedback checks alone can take half a minute.
  await settled(page, SLOW);
}

async function api<T>(path: string): Promise<T> {
  const response = await fetch(`${fw.apiUrl}${path}`);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

/** Bars drawn in the charts of one panel. */
const bars = (testId: string) =>
  page.locator(`[data-testid="${testId}"] .recharts-bar-rectangle path`).count();

function expectClean(): void {
  expect(watch.consoleErrors).toEqual([]);
  expect(watch.pageErrors).toEqual([]);
  expect(watch.serverErrors).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
}

// Each test may wait for several slow pages on a loaded machine.
describe('signal mix, version comparison and explorer', { timeout: 600_000 }, () => {
  it('pages ask for the small data extent, never a sample of interactions', async () => {
    await visit('/alarms');
    const fetched = watch.requests.filter((r) => r.startsWith('fetch ') && r.includes('/api/v1/'));
    expect(fetched.some((r) => r.includes('/api/v1/meta'))).toBe(true);
    expect(fetched.filter((r) => r.includes('/api/v1/interactions'))).toEqual([]);
  });

  it('draws the signal mix per kind on the overview and on velocity', async () => {
    await visit('/?range=all');
    await expect.poll(() => bars('signal-mix'), { timeout: SLOW }).toBeGreaterThan(10);
    await expect(page.getByTestId('signal-mix-totals').textContent()).resolves.toMatch(
      /signals · \d+(\.\d)?% explicit/,
    );
    expectClean();
    await visit('/velocity?range=all&workload=support-chat');
    await expect.poll(() => bars('signal-mix'), { timeout: SLOW }).toBeGreaterThan(10);
    const legend = await page
      .locator('[data-testid="signal-mix"] .recharts-legend-item-text')
      .allTextContents();
    expect(legend).toEqual(expect.arrayContaining(['accepted', 'thumbs up']));
    await screenshot(page, 'velocity');
    expectClean();
  });

  it('compares two versions from the velocity page: rates with intervals, mix and paired answers', async () => {
    await visit('/velocity?range=all&workload=support-chat');
    await page.locator('[data-testid="phases"] a', { hasText: 'Compare' }).first().click();
    await page.waitForURL(/\/compare\?/);
    await settled(page, SLOW);
    const table = page.getByTestId('compare-table');
    // Polled: on a loaded machine the table can arrive after the page has no loading state left.
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: SLOW }).toBe(6);
    const success = await table.locator('tbody tr', { hasText: 'Success rate' }).textContent();
    expect(success).toMatch(/\d+% of [\d,.k]+.*\d+% of [\d,.k]+.*pts.*95% CI/);
    expect(await page.getByTestId('compare-signal-table').locator('tbody tr').count()).toBeGreaterThan(2);
    const pairs = page.getByTestId('response-pairs').locator('.pair');
    expect(await pairs.count()).toBeGreaterThan(0);
    expect(await pairs.first().locator('.pair-side').count()).toBe(2);
    const [baseline, candidate] = await page
      .locator('[data-testid="compare-pickers"] select')
      .evaluateAll((selects) => selects.map((s) => (s as unknown as { value: string }).value));
    expect(baseline).not.toBe(candidate);
    await screenshot(page, 'compare');
    expectClean();
  });

  it('opens each of the gate’s rejection counts as exactly the interactions it counts', async () => {
    await visit('/velocity?range=30d&workload=support-chat');
    const links = page.locator('[data-testid="rejection-table"] [data-testid="rejection-link"]');
    await expect.poll(() => links.count(), { timeout: SLOW }).toBeGreaterThan(1);
    const rows = await links.evaluateAll((as) =>
      as.map((a) => ({ href: a.getAttribute('href')!, count: Number(a.getAttribute('data-count')) })),
    );
    // Each link keeps the table's range and workload: the explorer's total is the table's count.
    for (const { href, count } of rows) {
      expect(href).toMatch(/^\/explorer\?workload=support-chat&range=30d&gateReason=[a-z_]+$/);
      await visit(href);
      await expect
        .poll(() => page.getByTestId('interaction-count').getAttribute('data-total'), { timeout: SLOW })
        .toBe(String(count));
      // Under a chip naming the reason.
      expect(await page.getByTestId('chip-gateReason').textContent()).toMatch(/rejected by the gate: \S/);
    }
    // Followed by a click, the same; the chip's button removes the filter.
    await visit('/velocity?range=30d&workload=support-chat');
    await links.first().click();
    await page.waitForURL(/\/explorer\?.*gateReason=/);
    await settled(page, SLOW);
    const chip = page.getByTestId('chip-gateReason');
    await expect
      .poll(() => page.getByTestId('interaction-count').getAttribute('data-total'), { timeout: SLOW })
      .toBe(String(rows[0]!.count));
    await screenshot(page, 'explorer-gate-reason');
    await chip.getByRole('button').click();
    await page.waitForURL((url) => !url.searchParams.has('gateReason'));
    // Polled: the URL changes before React renders the page without the chip.
    await expect.poll(() => chip.count(), { timeout: SLOW }).toBe(0);
    expectClean();
  });

  it('pages the explorer forward and back with a stable total', async () => {
    await visit('/explorer?range=all&limit=50');
    const rows = page.locator('[data-testid="interaction-table"] tbody tr');
    const count = page.getByTestId('interaction-count');
    const first = await rows.locator('td:nth-child(1)').allTextContents();
    const total = await count.textContent();
    expect(total).toMatch(/^[\d,.k]+ interactions match · showing 50$/);
    expect(await rows.locator('[data-testid="row-signals"]').first().textContent()).not.toBe('');
    const pages = [first];
    for (let i = 0; i < 2; i++) {
      await page.getByTestId('page-older').click();
      await page.waitForURL(/cursor=/);
      await expect
        .poll(async () => (await rows.locator('td:nth-child(1)').allTextContents())[0])
        .not.toBe(pages.at(-1)![0]);
      await settled(page);
      pages.push(await rows.locator('td:nth-child(1)').allTextContents());
      expect(await count.textContent()).toBe(total);
    }
    // Newest first across pages: every row of a page is older than the page before it.
    expect(pages[1]![0]! <= pages[0]!.at(-1)!).toBe(true);
    expect(pages[2]![0]! <= pages[1]!.at(-1)!).toBe(true);
    for (const expected of [pages[1], pages[0]]) {
      await page.getByTestId('page-newer').click();
      await expect
        .poll(() => rows.locator('td:nth-child(1)').allTextContents(), { timeout: SLOW })
        .toEqual(expected);
      expect(await count.textContent()).toBe(total);
    }
    expect(await page.getByTestId('page-newer').isDisabled()).toBe(true);
    expectClean();
  });

  it('exports exactly the filtered rows as CSV', async () => {
    const meta = await api<{
      workloads: Array<{ workloadId: string; versions: Array<{ modelVersion: string }> }>;
    }>('/api/v1/meta');
    const versions = meta.workloads.find((w) => w.workloadId === 'support-chat')!.versions;
    await visit(
      `/explorer?range=all&workload=support-chat&outcome=failure&version=${versions[0]!.modelVersion}`,
    );
    expect(await page.inputValue('select[name="version"]')).toBe(versions[0]!.modelVersion);
    const href = await page.getByTestId('csv-export').getAttribute('href');
    expect(href).toMatch(/^\/api\/v1\/interactions\/export\?/);
    const csv = await (await fetch(`${fw.apiUrl}${href}`)).text();
    const lines = csv.trim().split('\n');
    // Every listed row, in the list's order: page through the API with the same filters.
    const query = new URL(href!, fw.apiUrl).search.slice(1);
    const listed: string[] = [];
    let cursor: string | null = null;
    let total = 0;
    do {
      const list: InteractionList = await api<InteractionList>(
        `/api/v1/interactions?${query}&limit=200${cursor ? `&cursor=${cursor}` : ''}`,
      );
      listed.push(...list.items.map((i) => i.requestId));
      total = list.total;
      cursor = list.nextCursor;
    } while (cursor);
    expect(listed.length).toBe(total);
    expect(total).toBeGreaterThan(0);
    const ids = lines.slice(1).map((l) => JSON.parse(l.slice(0, l.indexOf(','))) as string);
    expect(ids).toEqual(listed);
    const header = lines[0]!.split(',');
    const outcome = header.indexOf('"outcome"');
    expect(lines.slice(1).every((l) => l.split(',')[outcome] === '"failure"')).toBe(true);
    expectClean();
  });
});
