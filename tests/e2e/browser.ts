/**
 * Headless Debian Chromium for the browser tests, through playwright-core (Playwright's own
 * browser download does not work offline). Each test gets a fresh context; every request that is
 * not local (file:, data:, blob:, or the test's own http origin) is aborted and recorded, and
 * console errors and page errors are collected, so a test can assert the app stayed offline and
 * quiet.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const ROOT = resolve(__dirname, '../..');
export const DIST = join(ROOT, 'dist');
export const INDEX_URL = pathToFileURL(join(DIST, 'index.html')).href;
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Debian's chromium (`which chromium`), or CHROMIUM_PATH. */
export function chromiumPath(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('chromium not found: apt-get install -y chromium fonts-noto-cjk');
  }
}

/** Playwright gives each launch a new temporary user-data dir, removed on close. */
export function launchChromium(): Promise<Browser> {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ missing: run npm run build');
  return chromium.launch({ executablePath: chromiumPath(), args: ARGS, headless: true });
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

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}
