import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestFlywheel, type TestFlywheel } from '@flywheel/server/testing';
import { buildDashboard } from '../setup/dashboard';
import { launchBrowser, openPage, screenshot, settled, type PageGlobals } from './support/browser';
import { seedCalls, sendCalls } from './support/seed';

const KEY = 'acme-dashboard-key-0123456789';
let fw: TestFlywheel;
let browser: Browser;

beforeAll(async () => {
  buildDashboard();
  [fw, browser] = await Promise.all([startTestFlywheel({ keys: `acme:${KEY}` }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await fw?.dispose();
});

describe('a server with project keys', () => {
  it('asks for a key, keeps it for the tab, sends it as a bearer token, and says where data goes', async () => {
    const { page, watch, close } = await openPage(browser, fw.apiUrl);
    const authorizations: (string | undefined)[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/')) authorizations.push(r.headers()['authorization']);
    });
    try {
      await page.goto(`${fw.apiUrl}/`);
      await page.getByTestId('key-prompt').waitFor();
      await screenshot(page, 'key-prompt', false);

      await page.fill('#api-key', 'wrong-key-0123456789abcdef');
      await page.click('[data-testid="key-prompt"] button');
      await expect(page.getByTestId('key-prompt').textContent()).resolves.toMatch(/refused/);

      await page.fill('#api-key', KEY);
      await page.click('[data-testid="key-prompt"] button');
      await page.getByTestId('no-data').waitFor();
      await expect(page.getByTestId('no-data').textContent()).resolves.toMatch(
        /No data yet — send spans to http:\/\/127\.0\.0\.1:4318\/v1\/traces, or run flywheel demo/,
      );
      await screenshot(page, 'no-data', false);

      // Data arrives under the key's project; a reload keeps the key (sessionStorage) and shows it.
      await sendCalls(fw.otlpUrl, seedCalls(14), KEY);
      await page.reload();
      await settled(page);
      expect(await page.getByTestId('key-prompt').count()).toBe(0);
      await page.getByTestId('workload-card').first().waitFor();
      expect(await page.getByTestId('workload-card').count()).toBe(3);
      expect(authorizations.at(-1)).toBe(`Bearer ${KEY}`);
      expect(
        await page.evaluate(() =>
          (globalThis as unknown as PageGlobals).sessionStorage.getItem('flywheel.apiKey'),
        ),
      ).toBe(KEY);
      // The key is never put in a URL or a cookie.
      expect(watch.requests.some((r) => r.includes(KEY))).toBe(false);
      expect((await page.context().cookies()).length).toBe(0);
      expect(watch.pageErrors).toEqual([]);
      expect(watch.foreignRequests).toEqual([]);

      await page.getByRole('button', { name: 'Forget key' }).click();
      await page.getByTestId('key-prompt').waitFor();
      expect(
        await page.evaluate(() =>
          (globalThis as unknown as PageGlobals).sessionStorage.getItem('flywheel.apiKey'),
        ),
      ).toBeNull();
    } finally {
      await close();
    }
  });
});
