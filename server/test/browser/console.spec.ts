import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiPaths, ERROR_MESSAGES, ErrorCode, ServiceCategoryKey, consoleConfirmAddress, pathOf, type ConsoleSignInStart } from '@wfh/shared';
import { signInAs } from '../support/api-expect';
import { launchChromium } from '../support/browser';
import { H5_DIR, SCREENSHOTS } from '../support/h5-app';
import { auditCareMode, CARE_RULES, findingLines, until } from '../support/page-audit';
import { call, startTestApp, type TestApp } from '../support/test-app';

/** 懿路村, where the demo's chair 张春梅 works and 王秀英 lives. */
const VILLAGE = '211221101200';
const CHAIR = { key: 'chair-yilu', name: '张春梅' };
const WOMAN = 'woman-yilu';
const PC = { width: 1366, height: 768 };

/**
 * The staff console in a PC browser (the H5 build at 1366×768): the sign-in page shows a QR code, the
 * chair confirms it on her phone (here through the API, as the mini-program would once she scanned
 * it), and the PC lands on her wide workbench with her inbox, a left navigation instead of the tab
 * bar, care-mode sizes kept. Below 1024 px the same pages are the phone's again. And the phone's
 * side: the confirm page, as she sees it after scanning.
 */
describe('the staff console at a PC, signed in by QR code', () => {
  let t: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let chairToken: string;
  let requestCategory: string;

  beforeAll(async () => {
    if (!existsSync(join(H5_DIR, 'index.html'))) throw new Error(`No H5 build at ${H5_DIR}: run "pnpm build:h5" in miniapp first`);
    t = await startTestApp({ H5_DIR, SEED_DEMO: 'true' });
    browser = await launchChromium();
    chairToken = (await signInAs(t.baseUrl, CHAIR.key)).accessToken;
    // Something in her inbox to see at the PC.
    const woman = await signInAs(t.baseUrl, WOMAN);
    const filed = await call(t.baseUrl, 'POST', ApiPaths.requests, {
      token: woman.accessToken,
      body: { categoryKey: ServiceCategoryKey.FamilyEducation, description: '孩子周末没人看', answers: {}, contact: { method: 'wechat' }, federationId: VILLAGE },
    });
    if (filed.status !== 201) throw new Error(`filing a request answered ${filed.status}: ${JSON.stringify(filed.body)}`);
    requestCategory = filed.body.categoryName;
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  async function open(viewport: { width: number; height: number }): Promise<Page> {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
    contexts.push(context);
    return context.newPage();
  }

  async function expectCareMode(page: Page, where: string): Promise<void> {
    const audit = await auditCareMode(page, CARE_RULES);
    expect({ where, measured: audit.measured.texts > 0 }).toEqual({ where, measured: true });
    expect({ where, findings: findingLines(audit) }).toEqual({ where, findings: [] });
  }

  const visible = (page: Page, selector: string) => page.locator(selector).filter({ visible: true });

  it('shows a QR code of the confirm page, and once the chair confirms lands on her wide workbench with her inbox', async () => {
    const page = await open(PC);
    await page.goto(`${t.baseUrl}/#/packages/console/sign-in`);
    const code = visible(page, '.console-sign-in-code');
    await code.waitFor({ timeout: 20_000 });
    const id = await code.getAttribute('data-sign-in');
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await page.locator('.qr-row').count()).toBeGreaterThan(20);
    await expect(page.locator('.qr-frame').getAttribute('aria-label')).resolves.toBe('工作台登录二维码');
    // The wide layout: the navigation on the left, the code beside the steps, no phone tab bar.
    const nav = await visible(page, '.console-nav').boundingBox();
    const qr = await visible(page, '.qr-frame').boundingBox();
    expect(nav!.x).toBeLessThan(qr!.x);
    expect(nav!.width).toBeGreaterThanOrEqual(200);
    await expectCareMode(page, 'sign-in at 1366×768');
    await page.screenshot({ path: join(SCREENSHOTS, 'console-sign-in-1366.png') });

    // Her phone scanned it: what it opens is the confirm page of this very code.
    const shown = await call(t.baseUrl, 'GET', pathOf(ApiPaths.consoleSignIn, { id: id! }), { token: chairToken });
    expect(shown.body).toMatchObject({ state: 'pending', browser: 'Linux 电脑上的 Chrome 浏览器', mayConfirm: true });
    expect((await call(t.baseUrl, 'POST', pathOf(ApiPaths.consoleSignInConfirm, { id: id! }), { token: chairToken })).status).toBe(200);

    await page.waitForURL(/packages\/workbench\/index/, { timeout: 20_000 });
    await visible(page, '.inbox-item').first().waitFor({ timeout: 20_000 });
    await until(page, `![...document.querySelectorAll('.status')].some((el) => el.getClientRects().length > 0)`, 20_000, 'the workbench loaded');
    expect(await visible(page, '.inbox-title').allInnerTexts()).toContain(requestCategory);
    await expect(visible(page, '.console-nav-workbench.btn-primary').count()).resolves.toBe(1);
    expect(await visible(page, '.console-nav-dashboard').count()).toBe(1);
    await expectCareMode(page, 'workbench at 1366×768');
    await page.screenshot({ path: join(SCREENSHOTS, 'console-workbench-1366.png') });

    // 工作看板 as wide charts: the two weekly charts side by side, the categories after them.
    await visible(page, '.console-nav-dashboard').click();
    await visible(page, '.stats-body-name').waitFor({ timeout: 20_000 });
    const charts = await visible(page, '.stats-charts > .card').evaluateAll((cards) => cards.map((card) => card.getBoundingClientRect().top));
    expect(charts).toHaveLength(3);
    expect(Math.abs(charts[0]! - charts[1]!)).toBeLessThan(2);
    expect(charts[2]!).toBeGreaterThan(charts[0]!);
    await expectCareMode(page, 'dashboard at 1366×768');
    await page.screenshot({ path: join(SCREENSHOTS, 'console-dashboard-1366.png'), fullPage: true });

    // 首页 from the navigation: a tab page, its tab bar hidden at this width.
    await visible(page, '.console-nav-home').click();
    await visible(page, '.greeting').filter({ hasText: CHAIR.name }).waitFor({ timeout: 20_000 });
    expect(await visible(page, '.taro-tabbar__tabbar').count()).toBe(0);
    expect(await visible(page, '.console-nav').count()).toBe(1);

    // Narrower than 1024 px it is the phone's layout again: the tab bar, no navigation.
    await page.setViewportSize({ width: 375, height: 740 });
    await visible(page, '.taro-tabbar__tabbar').waitFor({ timeout: 20_000 });
    expect(await page.locator('.console-nav').count()).toBe(0);
  });

  it('on 我的, she sees this PC among hers and signs it out from there', async () => {
    const page = await open(PC);
    await page.goto(`${t.baseUrl}/#/packages/console/sign-in`);
    const code = visible(page, '.console-sign-in-code');
    await code.waitFor({ timeout: 20_000 });
    const id = (await code.getAttribute('data-sign-in'))!;
    await call(t.baseUrl, 'POST', pathOf(ApiPaths.consoleSignInConfirm, { id }), { token: chairToken });
    await page.waitForURL(/packages\/workbench\/index/, { timeout: 20_000 });

    await visible(page, '.console-nav-me').click();
    const row = visible(page, `.console-session[data-session="${id}"]`);
    await row.waitFor({ timeout: 20_000 });
    expect(await row.innerText()).toContain('Linux 电脑上的 Chrome 浏览器');
    await row.locator('.end-console-session').click();
    await visible(page, '.taro-model__confirm').click();
    await until(page, `!document.querySelector('.console-session[data-session="${id}"]')`, 20_000, 'the PC gone from her list');

    const listed = await call(t.baseUrl, 'GET', ApiPaths.myConsoleSessions, { token: chairToken });
    expect(listed.body.map((s: { id: string }) => s.id)).not.toContain(id);
    // Its own session over, the PC is back at a new code, told why.
    await visible(page, '.console-sign-in-ended').waitFor({ timeout: 20_000 });
    await visible(page, '.console-sign-in-code').waitFor({ timeout: 20_000 });
  });

  it('ended on her phone, the PC is refused on its next call and goes back to its QR code', async () => {
    const page = await open(PC);
    await page.goto(`${t.baseUrl}/#/packages/console/sign-in`);
    const code = visible(page, '.console-sign-in-code');
    await code.waitFor({ timeout: 20_000 });
    const id = (await code.getAttribute('data-sign-in'))!;
    await call(t.baseUrl, 'POST', pathOf(ApiPaths.consoleSignInConfirm, { id }), { token: chairToken });
    await page.waitForURL(/packages\/workbench\/index/, { timeout: 20_000 });
    await visible(page, '.inbox-item').first().waitFor({ timeout: 20_000 });

    // Her phone ends it; the PC's access token still has most of its minutes.
    expect((await call(t.baseUrl, 'DELETE', pathOf(ApiPaths.myConsoleSession, { id }), { token: chairToken })).status).toBe(204);
    const refused = page.waitForResponse((response) => response.url().includes('/api/') && response.status() === 401, { timeout: 20_000 });
    await visible(page, '.console-nav-dashboard').click();
    expect(await (await refused).json()).toMatchObject({ code: ErrorCode.ConsoleSessionEnded, message: ERROR_MESSAGES[ErrorCode.ConsoleSessionEnded] });

    await page.waitForURL(/packages\/console\/sign-in/, { timeout: 20_000 });
    const notice = visible(page, '.console-sign-in-ended');
    await notice.waitFor({ timeout: 20_000 });
    expect(await notice.innerText()).toBe(ERROR_MESSAGES[ErrorCode.ConsoleSessionEnded]);
    const next = visible(page, '.console-sign-in-code');
    await next.waitFor({ timeout: 20_000 });
    expect(await next.getAttribute('data-sign-in')).not.toBe(id);
    const storedToken = await page.evaluate(() =>
      (globalThis as unknown as { localStorage: { getItem(key: string): string | null } }).localStorage.getItem('wfh.accessToken'));
    expect(storedToken).toBeNull();
    await page.screenshot({ path: join(SCREENSHOTS, 'console-session-ended-1366.png') });
  });

  it('on her phone, the confirm page says where she is signing in, reads comfortably, and confirms', async () => {
    const pcCode: ConsoleSignInStart = (await call(t.baseUrl, 'POST', ApiPaths.consoleSignIns)).body;
    const phone = await open({ width: 375, height: 740 });
    await phone.goto(`${t.baseUrl}/`);
    await phone.locator('.demo-person', { hasText: CHAIR.name }).first().click();
    await phone.locator('.greeting', { hasText: CHAIR.name }).waitFor({ timeout: 20_000 });

    // As the scanned address would open it.
    await phone.goto(consoleConfirmAddress(`${t.baseUrl}/`, pcCode.id));
    await visible(phone, '.confirm-console-sign-in').waitFor({ timeout: 20_000 });
    expect(await visible(phone, '.console-confirm-title').innerText()).toBe('您正在电脑上登录网上妇女之家工作台');
    expect(await visible(phone, '.console-confirm-name').innerText()).toBe(CHAIR.name);
    await expectCareMode(phone, 'confirm at 375×740');

    await visible(phone, '.confirm-console-sign-in').click();
    await visible(phone, '.console-confirm-outcome').waitFor({ timeout: 20_000 });
    const handedOver = await call(t.baseUrl, 'POST', pathOf(ApiPaths.consoleSignInPoll, { id: pcCode.id }), { body: { pollToken: pcCode.pollToken } });
    expect(handedOver.body).toMatchObject({ state: 'confirmed', tokens: { user: { displayName: CHAIR.name } } });
  });
});
