import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { startTestApp, type TestApp } from '../support/test-app';

const H5_DIR = resolve(__dirname, '..', '..', '..', 'miniapp', 'dist', 'h5');
const SCREENSHOTS = resolve(__dirname, '..', '.tmp');

/**
 * The mini-program's H5 build, served by the real server (MariaDB, Redis, seeded 铁岭市 demo), in
 * Chromium at a phone's size: a woman signs in and sees her own village body with its parents.
 */
describe('H5 home page in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(join(H5_DIR, 'index.html'))) throw new Error(`No H5 build at ${H5_DIR}: run "pnpm build" first`);
    t = await startTestApp({ H5_DIR, SEED_DEMO: 'true' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 375, height: 740 }, deviceScaleFactor: 2 });
  });
  afterEach(() => page.close());

  it("shows the signed-in woman's village body and its parents", async () => {
    await page.goto(`${t.baseUrl}/`);
    await page.locator('.demo-person', { hasText: '王秀英' }).first().click();
    await page.locator('.home-body-name', { hasText: '懿路村妇联' }).waitFor({ timeout: 20_000 });
    const breadcrumb = await page.locator('.home-breadcrumb').innerText();
    expect(breadcrumb).toContain('铁岭县妇联');
    expect(breadcrumb).toContain('新台子镇妇联');
    expect(await page.locator('.greeting').innerText()).toContain('王秀英');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'home-wang-xiuying.png'), fullPage: true });
  });

  it('another woman sees her own village, not the first one', async () => {
    await page.goto(`${t.baseUrl}/`);
    await page.locator('.demo-person', { hasText: '李桂兰' }).first().click();
    await page.locator('.home-body-name', { hasText: '东孤家子村妇联' }).waitFor({ timeout: 20_000 });
    expect(await page.locator('.home-body-name').innerText()).not.toContain('懿路村');
  });

  it('reads comfortably: body text at least 18 px and the sign-in buttons at least 60 px tall', async () => {
    await page.goto(`${t.baseUrl}/`);
    const button = page.locator('.demo-person').first();
    await button.waitFor();
    // Runs in the page, where the DOM exists; the server's own tsconfig has no DOM types.
    const bodyFontPx = await page.evaluate(`parseFloat(getComputedStyle(document.body).fontSize)`);
    expect(bodyFontPx as number).toBeGreaterThanOrEqual(18);
    const box = await button.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(60);
  });
});
