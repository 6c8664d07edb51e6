import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const ARTIFACTS_DIR = join(ROOT, 'test', 'artifacts');

/** Debian's Chromium (test/setup/chromium.sh installs it); nothing downloads a browser of its own. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Everything a page did that a test may want to forbid: errors, dialogs, requests leaving the app. */
export interface PageWatch {
  consoleErrors: string[];
  pageErrors: string[];
  dialogs: string[];
  /** Requests to anything but the app's own origin. */
  foreignRequests: string[];
  /** Every request as `resourceType url`, in order. */
  requests: string[];
  /** Same-origin responses with a 5xx status. */
  serverErrors: string[];
  reset(): void;
}

export async function openPage(
  browser: Browser,
  origin: string,
  options: { width?: number; height?: number } = {},
): Promise<{ page: Page; watch: PageWatch; close(): Promise<void> }> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1440, height: options.height ?? 900 },
    deviceScaleFactor: 1,
    colorScheme: 'light',
    timezoneId: 'UTC',
    locale: 'en-US',
  });
  const page = await context.newPage();
  const watch: PageWatch = {
    consoleErrors: [],
    pageErrors: [],
    dialogs: [],
    foreignRequests: [],
    requests: [],
    serverErrors: [],
    reset() {
      for (const list of [
        this.consoleErrors,
        this.pageErrors,
        this.dialogs,
        this.foreignRequests,
        this.requests,
        this.serverErrors,
      ])
        list.length = 0;
    },
  };
  page.on('console', (message) => {
    if (message.type() === 'error') watch.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => watch.pageErrors.push(error.message));
  page.on('dialog', (dialog) => {
    watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    const url = request.url();
    watch.requests.push(`${request.resourceType()} ${url}`);
    if (!url.startsWith(`${origin}/`) && !url.startsWith('data:')) watch.foreignRequests.push(url);
  });
  page.on('response', (response) => {
    if (response.status() >= 500 && response.url().startsWith(origin))
      watch.serverErrors.push(`${response.status()} ${response.url()}`);
  });
  return { page, watch, close: () => context.close() };
}

/** Screenshots go to test/artifacts/ (gitignored) for people to look at. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/**
 * The browser's globals, for functions run in the page. The Node test program is typed without the DOM
 * library (it would change `fetch`'s types for every test), and strings cannot be evaluated instead: the
 * dashboard's Content-Security-Policy forbids eval. Use as `(globalThis as unknown as PageGlobals)`
 * inside the function (it is serialized, so it cannot call helpers from this file).
 */
export interface PageGlobals {
  document: { querySelectorAll(selector: string): ArrayLike<{ getAttribute(name: string): string | null }> };
  sessionStorage: { getItem(key: string): string | null };
  __xss?: string;
}

/** Waits until no "Loading …" state is left on the page. */
export async function settled(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    () =>
      (globalThis as unknown as PageGlobals).document.querySelectorAll('.state-loading, .tab-loading')
        .length === 0,
    undefined,
    { timeout },
  );
}
