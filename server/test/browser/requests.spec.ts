import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { startTestApp, type TestApp } from '../support/test-app';

const H5_DIR = resolve(__dirname, '..', '..', '..', 'miniapp', 'dist', 'h5');
const SCREENSHOTS = resolve(__dirname, '..', '.tmp');

/**
 * A woman asks for help in the H5 build and the chair of her village takes it on from her
 * workbench; on a sensitive screen the quick-exit button leaves at once for a neutral page.
 */
describe('asking for help in the H5 build', () => {
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

  async function signedIn(person: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, deviceScaleFactor: 2 });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/`);
    await page.locator('.demo-person', { hasText: person }).first().click();
    await page.locator('.greeting', { hasText: person }).waitFor({ timeout: 20_000 });
    return page;
  }

  it('she sends a request, sees it submitted, and her chair accepts it from the inbox', async () => {
    const woman = await signedIn('王秀英');
    await woman.locator('.ask-for-help').first().click();
    await woman.locator('.category-card', { hasText: '困难帮扶与救助' }).click();
    await woman.locator('.answer-option', { hasText: '住房' }).click();
    await woman.locator('.request-description textarea').fill('房子漏雨，想申请帮扶');
    await woman.locator('.contact-option', { hasText: '微信' }).click();
    await woman.locator('.submit-request').click();
    await woman.locator('.request-state', { hasText: '已提交' }).waitFor({ timeout: 20_000 });
    mkdirSync(SCREENSHOTS, { recursive: true });
    await woman.screenshot({ path: join(SCREENSHOTS, 'request-submitted.png'), fullPage: true });

    const chair = await signedIn('张春梅');
    await chair.goto(`${t.baseUrl}/#/packages/workbench/index`);
    await chair.locator('.inbox-item').first().click();
    await chair.locator('.action-accept').click();
    const confirm = chair.locator('.action-confirm');
    if (await confirm.isVisible().catch(() => false)) await confirm.click();
    await chair.locator('.request-state', { hasText: '已受理' }).waitFor({ timeout: 20_000 });
    await chair.screenshot({ path: join(SCREENSHOTS, 'workbench-accepted.png'), fullPage: true });
  });

  it('quick exit leaves a sensitive screen for a neutral page at once', async () => {
    const woman = await signedIn('李桂兰');
    await woman.locator('.ask-for-help').first().click();
    await woman.locator('.category-card', { hasText: '家庭暴力求助' }).click();
    await woman.locator('.quick-exit').first().click();
    await woman.waitForURL(/pages\/neutral/, { timeout: 20_000 });
    await woman.locator('.neutral-page').waitFor();
    // Taro keeps the old page in the DOM while its exit animation runs: wait until it is gone.
    await woman.waitForFunction(`!document.body.innerText.includes('家庭暴力')`, undefined, { timeout: 5_000 });
    expect(await woman.locator('body').innerText()).not.toMatch(/妇联|求助|家庭暴力/);
    await woman.goBack().catch(() => undefined);
    await woman.waitForTimeout(500);
    expect(await woman.locator('body').innerText()).not.toMatch(/家庭暴力/);
  });
});
