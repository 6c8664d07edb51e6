import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestFlywheel, type TestFlywheel } from '@flywheel/server/testing';
import { buildDashboard } from '../setup/dashboard';
import { launchBrowser, openPage, screenshot, settled, type PageGlobals } from './support/browser';
import { SEED_END, seedCalls, sendCalls, type CallSpec } from './support/seed';

// Stored prompts and responses come from end users and models: the dashboard must show them as the
// characters they are. Every payload below would run script, load a resource or navigate if it were
// rendered as HTML or Markdown.
const PAYLOADS = [
  '<script>window.__xss = "script"; alert("script")</script>',
  "<img src=x onerror=\"window.__xss='img'; alert('img')\">",
  '<img src="http://localhost:9/pixel.png">',
  '<svg onload="window.__xss=\'svg\'"></svg>',
  '<div onmouseover="window.__xss=\'hover\'" style="position:fixed;inset:0">hover me</div>',
  '<a href="javascript:window.__xss=\'link\'">click</a>',
  '<iframe src="http://localhost:9/frame"></iframe>',
  '<link rel="stylesheet" href="http://localhost:9/style.css"><style>@import url(http://localhost:9/import.css);</style>',
  '![x](http://127.0.0.1:9/x.png) and ![y](http://localhost:9/y.png)',
  '[click me](javascript:alert(1)) <base href="http://localhost:9/">',
];
const HOSTILE = PAYLOADS.join('\n');
const REQUEST_ID = 'hostile-1';

let fw: TestFlywheel;
let browser: Browser;

beforeAll(async () => {
  buildDashboard();
  [fw, browser] = await Promise.all([startTestFlywheel(), launchBrowser()]);
  const hostile: CallSpec = {
    workload: 'support-chat',
    service: 'support-bot',
    requestId: REQUEST_ID,
    version: 'support-v2',
    time: SEED_END - 3 * 3_600_000,
    latencyMs: 900,
    prompt: `Please summarize this page:\n${HOSTILE}`,
    response: `Sure. ${HOSTILE}\nThat is the page, quoted exactly as you sent it, with every tag left in place for you to review.`,
    userId: 'user-<b>bold</b>',
    signals: [{ kind: 'corrected', at: SEED_END - 3 * 3_600_000 + 60_000, correction: `No: ${HOSTILE}` }],
  };
  await sendCalls(fw.otlpUrl, [...seedCalls(10), hostile]);
});
afterAll(async () => {
  await browser?.close();
  await fw?.dispose();
});

describe('untrusted content', () => {
  it('renders prompts, responses and corrections as inert text and requests nothing', async () => {
    const { page, watch, close } = await openPage(browser, fw.apiUrl);
    try {
      await page.goto(`${fw.apiUrl}/explorer?q=${encodeURIComponent('onerror')}&range=all`);
      await settled(page);
      const row = page.locator('[data-testid="interaction-table"] tbody tr');
      expect(await row.count()).toBe(1);
      expect(await row.locator('td.excerpt').textContent()).toContain('<script>');
      await row.hover();
      await row.locator('a').click();
      await page.waitForURL(new RegExp(`/explorer/${REQUEST_ID}`));
      await settled(page);

      const prompt = await page.getByTestId('text-prompt').textContent();
      const response = await page.getByTestId('text-response').textContent();
      const correction = await page.getByTestId('signal-correction').textContent();
      for (const payload of PAYLOADS) {
        // Every payload is shown character for character (redaction at ingest replaces the IP address).
        const stored = payload.replace('127.0.0.1', '<IP_ADDRESS>');
        expect(prompt).toContain(stored);
        expect(response).toContain(stored);
        expect(correction).toContain(stored);
      }
      // Hover everything and click the would-be links: nothing runs.
      await page.getByTestId('text-prompt').hover();
      await page.getByTestId('text-response').click();

      // Nothing from the payloads became an element.
      const elements = await page.evaluate(() => {
        const { document: d, __xss } = globalThis as unknown as PageGlobals;
        const { origin } = (globalThis as unknown as { location: { origin: string } }).location;
        return {
          img: d.querySelectorAll('img').length,
          iframe: d.querySelectorAll('iframe').length,
          scripts: Array.from(d.querySelectorAll('script')).map((s) => s.getAttribute('src')),
          // The dashboard's own page chunks add same-origin stylesheets; a payload's would come from elsewhere.
          link: Array.from(d.querySelectorAll('link[rel="stylesheet"][href^="http"]')).filter(
            (l) => new URL(l.getAttribute('href')!).origin !== origin,
          ).length,
          base: d.querySelectorAll('base').length,
          handlers: d.querySelectorAll('[onerror], [onload], [onmouseover]').length,
          xss: __xss ?? null,
        };
      });
      expect(elements).toEqual({
        img: 0,
        iframe: 0,
        scripts: [expect.stringMatching(/^\/assets\/.+\.js$/)],
        link: 0,
        base: 0,
        handlers: 0,
        xss: null,
      });
      await screenshot(page, 'untrusted-content');

      expect(watch.dialogs).toEqual([]);
      expect(watch.pageErrors).toEqual([]);
      expect(watch.consoleErrors).toEqual([]);
      expect(watch.foreignRequests).toEqual([]);
      // Same-origin requests too: only the page itself, its bundled assets and the API.
      const unexpected = watch.requests.filter((r) => {
        const [type, url] = r.split(' ') as [string, string];
        const path = new URL(url).pathname;
        if (type === 'document') return !/^\/explorer/.test(path);
        if (path.startsWith('/assets/')) return !['script', 'stylesheet'].includes(type);
        return !(type === 'fetch' && (path.startsWith('/api/v1/') || path === '/healthz'));
      });
      expect(unexpected).toEqual([]);
    } finally {
      await close();
    }
  });

  it('serves the page with a Content-Security-Policy that forbids anything but its own origin', async () => {
    const response = await fetch(`${fw.apiUrl}/explorer/${REQUEST_ID}`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("img-src 'self' data:");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    // The built bundle references nothing outside the app (no CDN fonts, scripts or styles).
    const html = await response.text();
    expect(html).not.toMatch(/https?:\/\//);
    for (const asset of html.match(/\/assets\/[^"']+/g) ?? []) {
      const body = await (await fetch(`${fw.apiUrl}${asset}`)).text();
      expect(body, asset).not.toMatch(
        /@import\s+url\(\s*["']?https?:|fonts\.googleapis|cdn\.jsdelivr|unpkg\.com/,
      );
    }
  });
});
