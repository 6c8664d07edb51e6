import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestFlywheel, type TestFlywheel } from '@flywheel/server/testing';
import { buildDashboard } from '../setup/dashboard';
import { launchBrowser, openPage, screenshot, settled } from './support/browser';
import { seedCalls, sendCalls } from './support/seed';

let fw: TestFlywheel;
let browser: Browser;

beforeAll(async () => {
  buildDashboard();
  [fw, browser] = await Promise.all([startTestFlywheel(), launchBrowser()]);
  await sendCalls(fw.otlpUrl, seedCalls(40));
});
afterAll(async () => {
  await browser?.close();
  await fw?.dispose();
});

describe('explorer', () => {
  it('lists interactions, filters them through the URL, and keeps the filters on reload', async () => {
    const { page, watch, close } = await openPage(browser, fw.apiUrl);
    try {
      await page.goto(`${fw.apiUrl}/explorer?workload=support-chat&outcome=failure&range=all`);
      await settled(page);
      const rows = page.locator('[data-testid="interaction-table"] tbody tr');
      expect(await rows.count()).toBeGreaterThan(5);
      for (const text of await rows.locator('td:nth-child(2)').allTextContents())
        expect(text).toBe('support-chat');
      for (const text of await rows.locator('td:nth-child(4)').allTextContents())
        expect(text).toBe('failure');

      await page.selectOption('select[name="gate"]', 'rejected');
      await page.fill('input[name="q"]', 'invoices');
      await page.waitForURL(/q=invoices/);
      await settled(page);
      // The new query's rows replace the old ones after the URL changes: wait for them, not for a moment.
      await page.waitForFunction(
        () => {
          const doc = (
            globalThis as unknown as {
              document: { querySelectorAll(s: string): ArrayLike<{ textContent: string | null }> };
            }
          ).document;
          const cells = Array.from(
            doc.querySelectorAll('[data-testid="interaction-table"] tbody tr td:nth-child(7)'),
          );
          return cells.length > 0 && cells.every((c) => (c.textContent ?? '').includes('invoices'));
        },
        undefined,
        { timeout: 30_000 },
      );
      expect(page.url()).toContain('gate=rejected');
      const before = await rows.locator('td:nth-child(7)').allTextContents();
      expect(before.length).toBeGreaterThan(0);
      for (const text of before) expect(text).toContain('invoices');

      await page.reload();
      await settled(page);
      expect(await page.inputValue('input[name="q"]')).toBe('invoices');
      expect(await page.inputValue('select[name="gate"]')).toBe('rejected');
      expect(await page.inputValue('select[name="outcome"]')).toBe('failure');
      expect(await page.inputValue('select#workload')).toBe('support-chat');
      expect(await rows.locator('td:nth-child(7)').allTextContents()).toEqual(before);
      await screenshot(page, 'explorer');

      await rows.first().click();
      await page.waitForURL(/\/explorer\/support-chat-/);
      await settled(page);
      const detail = page.getByTestId('interaction-detail');
      await expect(detail.getByTestId('text-prompt').textContent()).resolves.toContain('invoices');
      expect(await detail.getByTestId('signal-timeline').locator('li').count()).toBeGreaterThan(0);
      expect(await detail.getByTestId('gate-reasons').locator('li').count()).toBeGreaterThan(0);
      expect(await detail.getByTestId('checks-table').locator('tr').count()).toBeGreaterThan(3);
      await screenshot(page, 'interaction');

      // The detail URL survives a reload too.
      await page.reload();
      await settled(page);
      expect(await page.getByTestId('interaction-detail').count()).toBe(1);

      expect(watch.consoleErrors).toEqual([]);
      expect(watch.pageErrors).toEqual([]);
      expect(watch.foreignRequests).toEqual([]);
      expect(watch.serverErrors).toEqual([]);
    } finally {
      await close();
    }
  });
});
