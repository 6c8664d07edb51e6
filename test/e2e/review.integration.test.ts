import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestFlywheel, type TestFlywheel } from '@flywheel/server/testing';
import { buildDashboard } from '../setup/dashboard';
import { launchBrowser, openPage, screenshot, settled } from './support/browser';
import { SEED_END, seedCalls, sendCalls } from './support/seed';

let fw: TestFlywheel;
let browser: Browser;
const WORKLOAD = 'support-chat';
const CORRECTION =
  'Open Team, press Invite and enter their e-mail address. In the mobile app it is under Settings, then Team, then Invite.';

const api = async (path: string, body?: unknown) => {
  const res = await fetch(`${fw.apiUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(res.status, `${path}: ${await res.clone().text()}`).toBe(200);
  return (await res.json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
};

beforeAll(async () => {
  buildDashboard();
  [fw, browser] = await Promise.all([startTestFlywheel(), launchBrowser()]);
  await sendCalls(fw.otlpUrl, seedCalls(40));
  // Two reviewers went through twelve items before (at the data's time), disagreeing on two: the
  // calibration panel has an overlap to measure.
  // Half of them passed the quality gate, half are the queue's high-value items (which mostly did not).
  const passed = await api(`/api/v1/interactions?workload=${WORKLOAD}&gate=passed&limit=6`);
  const queue = await api(`/api/v1/review-queue?workload=${WORKLOAD}&limit=50`);
  const ids = [...new Set([...passed.items, ...queue.items].map((i: { requestId: string }) => i.requestId))];
  const items = ids.slice(0, 12).map((requestId) => ({ requestId }));
  expect(passed.items.length).toBeGreaterThan(0);
  expect(items.length).toBe(12);
  const time = new Date(SEED_END - 86_400_000).toISOString();
  const reviews = items.flatMap((item: { requestId: string }, i: number) =>
    ['ana', 'ben'].map((reviewer) => ({
      requestId: item.requestId,
      reviewer,
      time,
      labels: {
        accuracy: reviewer === 'ben' && i % 6 === 0 ? false : i % 4 !== 3,
        helpfulness: true,
        safety: true,
      },
    })),
  );
  await api('/api/v1/reviews', { reviews });
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await fw?.dispose();
});

describe('review page', () => {
  it('claims items, scores one with a correction, submits the next, skips one', async () => {
    const { page, watch, close } = await openPage(browser, fw.apiUrl);
    try {
      await page.goto(`${fw.apiUrl}/review?workload=${WORKLOAD}&range=all`);
      await settled(page);
      // Calibration: kappa on the two reviewers' overlap; the gate's precision and recall (no seeded
      // interaction both passed the gate and was reviewed, so precision has no denominator here).
      const agreement = page.getByTestId('agreement');
      await agreement.locator('tbody tr').first().waitFor({ timeout: 60_000 });
      const accuracy = await agreement.locator('tbody tr').first().locator('td').allTextContents();
      expect(accuracy[0]).toBe('accuracy');
      expect(Number(accuracy[1])).toBeGreaterThanOrEqual(9);
      expect(accuracy[3]).toMatch(/^0\.\d\d$/);
      expect(await page.getByTestId('gate-precision').textContent()).toMatch(/^(\d+%|—)$/);
      expect(await page.getByTestId('gate-recall').textContent()).toMatch(/^\d+%$/);

      // Claim.
      await page.getByTestId('reviewer').fill('e2e-reviewer');
      await page.getByTestId('claim').click();
      const item = page.getByTestId('review-item');
      await item.waitFor();
      await settled(page);
      await expect(page.getByTestId('progress').textContent()).resolves.toMatch(/^Item 1 of 10 · 0 reviewed/);
      const first = (await item.locator('h1').textContent())!;
      expect(first).toMatch(/^support-chat-/);
      const prompt = (await item.getByTestId('text-prompt').textContent())!;
      expect(prompt.length).toBeGreaterThan(0);
      expect(await item.getByTestId('text-response').textContent()).not.toBe('');
      expect(await item.getByTestId('signal-timeline').locator('li').count()).toBeGreaterThan(0);

      // Score with the keys: accuracy fails, then a corrected response, then Ctrl+Enter.
      await page.keyboard.press('1');
      await expect(
        page
          .getByTestId('metric-accuracy')
          .getByRole('button', { name: 'Fail' })
          .getAttribute('aria-pressed'),
      ).resolves.toBe('true');
      await expect(page.getByTestId('score-verdict').textContent()).resolves.toMatch(/^Not gold/);
      await page.keyboard.press('c');
      await page.getByTestId('correction').pressSequentially(CORRECTION.slice(0, 20));
      await page.getByTestId('correction').fill(CORRECTION);
      await screenshot(page, 'review');
      await page.keyboard.press('Control+Enter');
      await page.waitForFunction(
        () =>
          (
            (
              globalThis as unknown as {
                document: { querySelector(s: string): { textContent: string } | null };
              }
            ).document.querySelector('[data-testid="progress"]')?.textContent ?? ''
          ).startsWith('Item 2 of 10 · 1 reviewed'),
        undefined,
        { timeout: 30_000 },
      );
      // The form starts afresh for the next item.
      await settled(page);
      const second = (await item.locator('h1').textContent())!;
      expect(second).not.toBe(first);
      await expect(
        page
          .getByTestId('metric-accuracy')
          .getByRole('button', { name: 'Pass' })
          .getAttribute('aria-pressed'),
      ).resolves.toBe('true');

      // Next: all pass with Enter; then skip one with n.
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        () =>
          (
            (
              globalThis as unknown as {
                document: { querySelector(s: string): { textContent: string } | null };
              }
            ).document.querySelector('[data-testid="progress"]')?.textContent ?? ''
          ).startsWith('Item 3 of 10 · 2 reviewed'),
        undefined,
        { timeout: 30_000 },
      );
      await settled(page);
      await page.keyboard.press('n');
      await expect(page.getByTestId('progress').textContent()).resolves.toMatch(
        /^Item 4 of 10 · 2 reviewed · 1 skipped/,
      );

      // The server has both reviews: the corrected item is now a gold example with the reviewer's answer,
      // and neither reviewed item is offered to this reviewer again.
      const similar = await api(
        `/api/v1/examples/similar?workload=${WORKLOAD}&k=50&text=${encodeURIComponent(prompt)}`,
      );
      const corrected = similar.examples.find((e: { requestId: string }) => e.requestId === first);
      expect(corrected).toMatchObject({ source: 'correction', expected: CORRECTION });
      const again = await api('/api/v1/review-queue/claim', {
        reviewer: 'e2e-reviewer',
        workload: WORKLOAD,
        limit: 100,
      });
      const ids = again.items.map((i: { requestId: string }) => i.requestId);
      expect(ids).not.toContain(first);
      expect(ids).not.toContain(second);

      expect(watch.pageErrors).toEqual([]);
      expect(watch.consoleErrors).toEqual([]);
      expect(watch.serverErrors).toEqual([]);
      expect(watch.foreignRequests).toEqual([]);
    } finally {
      await close();
    }
  });
});
