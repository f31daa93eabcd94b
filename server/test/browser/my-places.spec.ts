import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { ApiPaths, ServiceCategoryKey, SiteKind, pathOf, type NearestResponse } from '@wfh/shared';
import { signInAs } from '../support/api-expect';
import { launchChromium } from '../support/browser';
import { H5_DIR, SCREENSHOTS } from '../support/h5-app';
import { locateHere, openMyPlaces, PHONE } from '../support/my-places';
import { waitUntil } from '../support/server-process';
import { call, startTestApp, type TestApp } from '../support/test-app';

/** 懿路村, where the demo's chair 张春梅 works and 王秀英 lives. */
const VILLAGE = '211221101200';
const SITE_NAME = '懿路村村部妇女之家';
const NEW_NAME = '懿路村村部妇女之家（一楼）';
/** The office, as the browser reports it (WGS-84); the app turns it into GCJ-02. */
const OFFICE_WGS84 = { latitude: 42.2901, longitude: 123.8402 };

/**
 * 「我的阵地」 in the H5 build against the real server (production mode: demo sites stay hidden):
 * the demo chair edits her 妇女之家 from her phone, standing at it (「我就在这里」), sets her body's
 * phone and office, and switches the 妇女之家 off; a woman looking for the nearest places sees each
 * change straight away.
 */
describe('a chair keeps her places current in the H5 build', () => {
  let t: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    if (!existsSync(join(H5_DIR, 'index.html'))) throw new Error(`No H5 build at ${H5_DIR}: run "pnpm build:h5" in miniapp first`);
    t = await startTestApp({ H5_DIR, SEED_DEMO: 'true' });
    const { accessToken } = await signInAs(t.baseUrl, 'chair-yilu');
    const created = await call(t.baseUrl, 'POST', pathOf(ApiPaths.federationSites, { id: VILLAGE }), {
      token: accessToken,
      body: {
        kind: SiteKind.WomensHome,
        name: SITE_NAME,
        address: '铁岭县新台子镇懿路村村民服务中心一楼',
        latitude: 42.1005,
        longitude: 123.5005,
        phone: '024-87650001',
        openingHours: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, opens: '00:00', closes: '24:00' })),
        services: [ServiceCategoryKey.LegalAid],
      },
    });
    expect(created.status).toBe(201);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  /** A phone at the office that lets the page use its position. */
  const atTheOffice: BrowserContextOptions = { geolocation: OFFICE_WGS84, permissions: ['geolocation'] };

  async function signedIn(person: string, options: BrowserContextOptions = {}): Promise<Page> {
    const context = await browser.newContext({ ...PHONE, ...options });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/`);
    await page.locator('.demo-person', { hasText: person }).first().click();
    await page.locator('.greeting', { hasText: person }).waitFor({ timeout: 20_000 });
    return page;
  }

  /** From her workbench to 「我的阵地」 of her village, as she taps it. */
  async function myPlaces(): Promise<Page> {
    const page = await signedIn('张春梅', atTheOffice);
    await openMyPlaces(page, t.baseUrl, VILLAGE);
    return page;
  }

  const nearestNow = async (type: 'site' | 'body', at: { latitude: number; longitude: number }) =>
    (await call<NearestResponse>(t.baseUrl, 'GET', `${ApiPaths.nearest}?latitude=${at.latitude}&longitude=${at.longitude}&type=${type}&radiusMetres=1000`)).body.items;

  it('she edits her 妇女之家 standing at it; a woman nearby finds it under its new name at once', async () => {
    const page = await myPlaces();
    const row = page.locator('.my-site', { hasText: SITE_NAME });
    await row.locator('.edit-site').click();
    await page.locator('.save-site').waitFor({ timeout: 20_000 });
    await page.locator('.site-name-input input').fill(NEW_NAME);
    await page.locator('.site-phone-input input').fill('0410-1234567');
    expect(await locateHere(page)).toMatch(/^已设定：北纬42\.29\d\d°，东经123\.84\d\d°$/);
    expect(await page.locator('.pick-on-map').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'my-places-site-form.png'), fullPage: true });
    await page.locator('.save-site').click();
    await page.locator('.my-site-name', { hasText: NEW_NAME }).waitFor({ timeout: 20_000 });

    const woman = await signedIn('王秀英', atTheOffice);
    await woman.locator('.allow-location').click();
    const item = woman.locator('.place-item', { hasText: NEW_NAME }).first();
    await item.waitFor({ timeout: 20_000 });
    expect(await item.locator('.place-distance').innerText()).toMatch(/^\d+米$/);
    const [found] = (await nearestNow('site', { latitude: 42.293, longitude: 123.846 })).filter((p) => p.name === NEW_NAME);
    expect(found).toMatchObject({ phone: '0410-1234567', federationId: VILLAGE });
  });

  it('she sets her body’s phone and office with 「我就在这里」; nearest finds the body there', async () => {
    const page = await myPlaces();
    await page.locator('.edit-profile').click();
    await page.locator('.profile-phone input').fill('0410-7654321');
    expect(await locateHere(page)).toMatch(/^已设定：北纬42\.29\d\d°/);
    await page.locator('.save-profile').click();
    await page.locator('.profile-phone-line', { hasText: '0410-7654321' }).waitFor({ timeout: 20_000 });
    expect(await page.locator('.profile-location-line').innerText()).toMatch(/^位置：北纬42\.29\d\d°，东经123\.84\d\d°$/);
    await page.screenshot({ path: join(SCREENSHOTS, 'my-places.png'), fullPage: true });

    const body = await waitUntil('the body at its office in nearest', 5_000, async () =>
      (await nearestNow('body', { latitude: 42.293, longitude: 123.846 })).find((p) => p.id === VILLAGE),
    50);
    expect(body).toMatchObject({ name: '懿路村妇联', phone: '0410-7654321', isDemo: false });
  });

  it('she switches her 妇女之家 off after saying yes; it leaves nearest and stays on her list to switch on again', async () => {
    const page = await myPlaces();
    const row = page.locator('.my-site', { hasText: NEW_NAME });
    await row.locator('.pause-site').click();
    await page.locator('.taro-model__confirm').click();
    await row.locator('.my-site-status', { hasText: '已暂停开放' }).waitFor({ timeout: 20_000 });

    await waitUntil('the 妇女之家 gone from nearest', 5_000, async () =>
      (await nearestNow('site', { latitude: 42.293, longitude: 123.846 })).every((p) => p.name !== NEW_NAME),
    50);
    await page.reload();
    await page.locator('.my-site', { hasText: NEW_NAME }).locator('.resume-site').waitFor({ timeout: 20_000 });
  });
});
