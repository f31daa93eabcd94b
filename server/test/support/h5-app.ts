import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { startTestApp, type TestApp } from './test-app';

export const H5_DIR = resolve(__dirname, '..', '..', '..', 'miniapp', 'dist', 'h5');
export const SCREENSHOTS = resolve(__dirname, '..', '.tmp');

/**
 * One app serving the H5 build with the demo data, one Chromium, and a fresh phone-sized context for
 * each demo person a test signs in as. Call inside a describe: it registers that block's hooks.
 */
export function useDemoH5(): {
  app: () => TestApp;
  baseUrl: () => string;
  signedIn: (person: string, options?: BrowserContextOptions) => Promise<Page>;
  /** A fresh phone nobody signed in on, opened at `route` (a public page: an SMS link, say). */
  signedOut: (route: string) => Promise<Page>;
  screenshot: (page: Page, name: string) => Promise<void>;
} {
  let t: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    t = await startTestApp({ H5_DIR, SEED_DEMO: 'true' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });
  return {
    app: () => t,
    baseUrl: () => t.baseUrl,
    async signedIn(person, options = {}) {
      const context = await browser.newContext({ viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, ...options });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(`${t.baseUrl}/`);
      await page.locator('.demo-person', { hasText: person }).first().click();
      await page.locator('.greeting', { hasText: person }).waitFor({ timeout: 20_000 });
      return page;
    },
    async signedOut(route) {
      const context = await browser.newContext({ viewport: { width: 375, height: 740 }, deviceScaleFactor: 2 });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(`${t.baseUrl}/#${route}`);
      return page;
    },
    async screenshot(page, name) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
    },
  };
}
