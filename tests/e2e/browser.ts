/**
 * Headless Debian Chromium for the browser tests, through playwright-core (Playwright's own
 * browser download does not work offline). Each test gets a fresh context; every request that is
 * not local (file:, data:, blob:, or the test's own http origin) is aborted and recorded, and
 * console errors and page errors are collected, so a test can assert the app stayed offline and
 * quiet.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';

export const ROOT = resolve(__dirname, '../..');
export const DIST = join(ROOT, 'dist');
export const INDEX_URL = pathToFileURL(join(DIST, 'index.html')).href;
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');

/** The view on screen (src/app/views.tsx). */
export function shownView(page: Page): Locator {
  return page.locator('main > .view-slot');
}

/** Playwright gives each launch a new temporary user-data dir, removed on close. */
export function launchChromium(): Promise<Browser> {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ missing: run npm run build');
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Requests that left the machine (or tried to) and were aborted. */
  blocked: string[];
  consoleErrors: string[];
  pageErrors: string[];
}

const LOCAL_SCHEMES = ['file:', 'data:', 'blob:'];

/** A fresh context (own storage) and page; `allowOrigin` is an http origin to let through. */
export async function openSession(
  browser: Browser,
  {
    allowOrigin,
    viewport = { width: 1920, height: 1080 },
  }: {
    allowOrigin?: string;
    viewport?: { width: number; height: number };
  } = {},
): Promise<Session> {
  const context = await browser.newContext({ viewport, acceptDownloads: true, locale: 'zh-CN' });
  const blocked: string[] = [];
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const isLocal = (url: string) =>
    LOCAL_SCHEMES.some((s) => url.startsWith(s)) ||
    (allowOrigin !== undefined && url.startsWith(`${allowOrigin}/`));
  await context.route(
    (url) => !isLocal(url.href),
    async (route) => {
      blocked.push(route.request().url());
      await route.abort('blockedbyclient');
    },
  );
  const page = await context.newPage();
  // Belt and braces: also record requests the router may not see.
  page.on('request', (req) => {
    if (!isLocal(req.url()) && !blocked.includes(req.url())) blocked.push(req.url());
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  return { context, page, blocked, consoleErrors, pageErrors };
}

/** The test stayed offline (no request left the machine) and logged no console or page error. */
export function expectQuiet(s: Session): void {
  expect(s.blocked, 'requests other than local files').toEqual([]);
  expect(s.consoleErrors, 'console errors').toEqual([]);
  expect(s.pageErrors, 'page errors').toEqual([]);
}

/**
 * Registers a test file's hooks: one Chromium for the file and a fresh Session per test, handed to
 * `onSession` and closed after the test (also when it failed). With `quiet`, every test must also
 * pass `expectQuiet`. Returns the browser, for tests that open a second session.
 */
export function sessionPerTest(
  onSession: (s: Session) => void,
  { quiet = false }: { quiet?: boolean } = {},
): () => Browser {
  let browser: Browser | undefined;
  let current: Session | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    if (!browser) throw new Error('Chromium did not start');
    current = await openSession(browser);
    onSession(current);
  });
  afterEach(async () => {
    const s = current;
    current = undefined;
    if (!s) return;
    try {
      if (quiet) expectQuiet(s);
    } finally {
      await s.context.close();
    }
  });
  return () => {
    if (!browser) throw new Error('Chromium did not start');
    return browser;
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/**
 * Waits for `locator`; if it never comes, fails with what the page showed instead (address,
 * focus, each view slot's state, error panels, page errors) and a screenshot, so a failure seen
 * once on a CI machine can be understood without reproducing it.
 */
export async function waitOrExplain(s: Session, locator: Locator, name: string): Promise<void> {
  const { page } = s;
  try {
    await locator.waitFor({ timeout: 15_000 });
  } catch (err) {
    const state = await page
      .evaluate(() => ({
        hash: location.hash,
        focus: document.activeElement?.outerHTML.slice(0, 160) ?? null,
        slots: [...document.querySelectorAll('main > .view-slot')].map(
          (el) => el.querySelector('h2')?.textContent ?? '(no h2)',
        ),
        errors: [...document.querySelectorAll('[role="alert"]')].map((el) =>
          (el.textContent ?? '').slice(0, 200),
        ),
      }))
      .catch((e: unknown) => `page not readable: ${String(e)}`);
    const shot = await screenshot(page, `failed-${name}`).catch(() => '(no screenshot)');
    throw new Error(
      `${String(err)}\npage state: ${JSON.stringify(state, null, 1)}\n` +
        `page errors: ${JSON.stringify(s.pageErrors)}\nconsole errors: ${JSON.stringify(s.consoleErrors)}\n` +
        `screenshot: ${shot}`,
    );
  }
}

/** Opens the folded comparison bar of the view on screen (its radios and checkboxes are inside). */
export async function openComparisonBar(page: Page): Promise<void> {
  const details = page.locator('details.comparison-details:visible');
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) {
    await details.locator('summary').click();
  }
}
