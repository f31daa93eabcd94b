import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiPaths, ServiceCategoryKey, SiteKind, pathOf } from '@wfh/shared';
import { signInAs } from '../support/api-expect';
import { launchChromium } from '../support/browser';
import { call, startTestApp, type TestApp } from '../support/test-app';

const H5_DIR = resolve(__dirname, '..', '..', '..', 'miniapp', 'dist', 'h5');
const SCREENSHOTS = resolve(__dirname, '..', '.tmp');
const SITE_NAME = '懿路村妇女之家';

/** Today in Asia/Shanghai, so the site is open whatever day the tests run (holidays included). */
const shanghaiToday = () => new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);

/**
 * The H5 build against the real server (production mode: demo sites stay hidden, so the chair adds a
 * real one first). A woman finds the nearest 妇女之家 with her location, opens it; another refuses
 * location and picks her village from the region tree.
 */
describe('finding places in the H5 build', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    t = await startTestApp({ H5_DIR, SEED_DEMO: 'true' });
    const { accessToken } = await signInAs(t.baseUrl, 'chair-yilu');
    const created = await call(t.baseUrl, 'POST', pathOf(ApiPaths.federationSites, { id: '211221101200' }), {
      token: accessToken,
      body: {
        kind: SiteKind.WomensHome,
        name: SITE_NAME,
        address: '铁岭县新台子镇懿路村村民服务中心一楼',
        latitude: 42.1005,
        longitude: 123.5005,
        phone: '024-87650001',
        openingHours: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, opens: '00:00', closes: '24:00' })),
        openingExceptions: [{ date: shanghaiToday(), closed: false, opens: '00:00', closes: '24:00' }],
        services: [ServiceCategoryKey.LegalAid, ServiceCategoryKey.FamilyEducation],
        chairPublicName: '张春梅',
      },
    });
    expect(created.status).toBe(201);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  afterEach(() => context?.close());

  async function signedIn(person: string, options: Parameters<Browser['newContext']>[0] = {}) {
    context = await browser.newContext({ viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, ...options });
    page = await context.newPage();
    await page.goto(`${t.baseUrl}/`);
    await page.locator('.demo-person', { hasText: person }).first().click();
    await page.locator('.greeting', { hasText: person }).waitFor({ timeout: 20_000 });
  }

  it('with her location she sees the nearest open 妇女之家 first, with its distance, and can open it', async () => {
    await signedIn('王秀英', { geolocation: { latitude: 42.1, longitude: 123.5 }, permissions: ['geolocation'] });
    await page.locator('.allow-location').click();
    await page.locator('.nearest-open', { hasText: SITE_NAME }).waitFor({ timeout: 20_000 });
    const item = page.locator('.place-item', { hasText: SITE_NAME }).first();
    await item.waitFor();
    expect(await item.locator('.place-distance').innerText()).toMatch(/^\d+米$|公里$/);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'home-nearby.png'), fullPage: true });

    await item.click();
    await page.locator('.site-name', { hasText: SITE_NAME }).waitFor({ timeout: 20_000 });
    expect(await page.locator('.site-hours').innerText()).toContain('周一');
    expect(await page.locator('.ask-help').isVisible()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'site-detail.png'), fullPage: true });

    // 导航到这里: the browser has no WeChat map, so she picks the map app she uses, each link
    // carrying the place's coordinates and name, or copies the address.
    await page.locator('.site-navigate').click();
    const links = page.locator('.map-choices .map-link');
    await links.first().waitFor({ timeout: 20_000 });
    expect(await links.allInnerTexts()).toEqual(['腾讯地图', '高德地图', '百度地图']);
    for (const href of await links.evaluateAll((all) => all.map((a) => a.getAttribute('href') ?? ''))) {
      expect(href).toMatch(/^https:\/\/(apis\.map\.qq\.com|uri\.amap\.com|api\.map\.baidu\.com)\//);
      expect(href).toMatch(/42\.100500.*123\.500500|123\.500500.*42\.100500/);
      expect(decodeURIComponent(href)).toContain(SITE_NAME);
    }
    expect(await page.locator('.map-choices .copy-address').isVisible()).toBe(true);

    // The page's own header brings her back to the list she came from.
    expect(await page.locator('.page-header .page-title').innerText()).toBe('妇女之家');
    await page.locator('.page-header .page-back').click();
    await page.locator('.place-item', { hasText: SITE_NAME }).first().waitFor({ timeout: 20_000 });
    // Home is a tab page: the tab bar is its way around, so the header goes once the site page has.
    await page.locator('.page-header').waitFor({ state: 'hidden', timeout: 20_000 });
  });

  it('without her location she picks her village from the region tree, and home shows it', async () => {
    await signedIn('李桂兰');
    await page.locator('.choose-village').click();
    for (const name of ['辽宁省', '铁岭市', '铁岭县', '新台子镇', '懿路村']) {
      await page.locator('.region-row', { hasText: name }).first().click();
    }
    await page.locator('.confirm-home').click();
    await page.locator('.home-body-name:not(.confirm-home-name)', { hasText: '懿路村妇联' }).waitFor({ timeout: 20_000 });
    const { accessToken } = await signInAs(t.baseUrl, 'woman-donggujiazi');
    const me = await call(t.baseUrl, 'GET', ApiPaths.me, { token: accessToken });
    expect(me.body.home.id).toBe('211221101200');
    // Other browser tests meet her in her own village.
    await call(t.baseUrl, 'PUT', ApiPaths.meHome, { token: accessToken, body: { federationId: '211221101201' } });
  });

  it('searching by part of a name shows each hit with its full path', async () => {
    await signedIn('王秀英');
    await page.locator('.choose-village').click();
    await page.locator('.place-search-input input, input.place-search-input').first().fill('东孤家子');
    const hit = page.locator('.search-hit', { hasText: '东孤家子村' }).first();
    await hit.waitFor({ timeout: 20_000 });
    expect(await hit.innerText()).toContain('新台子镇');
  });
});
