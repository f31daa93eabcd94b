import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { startTestApp, type TestApp } from '../support/test-app';

const H5_DIR = resolve(__dirname, '..', '..', '..', 'miniapp', 'dist', 'h5');
const SCREENSHOTS = resolve(__dirname, '..', '.tmp');

/** A woman signs up for the demo screening in the H5 build, sees her QR code, and gives the seat back. */
describe('activities in the H5 build', () => {
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

  it('she signs up, sees the QR code and six digits on 我的报名, and cancels', async () => {
    const woman = await signedIn('王秀英');
    await woman.goto(`${t.baseUrl}/#/pages/activities/index`);
    const card = woman.locator('.activity-item', { hasText: '免费两癌筛查' }).first();
    await card.waitFor({ timeout: 20_000 });
    expect(await card.innerText()).toContain('剩余25个名额');
    await card.locator('.activity-tap').first().click();
    await woman.locator('.sign-up').click();
    await woman.locator('.signup-outcome-text', { hasText: '报名成功' }).waitFor({ timeout: 20_000 });

    await woman.goto(`${t.baseUrl}/#/packages/activities/mine`);
    const seat = woman.locator('.signup-item', { hasText: '免费两癌筛查' }).first();
    await seat.locator('.qr-grid').waitFor({ timeout: 20_000 });
    expect(await seat.locator('.qr-dark').count()).toBeGreaterThan(100);
    expect(await seat.locator('.check-in-code').innerText()).toMatch(/\d{3}\s?\d{3}/);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await woman.screenshot({ path: join(SCREENSHOTS, 'activity-qr.png'), fullPage: true });

    await woman.goBack();
    await woman.locator('.cancel-signup').click();
    await woman.getByText('确定取消').click();
    await woman.locator('.signup-outcome-text', { hasText: '已取消报名' }).waitFor({ timeout: 20_000 });
    await woman.goto(`${t.baseUrl}/#/pages/activities/index`);
    await woman.locator('.activity-item', { hasText: '剩余25个名额' }).first().waitFor({ timeout: 20_000 });
  });
});
