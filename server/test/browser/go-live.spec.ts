import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createConnection, type Connection } from 'mysql2/promise';
import { Redis } from 'ioredis';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import {
  ApiPaths,
  ErrorCode,
  HealthPaths,
  RoleKind,
  ServiceCategoryKey,
  consoleConfirmAddress,
  consoleSignInIdOf,
  pathOf,
  type AuthTokens,
  type MeResponse,
  type NearestResponse,
  type RequestDetail,
  type RequestSummary,
  type SearchResponse,
  type SiteSummary,
} from '@wfh/shared';
import { expectApiError } from '../support/api-expect';
import { launchChromium } from '../support/browser';
import { startFakeWechat, type FakeWechat } from '../support/fake-wechat';
import { H5_DIR, SCREENSHOTS } from '../support/h5-app';
import { locateHere, locationShown, openMyPlaces, PHONE } from '../support/my-places';
import { runBuiltCli, startServerProcess, stopAllServerProcesses, waitUntil, warnings, type ServerProcess } from '../support/server-process';
import { TEST_DB_ADMIN_URL, TEST_DB_PASSWORD, TEST_DB_USER, TEST_REDIS_URL } from '../support/services';
import { call, TEST_DATA_KEY, TEST_JWT_SECRET, TEST_PHONE_DIGEST_KEY, TEST_WECHAT } from '../support/test-app';

/** 铁岭县 and, in it, 懿路村 of 新台子镇: real division codes, imported by the regions command. */
const CITY = '2112';
const COUNTY = '211221';
const VILLAGE = '211221101200';
const ADMIN = { name: '陈静', phone: '13800000001', openid: 'go-live-chenjing' };
const CHAIR = { name: '李春梅', phone: '13900000002', openid: 'go-live-lichunmei' };
const WOMAN = { openid: 'go-live-woman' };
/**
 * Where the chair stands at her 妇女之家's door, as her phone's browser reports it (WGS-84, about a
 * kilometre from where the county's sheet put it); the page turns it into the maps' GCJ-02.
 */
const STANDING = { latitude: 42.3931, longitude: 123.5386 };
/** About 200 m south of wherever she saved it: 0.0018° of latitude. */
const SOUTH_200M = 0.0018;
const PC = { width: 1366, height: 768 };

/**
 * The county's sheet of its 妇女之家 as a county keeps it, with three rows it must fix: a village name
 * two townships share, a kind the system does not know, and a new place with no location.
 */
const SITES_WITH_PROBLEMS = `名称,类型,乡镇（街道）,所属组织,地址,纬度,经度,开放时间,电话,服务内容,负责人
懿路村妇女之家,妇女之家,新台子镇,懿路村,新台子镇懿路村村委会一楼,42.3905,123.5512,周一至周五 8:30-17:30,0410-6011234,法律帮助与维权、家庭教育指导,李主席
北地村妇女之家,妇女之家,,北地村,北地村村委会,42.3801,123.5602,每天 9:00-17:00,,心理疏导,
杨士屯村妇女之家,妇女活动室,新台子镇,杨士屯村,杨士屯村文化广场旁,42.3702,123.5703,,,,
东孤家子村妇女之家,妇女之家,新台子镇,东孤家子村,东孤家子村委会,,,,,,
`;
const SITES_FIXED = `名称,类型,乡镇（街道）,所属组织,地址,纬度,经度,开放时间,电话,服务内容,负责人
懿路村妇女之家,妇女之家,新台子镇,懿路村,新台子镇懿路村村委会一楼,42.3905,123.5512,周一至周五 8:30-17:30,0410-6011234,法律帮助与维权、家庭教育指导,李主席
北地村妇女之家,妇女之家,新台子镇,北地村,北地村村委会,42.3801,123.5602,每天 9:00-17:00,,心理疏导,
杨士屯村妇女之家,妇女之家,新台子镇,杨士屯村,杨士屯村文化广场旁,42.3702,123.5703,,,,
东孤家子村妇女之家,妇女之家,新台子镇,东孤家子村,东孤家子村委会,42.3603,123.5804,,,,
`;
/** Its people: a phone with digits missing, and a title that is not a role. */
const PEOPLE_WITH_PROBLEMS = `姓名,手机号,乡镇（街道）,所属组织,职务
${CHAIR.name},139 0000 0002,新台子镇,懿路村,主席
赵红,1390000,新台子镇,东孤家子村,主席
钱芳,13900000004,新台子镇,杨士屯村,队长
`;
const PEOPLE_FIXED = `姓名,手机号,乡镇（街道）,所属组织,职务
${CHAIR.name},139 0000 0002,新台子镇,懿路村,主席
赵红,13900000003,新台子镇,东孤家子村,主席
钱芳,13900000004,新台子镇,杨士屯村,副主席
`;

/**
 * Going live (issue #14 item 7): NODE_ENV=production on MariaDB and Redis, no demo data anywhere,
 * from an empty database to a woman's request in her chair's inbox. The built server and the built
 * commands run as an operator runs them; WeChat is the fake (code2Session and the phone-number
 * exchange); the console is the H5 build in Chromium at a PC's size, where the admin imports her
 * county's sheets. The mini-program's pages are the H5 build at a phone's size (the chair's
 * 「我就在这里」 takes the browser's position); what WeChat itself does (wx.login, the
 * getPhoneNumber button) and the woman's steps are the API calls the mini-program makes.
 */
describe('going live: production on MariaDB and Redis, from an empty database to a request in the chair’s inbox', () => {
  // A database and a Redis prefix of this run's own: nothing of another test, nothing left behind.
  const database = `wfh_golive_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const redisPrefix = `${database}:`;
  const production: Record<string, string> = {
    NODE_ENV: 'production',
    DATABASE_URL: `mariadb://${TEST_DB_USER}:${TEST_DB_PASSWORD}@127.0.0.1:3306/${database}`,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: redisPrefix,
    JWT_SECRET: TEST_JWT_SECRET,
    DATA_ENCRYPTION_KEY: TEST_DATA_KEY,
    PHONE_DIGEST_KEY: TEST_PHONE_DIGEST_KEY,
    WECHAT_APPID: TEST_WECHAT.appId,
    WECHAT_SECRET: TEST_WECHAT.secret,
    LOG_LEVEL: 'warn',
  };
  let db: Connection;
  let wechat: FakeWechat;
  let server: ServerProcess;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let phoneCodes = 0;

  // What the steps hand on to the next.
  let admin: AuthTokens;
  let adminPc: Page;
  let chair: AuthTokens;
  let site: SiteSummary;
  let filed: RequestDetail;

  beforeAll(async () => {
    if (!existsSync(join(H5_DIR, 'index.html'))) throw new Error(`No H5 build at ${H5_DIR}: run "pnpm build:h5" in miniapp first`);
    db = await createConnection({ uri: TEST_DB_ADMIN_URL });
    await db.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    for (const host of ['localhost', '127.0.0.1']) await db.query(`GRANT ALL PRIVILEGES ON \`${database}\`.* TO '${TEST_DB_USER}'@'${host}'`);
    wechat = await startFakeWechat(TEST_WECHAT);
    production.WECHAT_API_BASE = wechat.url;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await browser?.close();
    await stopAllServerProcesses();
    await wechat?.close();
    if (db) {
      await db.query(`DROP DATABASE IF EXISTS \`${database}\``);
      await db.end();
    }
    const redis = new Redis(TEST_REDIS_URL);
    try {
      const keys = await redis.keys(`${redisPrefix}*`);
      if (keys.length > 0) await redis.del(...keys);
    } finally {
      redis.disconnect();
    }
  });

  /** The server as production runs it: blank values are unset to the config, so production's own defaults apply. */
  function startProduction(name: string, extra: Record<string, string> = {}): Promise<ServerProcess> {
    return startServerProcess(name, { wechatUrl: wechat.url, env: { ...production, DEV_SIGN_IN: '', SEED_DEMO: '', H5_DIR, ...extra } });
  }

  /** The mini-program opening: wx.login's code exchanged for a session. */
  async function openMiniProgram(openid: string): Promise<AuthTokens> {
    const signedIn = await call<AuthTokens>(server.baseUrl, 'POST', ApiPaths.authWechat, { body: { code: `ok:${openid}` } });
    expect(signedIn.status).toBe(200);
    return signedIn.body;
  }

  /** 「用微信手机号登录」: WeChat hands the button a one-time code for the number bound to her WeChat. */
  function sharePhone(tokens: AuthTokens, phone: string) {
    const code = `go-live-phone-${++phoneCodes}`;
    wechat.phoneCodes.set(code, phone);
    return call<MeResponse>(server.baseUrl, 'POST', ApiPaths.mePhone, { token: tokens.accessToken, body: { code } });
  }

  async function openPc(): Promise<Page> {
    const context = await browser.newContext({ viewport: PC, deviceScaleFactor: 1 });
    contexts.push(context);
    return context.newPage();
  }

  const visible = (page: Page, selector: string) => page.locator(selector).filter({ visible: true });

  /**
   * The mini-program on her phone, for the steps that are pages rather than WeChat's own: the H5 build
   * at a phone's size holding the session the mini-program got from wx.login (production offers the
   * browser no other sign-in for her). Put in once, before the first page, so that the page's own
   * renewals are not overwritten on the next load.
   */
  async function openPhone(tokens: AuthTokens, options: BrowserContextOptions = {}): Promise<Page> {
    const context = await browser.newContext({ ...PHONE, ...options });
    contexts.push(context);
    await context.addInitScript((session: AuthTokens) => {
      const storage = (globalThis as unknown as { localStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void } }).localStorage;
      if (storage.getItem('wfh.accessToken') !== null) return;
      // As the app keeps them (api/session.ts), each value wrapped as Taro's storage wraps it.
      const keep = (key: string, data: unknown) => storage.setItem(key, JSON.stringify({ data }));
      keep('wfh.accessToken', session.accessToken);
      keep('wfh.refreshToken', session.refreshToken);
      keep('wfh.accessTokenExpiresAt', Date.now() + session.expiresIn * 1000);
    }, tokens);
    return context.newPage();
  }

  /** A problem of the import's check as the console shows it, cell by cell. */
  interface ProblemShown {
    row: string | null;
    line: string;
    column: string;
    message: string;
  }

  async function problemsShown(page: Page): Promise<ProblemShown[]> {
    const rows = visible(page, '.import-problem-row[data-row]');
    await rows.first().waitFor({ timeout: 30_000 });
    const shown: ProblemShown[] = [];
    for (const row of await rows.all()) {
      shown.push({
        row: await row.getAttribute('data-row'),
        line: await row.locator('.import-problem-line').innerText(),
        column: await row.locator('.import-problem-column').innerText(),
        message: await row.locator('.import-problem-message').innerText(),
      });
    }
    return shown;
  }

  /** 导入导出 → the kind's tab → a file chosen from the PC (a fresh choice after any earlier report). */
  async function chooseSheet(page: Page, kindLabel: string, name: string, content: string): Promise<void> {
    const kind = visible(page, '.import-kind-option').filter({ hasText: kindLabel });
    await kind.waitFor({ timeout: 20_000 });
    if (!(await kind.getAttribute('class'))?.includes('choice-selected')) await kind.click();
    const again = visible(page, '.choose-again');
    if ((await again.count()) > 0) await again.click();
    await page.setInputFiles('input.import-file-input', { name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
  }

  /** The fixed sheet: checked clean, 确认导入, and what the console says it did. */
  async function importFixed(page: Page, kindLabel: string, name: string, content: string, rows: number): Promise<string> {
    await chooseSheet(page, kindLabel, name, content);
    const confirm = visible(page, '.confirm-import');
    await confirm.waitFor({ timeout: 30_000 });
    expect(await visible(page, '.import-problem-row').count()).toBe(0);
    expect(await visible(page, '.import-summary .import-count-create .import-count-number').innerText()).toBe(String(rows));
    await confirm.click();
    const result = visible(page, '.import-result');
    await result.waitFor({ timeout: 30_000 });
    return result.innerText();
  }

  /**
   * The console's sign-in page at a PC, scanned with the phone of `tokens`: the code drawn on the
   * page must be the confirm address of this site for the code's id (read module by module off the
   * page), and the phone confirms what that address names, as the mini-program's confirm page does.
   */
  async function signInAtPc(page: Page, tokens: AuthTokens): Promise<void> {
    await page.goto(`${server.baseUrl}/#/packages/console/sign-in`);
    const code = visible(page, '.console-sign-in-code');
    await code.waitFor({ timeout: 20_000 });
    const shownId = (await code.getAttribute('data-sign-in'))!;
    // The function itself goes to the page (its source, not a closure): it may use nothing from here.
    const drawn = (await code.locator('.qr-grid').evaluate(readQrModules as never)) as string[];
    const address = consoleConfirmAddress(`${server.baseUrl}/`, shownId);
    expect(drawn).toEqual(qrModulesOf(address));

    const id = consoleSignInIdOf(address)!;
    const asked = await call(server.baseUrl, 'GET', pathOf(ApiPaths.consoleSignIn, { id }), { token: tokens.accessToken });
    expect(asked.body).toMatchObject({ state: 'pending', browser: 'Linux 电脑上的 Chrome 浏览器', mayConfirm: true });
    expect((await call(server.baseUrl, 'POST', pathOf(ApiPaths.consoleSignInConfirm, { id }), { token: tokens.accessToken })).status).toBe(200);
    await page.waitForURL(/packages\/workbench\/index/, { timeout: 20_000 });
  }

  it('refuses to start with the demo seed; the production server offers no demo sign-in', async () => {
    await expect(startProduction('seeded', { SEED_DEMO: 'true' })).rejects.toThrow(/SEED_DEMO: must not be true when NODE_ENV=production/);

    server = await startProduction('production');
    expect((await call(server.baseUrl, 'GET', HealthPaths.ready)).body).toMatchObject({ status: 'ok', mode: 'production' });
    expectApiError(await call(server.baseUrl, 'GET', ApiPaths.authDevPeople), 403, ErrorCode.DevSignInDisabled);
    expectApiError(await call(server.baseUrl, 'POST', ApiPaths.authDev, { body: { personKey: 'chair-yilu' } }), 403, ErrorCode.DevSignInDisabled);
  });

  it('the regions, imported by the command beside the running server, are found at once', async () => {
    const search = () => call<SearchResponse>(server.baseUrl, 'GET', `${ApiPaths.search}?q=${encodeURIComponent('懿路')}`);
    expect((await search()).body.items).toEqual([]);

    const imported = await runBuiltCli('import-regions', ['--city', CITY], production);
    expect({ code: imported.code, output: imported.output }).toEqual({ code: 0, output: expect.stringContaining('完成：1586 个地区及其妇联组织') });
    // The command tells the running server through Redis; it reloads its index of places.
    const found = await waitUntil('懿路村妇联 found by search', 10_000, async () => (await search()).body.items.find((hit) => hit.id === VILLAGE));
    expect(found).toMatchObject({ type: 'body', name: '懿路村妇联' });
  });

  it('the first admin, listed by the command, signs in on her phone with her WeChat phone number', async () => {
    const listed = await runBuiltCli('first-admin', ['--county', COUNTY, '--name', ADMIN.name, '--phone', ADMIN.phone], production);
    expect({ code: listed.code, output: listed.output }).toEqual({ code: 0, output: expect.stringContaining(`已登记：${ADMIN.name} 为铁岭县妇联管理员`) });

    admin = await openMiniProgram(ADMIN.openid);
    expect((await call<MeResponse>(server.baseUrl, 'GET', ApiPaths.me, { token: admin.accessToken })).body.roles).toEqual([]);
    const claimed = await sharePhone(admin, ADMIN.phone);
    expect(claimed.status).toBe(200);
    expect(claimed.body.user.displayName).toBe(ADMIN.name);
    expect(claimed.body.roles).toEqual([{ role: RoleKind.Admin, federationId: COUNTY, federationName: '铁岭县妇联' }]);
  });

  it('she signs in on the console at a PC by scanning its code, and lands among the county’s work pages', async () => {
    adminPc = await openPc();
    await signInAtPc(adminPc, admin);
    await visible(adminPc, '.console-nav-admin').waitFor({ timeout: 20_000 });
    await visible(adminPc, '.inbox').waitFor({ timeout: 20_000 });
    expect(await visible(adminPc, '.inbox-body').allInnerTexts()).toContain('铁岭县妇联');
    await adminPc.screenshot({ path: join(SCREENSHOTS, 'go-live-admin-console-1366.png') });
    // The console's own session (8 hours at most), not her phone's.
    const consoleToken = await adminPc.evaluate(() => {
      const storage = (globalThis as unknown as { localStorage: { getItem(key: string): string | null } }).localStorage;
      // Taro keeps each value as {"data": …}.
      return JSON.parse(storage.getItem('wfh.accessToken') ?? '{}').data as string;
    });
    expect(consoleToken).not.toBe(admin.accessToken);
  });

  it('she imports the county’s sites and people in the console, reads what is wrong row by row, fixes it and imports again', async () => {
    await visible(adminPc, '.console-nav-imports').click();
    await adminPc.waitForURL(/packages\/admin\/imports/, { timeout: 20_000 });
    const villageSites = async () =>
      (await call<SiteSummary[]>(server.baseUrl, 'GET', pathOf(ApiPaths.federationSites, { id: VILLAGE }))).body.map((s) => s.name);

    // The sites sheet as the county keeps it: each bad row named by its row in the sheet (the header is
    // row 1), its column, and what to change there.
    await chooseSheet(adminPc, '阵地', '铁岭县阵地.csv', SITES_WITH_PROBLEMS);
    const siteProblems = await problemsShown(adminPc);
    expect(siteProblems.map(({ row, line, column }) => ({ row, line, column }))).toEqual([
      { row: '3', line: '第 3 行', column: '所属组织' },
      { row: '4', line: '第 4 行', column: '类型' },
      { row: '5', line: '第 5 行', column: '纬度' },
    ]);
    const [ambiguous, kind, location] = siteProblems.map((problem) => problem.message);
    expect(ambiguous).toContain('“北地村”有2个');
    expect(ambiguous).toContain('新台子镇');
    expect(kind).toContain('不认识的类型“妇女活动室”');
    expect(location).toContain('新阵地要有位置');
    expect(await visible(adminPc, '.import-summary .import-count-bad .import-count-number').innerText()).toBe('3');
    expect(await visible(adminPc, '.import-summary .import-read').innerText()).toContain('有 3 行需要修改，全部改好后才能导入');
    // While rows are wrong there is nothing to confirm, and nothing was written.
    expect(await visible(adminPc, '.confirm-import').count()).toBe(0);
    expect(await villageSites()).toEqual([]);
    await visible(adminPc, '.import-flow').screenshot({ path: join(SCREENSHOTS, 'go-live-import-problems-1366.png') });

    // Fixed in the sheet, chosen again, checked clean and imported.
    const sitesDone = await importFixed(adminPc, '阵地', '铁岭县阵地（改好）.csv', SITES_FIXED, 4);
    expect(sitesDone).toContain('导入完成');
    expect(sitesDone).toContain('已新增 4 行');
    expect(await villageSites()).toEqual(['懿路村妇女之家']);

    // Her people the same way, on the 人员名单 tab.
    await chooseSheet(adminPc, '人员名单', '铁岭县人员名单.csv', PEOPLE_WITH_PROBLEMS);
    const peopleProblems = await problemsShown(adminPc);
    expect(peopleProblems.map(({ row, line, column }) => ({ row, line, column }))).toEqual([
      { row: '3', line: '第 3 行', column: '手机号' },
      { row: '4', line: '第 4 行', column: '职务' },
    ]);
    expect(peopleProblems[0]!.message).toContain('手机号应当是11位，这里是7位');
    expect(peopleProblems[1]!.message).toContain('不认识的职务“队长”');
    expect(await visible(adminPc, '.confirm-import').count()).toBe(0);

    const peopleDone = await importFixed(adminPc, '人员名单', '铁岭县人员名单（改好）.csv', PEOPLE_FIXED, 3);
    expect(peopleDone).toContain('导入完成');
    expect(peopleDone).toContain('已新增 3 行');
    await adminPc.screenshot({ path: join(SCREENSHOTS, 'go-live-import-result-1366.png') });
  });

  it('a listed chair opens the mini-program, shares her phone number and is at work under her own name', async () => {
    chair = await openMiniProgram(CHAIR.openid);
    const claimed = await sharePhone(chair, CHAIR.phone);
    expect(claimed.status).toBe(200);
    const me = await call<MeResponse>(server.baseUrl, 'GET', ApiPaths.me, { token: chair.accessToken });
    expect(me.body.user).toMatchObject({ displayName: CHAIR.name, isDemo: false });
    expect(me.body.roles).toEqual([{ role: RoleKind.Chair, federationId: VILLAGE, federationName: '懿路村妇联' }]);
    // Her workbench lists her body's inbox: empty so far.
    const inbox = await call<RequestSummary[]>(server.baseUrl, 'GET', pathOf(ApiPaths.inbox, { id: VILLAGE }), { token: chair.accessToken });
    expect({ status: inbox.status, items: inbox.body }).toEqual({ status: 200, items: [] });
  });

  it('she sets her 妇女之家’s location where she stands, with 「我就在这里」 on her phone', async () => {
    const phone = await openPhone(chair, { geolocation: STANDING, permissions: ['geolocation'] });
    await phone.goto(`${server.baseUrl}/`);
    await visible(phone, '.greeting').filter({ hasText: `您好，${CHAIR.name}` }).waitFor({ timeout: 20_000 });
    await openMyPlaces(phone, server.baseUrl, VILLAGE);
    const row = visible(phone, '.my-site').filter({ hasText: '懿路村妇女之家' });
    await row.locator('.edit-site').click();
    await visible(phone, '.save-site').waitFor({ timeout: 20_000 });
    // The sheet's position first; then where she stands.
    expect(await visible(phone, '.location-text').innerText()).toBe('已设定：北纬42.3905°，东经123.5512°');
    const shown = await locateHere(phone);
    await visible(phone, '.location-field').screenshot({ path: join(SCREENSHOTS, 'go-live-chair-locate-here.png') });
    await visible(phone, '.save-site').click();
    await visible(phone, '.my-site').filter({ hasText: '懿路村妇女之家' }).locator('.edit-site').waitFor({ timeout: 20_000 });

    const ours = await call<SiteSummary[]>(server.baseUrl, 'GET', pathOf(ApiPaths.federationSites, { id: VILLAGE }), { token: chair.accessToken });
    expect(ours.body.map((s) => s.name)).toEqual(['懿路村妇女之家']);
    site = ours.body[0]!;
    expect(site.isDemo).toBe(false);
    // Saved as the form showed it, in the maps' datum: a few hundred metres off the phone's GPS reading.
    expect(locationShown(shown)).toEqual({ latitude: Number(site.latitude.toFixed(4)), longitude: Number(site.longitude.toFixed(4)) });
    const shift = Math.hypot(site.latitude - STANDING.latitude, site.longitude - STANDING.longitude);
    expect(shift).toBeGreaterThan(0.001);
    expect(shift).toBeLessThan(0.01);
  });

  it('a woman nearby finds that 妇女之家 first in nearest and asks it for help', async () => {
    const woman = await openMiniProgram(WOMAN.openid);
    const query = `latitude=${site.latitude - SOUTH_200M}&longitude=${site.longitude}`;
    // The location change reaches the index through Redis: the first answer may still be the old one.
    const nearest = await waitUntil('the moved 妇女之家 first in nearest', 10_000, async () => {
      const reply = await call<NearestResponse>(server.baseUrl, 'GET', `${ApiPaths.nearest}?${query}`, { token: woman.accessToken });
      return reply.body.items[0]?.id === site.id && reply.body.items[0].latitude === site.latitude ? reply.body : null;
    });
    expect(nearest.items[0]).toMatchObject({ type: 'site', name: '懿路村妇女之家', federationId: VILLAGE, isDemo: false });
    expect(nearest.items[0]!.distanceMetres).toBeGreaterThan(150);
    expect(nearest.items[0]!.distanceMetres).toBeLessThan(250);
    expect(nearest.items.filter((place) => place.isDemo)).toEqual([]);

    // She confirms the village the place belongs to, then asks.
    expect((await call<MeResponse>(server.baseUrl, 'PUT', ApiPaths.meHome, { token: woman.accessToken, body: { federationId: VILLAGE } })).status).toBe(200);
    const asked = await call<RequestDetail>(server.baseUrl, 'POST', ApiPaths.requests, {
      token: woman.accessToken,
      headers: { 'idempotency-key': randomUUID() },
      body: {
        categoryKey: ServiceCategoryKey.FamilyEducation,
        description: '孩子放学后没人照看，想问问村里有没有托管',
        answers: {},
        contact: { method: 'phone', phone: '13700000009' },
        federationId: VILLAGE,
        siteId: site.id,
      },
    });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ state: 'submitted', federationId: VILLAGE, federationName: '懿路村妇联' });
    filed = asked.body;
  });

  it('the request is in the chair’s inbox on her phone and on the console at a PC', async () => {
    const inbox = await call<RequestSummary[]>(server.baseUrl, 'GET', pathOf(ApiPaths.inbox, { id: VILLAGE }), { token: chair.accessToken });
    expect(inbox.body.map((request) => ({ id: request.id, category: request.categoryName }))).toEqual([{ id: filed.id, category: '家庭教育指导' }]);

    const pc = await openPc();
    await signInAtPc(pc, chair);
    const item = visible(pc, `.inbox[data-federation="${VILLAGE}"] .inbox-item`);
    await item.first().waitFor({ timeout: 20_000 });
    expect(await item.count()).toBe(1);
    expect(await item.locator('.inbox-title').innerText()).toBe('家庭教育指导');
    await pc.screenshot({ path: join(SCREENSHOTS, 'go-live-chair-console-1366.png') });
    // Opened, it reads what she wrote: decrypted for her chair, and only there.
    await item.first().click();
    await visible(pc, '.handler-description').waitFor({ timeout: 20_000 });
    expect(await visible(pc, '.handler-description').innerText()).toBe(filed.description);
  });

  it('left no demo data anywhere, and the server warned of nothing but the calendar', async () => {
    const [[counts]] = (await db.query(
      `SELECT (SELECT COUNT(*) FROM \`${database}\`.site WHERE is_demo) AS demoSites,
              (SELECT COUNT(*) FROM \`${database}\`.federation WHERE location_is_demo) AS demoLocations,
              (SELECT COUNT(*) FROM \`${database}\`.app_user WHERE demo_key IS NOT NULL) AS demoPeople,
              (SELECT COUNT(*) FROM \`${database}\`.activity) AS activities,
              (SELECT COUNT(*) FROM \`${database}\`.site) AS sites,
              (SELECT COUNT(*) FROM \`${database}\`.app_user) AS people`,
    )) as unknown as [[Record<string, number | string>]];
    expect(Object.fromEntries(Object.entries(counts!).map(([key, value]) => [key, Number(value)]))).toEqual({
      demoSites: 0,
      demoLocations: 0,
      demoPeople: 0,
      activities: 0,
      sites: 4,
      // 陈静, 李春梅 and the woman: everyone who signed in, nobody else.
      people: 3,
    });
    // A year the holiday calendar does not know yet is worth a warning in production; nothing else is.
    expect(warnings(server).filter((line) => line.context !== 'HolidayCalendarSync')).toEqual([]);
  });
});

/** As much of the DOM as readQrModules uses (the server's TypeScript has no DOM library). */
interface DrawnNode {
  querySelectorAll(selector: string): ArrayLike<DrawnNode>;
  style: { marginLeft: string; width: string };
}

/** The QR code as the page draws it: per row, its dark runs (qr-dark views placed by percentages), as '#' and '.'. Runs in the page. */
function readQrModules(grid: DrawnNode): string[] {
  const rows = Array.from(grid.querySelectorAll('.qr-row'));
  const size = rows.length;
  const modules = (percent: string) => Math.round((parseFloat(percent) * size) / 100);
  return rows.map((row) => {
    const line = Array<string>(size).fill('.');
    let column = 0;
    for (const run of Array.from(row.querySelectorAll('.qr-dark'))) {
      column += modules(run.style.marginLeft || '0%');
      const length = modules(run.style.width);
      line.fill('#', column, column + length);
      column += length;
    }
    return line.join('');
  });
}

/**
 * The modules of a QR code holding `text`, made with the mini-program's own QR library and settings
 * (smallest version, error correction M): equal matrices are the same code, as a scanner reads it.
 */
function qrModulesOf(text: string): string[] {
  const qrcode = require(require.resolve('qrcode-generator', { paths: [join(__dirname, '..', '..', '..', 'miniapp')] })) as (typeNumber: number, level: string) => {
    addData(text: string): void;
    make(): void;
    getModuleCount(): number;
    isDark(row: number, column: number): boolean;
  };
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const size = qr.getModuleCount();
  return Array.from({ length: size }, (_, row) => Array.from({ length: size }, (_, column) => (qr.isDark(row, column) ? '#' : '.')).join(''));
}
