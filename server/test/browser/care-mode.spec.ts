import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ApiPaths, RequestAction, ServiceCategoryKey, SiteKind, pathOf, requestActionPath } from '@wfh/shared';
import { DEMO_PEOPLE } from '../../src/database/seed/demo-places';
import { signInAs } from '../support/api-expect';
import { launchChromium } from '../support/browser';
import { H5_DIR, SCREENSHOTS } from '../support/h5-app';
import { auditCareMode, CARE_RULES, findingLines, miniappPages, until, watchCspViolations, type Audit, type CareRules } from '../support/page-audit';
import { call, startTestApp, type TestApp } from '../support/test-app';

/**
 * Care mode and safety on every page of the H5 build, in Chromium at the phone size the other
 * browser tests use, each page opened by the person who uses it with real ids and after it has its
 * data: body text of at least 18 CSS px, every button and tab at least 60 px tall, text contrast of at least 4.5:1, 快速离开 on every sensitive screen and
 * leaving for the neutral page, and no ranking of staff anywhere. The pages come from the
 * mini-program's own app.config.ts: a page without an entry in WALK fails.
 */

const RULES: CareRules = CARE_RULES;

/** Words that rank people, and "No. n". */
const RANKING = /排名|排行|名次|第一名|最佳|倒数|第\s*\d+\s*名|前\s*\d+\s*名|top\s*\d+/i;

type Role = 'woman' | 'chair' | 'staff' | 'admin';
const PEOPLE: Record<Role, { name: string; key: string }> = {
  woman: { name: '王秀英', key: 'woman-yilu' },
  chair: { name: '张春梅', key: 'chair-yilu' },
  staff: { name: '赵丽', key: 'staff-xintaizi' },
  admin: { name: '陈静', key: 'admin-tieling-county' },
};
/** Everyone who holds a role at a body in the demo: a page of numbers must not name any of them. */
const STAFF_NAMES = DEMO_PEOPLE.filter((person) => person.role).map((person) => person.displayName);

const VILLAGE = '211221101200';

interface Fixtures {
  siteId: string;
  sensitiveRequestId: string;
  chairRequestId: string;
  resolvedRequestId: string;
  activityId: string;
  concernId: string;
  rosterEntryId: string;
  /** A notice the chair published for her village, with a link to the activity: women read it. */
  noticeId: string;
  /** A notice the chair is still writing. */
  draftNoticeId: string;
  /** The code of a request the chair recorded for a woman by phone, resolved: hers to rate. */
  ratingCode: string;
  /** A PC asking to be signed in (browser/console.spec.ts walks it at 1366×768 too). */
  consoleSignInId: string;
  /** Gives her seat back: the other browser tests sign the same woman up for the same demo activity. */
  releaseSeat(): Promise<void>;
}

interface View {
  /** What this visit shows, when a page is walked in more than one state. */
  state?: string;
  as: Role;
  query?: (f: Fixtures) => Record<string, string>;
  /** Taps that bring the page to this state after it opened. */
  steps?: (page: Page) => Promise<void>;
  /** Taps that leave the state once it is checked (a dialog stays over whatever opens next). */
  leave?: (page: Page) => Promise<void>;
  /** Shown once the page has its data. */
  ready: string;
  /** A screen about asking for help: 快速离开 must be on it and must leave. */
  sensitive?: true;
  /** A page of numbers about bodies: its rows are bodies, and no person working there is named. */
  stats?: true;
}

const tap = (selector: string, text?: string) => async (page: Page) => {
  await page.locator(selector, text ? { hasText: text } : {}).filter({ visible: true }).first().click();
};
const inOrder = (...steps: ((page: Page) => Promise<void>)[]) => async (page: Page) => {
  for (const step of steps) await step(page);
};
const village = () => ({ federationId: VILLAGE });

/** Every page of app.config.ts: who opens it, with which ids, and what shows when it is loaded. */
const WALK: Record<string, View[]> = {
  'pages/index/index': [
    { as: 'woman', ready: '.home-body-name' },
    // Walked before she opens the notice: its 「新」 tag is on screen too.
    { state: 'with her village’s notice', as: 'woman', ready: '.notices-section .notice-new' },
  ],
  'pages/activities/index': [{ as: 'woman', ready: '.activity-item' }],
  'pages/me/index': [
    { as: 'woman', ready: '.me-name' },
    { state: 'with her roles', as: 'chair', ready: '.role-item' },
  ],
  'pages/neutral/index': [{ as: 'woman', ready: '.neutral-page' }],
  'packages/places/choose-village': [{ as: 'woman', ready: '.region-row' }],
  'packages/places/site': [{ as: 'woman', query: (f) => ({ id: f.siteId }), ready: '.site-name' }],
  'packages/places/body': [{ as: 'woman', query: () => ({ id: VILLAGE }), ready: '.body-name' }],
  'packages/requests/index': [
    { state: 'choosing what it is about', as: 'woman', ready: '.category-card', sensitive: true },
    { state: 'consent for domestic violence', as: 'woman', ready: '.consent-agree', steps: tap('.category-card', '家庭暴力求助'), sensitive: true },
    {
      state: 'the domestic violence form',
      as: 'woman',
      ready: '.submit-request',
      steps: inOrder(tap('.category-card', '家庭暴力求助'), tap('.consent-agree')),
      sensitive: true,
    },
    { state: 'the legal aid form', as: 'woman', ready: '.submit-request', steps: tap('.category-card', '法律'), sensitive: true },
    { state: 'the hardship form', as: 'woman', ready: '.submit-request', steps: tap('.category-card', '困难帮扶与救助'), sensitive: true },
  ],
  'packages/requests/mine': [{ as: 'woman', ready: '.request-item', sensitive: true }],
  'packages/requests/detail': [
    { as: 'woman', query: (f) => ({ id: f.sensitiveRequestId }), ready: '.request-state', sensitive: true },
    { state: 'resolved, asking for her rating', as: 'woman', query: (f) => ({ id: f.resolvedRequestId }), ready: '.rating-panel' },
  ],
  'packages/activities/detail': [
    { as: 'woman', query: (f) => ({ id: f.activityId }), ready: '.cancel-signup' },
    {
      state: 'asking whether she gives her seat back',
      as: 'woman',
      query: (f) => ({ id: f.activityId }),
      steps: tap('.cancel-signup'),
      ready: '.taro-modal__content',
      leave: tap('.taro-model__cancel'),
    },
  ],
  'packages/activities/mine': [{ as: 'woman', ready: '.signup-item .qr-grid' }],
  'packages/workbench/index': [{ as: 'chair', ready: '.inbox-item' }],
  'packages/workbench/request': [
    { as: 'chair', query: (f) => ({ id: f.chairRequestId }), ready: '.action-buttons' },
    { state: 'writing a reply', as: 'chair', query: (f) => ({ id: f.chairRequestId }), steps: tap('.action-reply'), ready: '.action-text' },
  ],
  'packages/workbench/on-behalf': [{ as: 'chair', query: village, ready: '.on-behalf-submit' }],
  'packages/workbench/cover': [{ as: 'chair', query: village, ready: '.cover-save' }],
  'packages/workbench/activities': [{ as: 'chair', query: village, ready: '.activity-item' }],
  'packages/workbench/activity-edit': [
    { as: 'chair', query: (f) => ({ id: f.activityId }), ready: '.save-activity, .activity-locked' },
    { state: 'a new activity', as: 'chair', query: village, ready: '.save-activity' },
  ],
  'packages/workbench/attendees': [{ as: 'chair', query: (f) => ({ id: f.activityId }), ready: '.attendee-row' }],
  'packages/workbench/check-in': [{ as: 'chair', query: (f) => ({ id: f.activityId }), ready: '.short-code-entry' }],
  'packages/workbench/concerns': [{ as: 'chair', query: village, ready: '.published-concerns' }],
  'packages/workbench/roster': [{ as: 'chair', query: village, ready: '.roster-name' }],
  'packages/workbench/referred-out': [{ as: 'chair', query: village, ready: '.referred-out-open .inbox-item' }],
  'packages/workbench/roster-entry': [{ as: 'chair', query: (f) => ({ id: f.rosterEntryId }), ready: '.open-contact-form' }],
  'packages/workbench/places': [
    { as: 'chair', query: village, ready: '.my-site-name' },
    { state: 'changing the body’s details', as: 'chair', query: village, steps: tap('.edit-profile'), ready: '.save-profile' },
  ],
  'packages/workbench/site-edit': [
    { as: 'chair', query: (f) => ({ id: f.siteId }), ready: '.save-site' },
    { state: 'a new site', as: 'chair', query: village, ready: '.save-site' },
  ],
  'packages/notices/detail': [{ as: 'woman', query: (f) => ({ id: f.noticeId }), ready: '.notice-link' }],
  'packages/notices/manage': [{ as: 'chair', query: village, ready: '.managed-notice' }],
  'packages/notices/edit': [
    { state: 'a draft', as: 'chair', query: (f) => ({ federationId: VILLAGE, id: f.draftNoticeId }), ready: '.save-notice' },
    { state: 'published, with how many read it', as: 'chair', query: (f) => ({ federationId: VILLAGE, id: f.noticeId }), ready: '.notice-reach' },
    { state: 'a new notice', as: 'chair', query: village, ready: '.save-notice' },
  ],
  'packages/voices/index': [{ as: 'woman', ready: '.concern-item' }],
  'packages/voices/raise': [{ as: 'woman', ready: '.submit-concern' }],
  'packages/voices/concern': [{ as: 'woman', query: (f) => ({ id: f.concernId }), ready: '.concern-detail-title' }],
  'packages/voices/join': [{ as: 'woman', ready: '.look-up-invitation' }],
  'packages/dashboard/index': [
    { state: 'her township', as: 'staff', ready: '.body-row', stats: true },
    { state: 'the county', as: 'admin', ready: '.body-row', stats: true },
  ],
  // Opened from the township's view: a village's own figures and charts, then its ordinary requests.
  'packages/dashboard/village': [{ as: 'staff', query: village, ready: '.metric-resolution', stats: true }],
  'packages/dashboard/inbox': [{ as: 'staff', query: village, ready: '.inbox-item' }],
  'packages/admin/index': [
    { state: '组织', as: 'admin', ready: '.org-row' },
    ...(['职务', '求助类别', '受理规则', '投诉建议'] as const).map((section) => ({
      state: section,
      as: 'admin' as const,
      steps: tap('.admin-section-option', section),
      ready: { 职务: '.roles-section', 求助类别: '.category-row', 受理规则: '.rules-section', 投诉建议: '.feedback-section' }[section],
    })),
  ],
  'packages/admin/imports': [
    { as: 'admin', ready: '.import-downloads' },
    {
      state: 'a checked sheet with a bad row',
      as: 'admin',
      steps: (page) =>
        page.setInputFiles('.import-file-input', {
          name: '阵地.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from('名称,类型,所属组织,地址,纬度,经度\r\n懿路村妇女小组,妇女小组,懿路村,懿路村四组,42.1,200\r\n', 'utf8'),
        }),
      ready: '.import-problem-row',
    },
  ],
  'packages/public/body': [{ as: 'woman', query: () => ({ id: VILLAGE }), ready: '.public-stats', stats: true }],
  'packages/public/feedback': [{ as: 'woman', ready: '.feedback-form' }],
  'packages/public/join': [{ as: 'woman', ready: '.look-up-role' }],
  'packages/public/rate': [
    { as: 'woman', ready: '.look-up-rating-code' },
    { state: 'opened from an SMS link, asking for her rating', as: 'woman', query: (f) => ({ code: f.ratingCode }), ready: '.rating-panel' },
  ],
  // Her copy of everything she told us, sensitive requests included.
  'packages/me-data/export': [{ as: 'woman', ready: '.my-data-count', sensitive: true }],
  'packages/me-data/delete': [{ as: 'woman', ready: '.deletion-removes' }],
  // Signed in already, the PC's sign-in page offers her workbench (the code itself: browser/console.spec.ts).
  'packages/console/sign-in': [{ as: 'chair', ready: '.open-workbench' }],
  // A code lasts two minutes: by the time the walk gets here it may have run out, which the page says.
  'packages/console/confirm': [{ as: 'chair', query: (f) => ({ id: f.consoleSignInId }), ready: '.confirm-console-sign-in, .leave-console-confirm' }],
};

const PAGES = miniappPages();

describe('care mode and safety on every H5 page', () => {
  let t: TestApp;
  let browser: Browser;
  let fixtures: Fixtures;
  const pages = new Map<Role, Page>();
  /** The browser console's errors since the last view was checked. */
  const consoleErrors: string[] = [];
  /** What was measured where, written next to the other browser tests' screenshots. */
  const walked: ({ where: string } & Audit['measured'])[] = [];

  beforeAll(async () => {
    if (!existsSync(join(H5_DIR, 'index.html'))) throw new Error(`No H5 build at ${H5_DIR}: run "pnpm build:h5" in miniapp first`);
    t = await startTestApp({ H5_DIR, SEED_DEMO: 'true' });
    [browser, fixtures] = await Promise.all([launchChromium(), makeFixtures(t.baseUrl)]);
  });
  afterAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    writeFileSync(join(SCREENSHOTS, 'care-mode-walk.json'), `${JSON.stringify(walked, null, 2)}\n`);
    await fixtures?.releaseSeat();
    await browser?.close();
    await t?.close();
  });

  /** One signed-in phone per role, kept for the whole walk. */
  async function phoneOf(role: Role): Promise<Page> {
    const known = pages.get(role);
    if (known) return known;
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, deviceScaleFactor: 2 });
    await watchCspViolations(context, (line) => consoleErrors.push(line));
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    await page.goto(`${t.baseUrl}/`);
    await page.locator('.demo-person', { hasText: PEOPLE[role].name }).first().click();
    await page.locator('.greeting', { hasText: PEOPLE[role].name }).waitFor({ timeout: 20_000 });
    pages.set(role, page);
    return page;
  }

  async function open(page: Page, route: string, query: Record<string, string>): Promise<void> {
    const search = new URLSearchParams(query).toString();
    const url = `${t.baseUrl}/#/${route}${search ? `?${search}` : ''}`;
    // The neutral page keeps 返回 and address changes on itself (guardHistoryAfterQuickExit): leave it by a fresh load.
    if (page.url().includes('pages/neutral') || page.url() === url) await page.goto('about:blank');
    await page.goto(url);
  }

  /** Until the page shows its data, nothing is loading, and only this page is on screen. */
  async function settled(page: Page, route: string, ready: string): Promise<void> {
    await page
      .locator(ready)
      .filter({ visible: true })
      .first()
      .waitFor({ timeout: 20_000 })
      .catch(async () => {
        const shown = await page.locator('body').innerText().catch(() => '');
        throw new Error(`${route}: "${ready}" never showed at ${page.url()}; the screen reads: ${shown.replace(/\s+/g, ' ').slice(0, 400)}`);
      });
    await until(
      page,
      `(() => {
        const visible = (el) => el.getClientRects().length > 0 && el.checkVisibility({ visibilityProperty: true });
        const pages = [...document.querySelectorAll('.taro_page')].filter(visible);
        const loading = [...document.querySelectorAll('.status')].filter(visible);
        return pages.length === 1 && pages[0].id.includes(${JSON.stringify(route)}) && loading.length === 0;
      })()`,
      20_000,
      `${route} alone on screen with nothing loading`,
    );
  }

  it('has an entry for every page the mini-program declares, and none for a page it does not', () => {
    // Read from the config itself: main package and subpackages alike.
    expect(PAGES).toEqual(expect.arrayContaining(['pages/index/index', 'pages/neutral/index', 'packages/requests/index']));
    expect(Object.keys(WALK).sort()).toEqual([...PAGES].sort());
  });

  it('measures what she sees: small print, grey text, text on a see-through shade, short buttons, pale placeholders', async () => {
    const page = await browser.newPage();
    try {
      await page.setContent(`<style>input::placeholder { color: #aaaaaa }</style>
        <body style="margin: 0; background: #ffffff; font-size: 18px; color: #1f1f1f">
          <p style="font-size: 16px">小字说明</p>
          <p style="color: #999999">浅灰提示</p>
          <div style="background: rgba(0, 0, 0, 0.2)"><span style="color: #ffffff">淡影上的白字</span></div>
          <button class="btn-primary" style="height: 52px; font-size: 18px; color: #ffffff; background: #b4233c">发出求助</button>
          <button style="height: 40px; font-size: 18px; color: #1f1f1f; background: #ffffff">返回</button>
          <button class="btn btn-secondary" style="height: 52px; font-size: 18px; color: #b4233c; background: #ffffff">导航到这里</button>
          <div class="weui-tabbar"><a class="weui-tabbar__item" style="display: block; height: 45px; font-size: 18px; color: #1f1f1f">活动</a></div>
          <input placeholder="请填写" style="font-size: 18px">
          <p>这一行看得清</p>
          <p style="display: none; font-size: 10px">藏起来的字</p>
        </body>`);
      const audit = await auditCareMode(page, RULES);
      expect(audit.findings.map((f) => [f.check, f.text])).toEqual([
        ['font-size', '小字说明'],
        ['contrast', '浅灰提示'],
        ['contrast', '淡影上的白字'],
        ['contrast', '请填写'],
        ['primary-button', '发出求助'],
        ['button', '返回'],
        ['button', '导航到这里'],
        ['button', '活动'],
      ]);
      expect(audit.measured).toEqual({ texts: 8, placeholders: 1, buttons: 4 });
    } finally {
      await page.close();
    }
  });

  it('hears of a Content-Security-Policy refusal from the browser’s own report: a tapped javascript: link', async () => {
    const context = await browser.newContext();
    let heard: (line: string) => void = () => undefined;
    const firstReport = new Promise<string>((resolve) => (heard = resolve));
    try {
      await watchCspViolations(context, (line) => heard(line));
      const page = await context.newPage();
      await page.route('http://csp.test/', (route) =>
        route.fulfill({ contentType: 'text/html', headers: { 'content-security-policy': "script-src 'self'" }, body: '<a href="javascript:;">活动</a>' }),
      );
      await page.goto('http://csp.test/');
      await page.locator('a').click();
      const deadline = new Promise<string>((resolve) => setTimeout(() => resolve('no report within 5 s'), 5_000).unref());
      expect(await Promise.race([firstReport, deadline])).toMatch(/^Content-Security-Policy violation: script-src.* refused inline/);
    } finally {
      await context.close();
    }
  });

  it('switches tabs from the H5 tab bar with every tap allowed by the server’s Content-Security-Policy', async () => {
    const page = await phoneOf('woman');
    await open(page, 'pages/index/index', {});
    await settled(page, 'pages/index/index', '.home-body-name');
    // Taro still draws each tab as a javascript: link, which the policy refuses when followed: a quiet tap is the app's doing.
    expect(await page.locator('.weui-tabbar__item').filter({ visible: true }).first().getAttribute('href')).toBe('javascript:;');
    consoleErrors.splice(0);
    const tabs: Array<[text: string, route: string, ready: string]> = [
      ['活动', 'pages/activities/index', '.activity-item'],
      ['我的', 'pages/me/index', '.me-name'],
      ['首页', 'pages/index/index', '.home-body-name'],
    ];
    for (const [text, route, ready] of tabs) {
      await page.locator('.weui-tabbar__item', { hasText: text }).filter({ visible: true }).click();
      await settled(page, route, ready);
      const tab = await page.locator('.weui-tabbar__item', { hasText: text }).filter({ visible: true }).boundingBox();
      expect({ tab: text, tallEnough: (tab?.height ?? 0) >= RULES.minButtonPx }).toEqual({ tab: text, tallEnough: true });
    }
    expect(consoleErrors.splice(0).filter((line) => /Content Security Policy|Content-Security-Policy/i.test(line))).toEqual([]);
  });

  it.each(PAGES)('%s reads comfortably, keeps her safe, and ranks nobody', async (route) => {
    const views = WALK[route];
    if (!views) throw new Error(`${route} is in app.config.ts but has no entry in WALK (care-mode.spec.ts): say who opens it and what shows when it is loaded`);
    for (const view of views) {
      const where = `${route}${view.state ? ` (${view.state})` : ''} as ${view.as}`;
      const page = await phoneOf(view.as);
      await open(page, route, view.query?.(fixtures) ?? {});
      if (view.steps) {
        await settled(page, route, '.care-page');
        await view.steps(page);
      }
      await settled(page, route, view.ready);
      const audit: Audit = await auditCareMode(page, RULES);
      walked.push({ where, ...audit.measured });
      expect({ where, measuredTexts: audit.measured.texts > 0 }).toEqual({ where, measuredTexts: true });
      expect({ where, findings: findingLines(audit) }).toEqual({ where, findings: [] });
      expect({ where, ranking: audit.text.match(RANKING)?.[0] ?? null }).toEqual({ where, ranking: null });
      if (view.stats) await expectRowsAreBodies(page, where, audit);
      if (view.sensitive) await expectQuickExit(page, where);
      await view.leave?.(page);
      // The server's Content-Security-Policy must let the H5 build run: a refusal shows up here.
      const refused = consoleErrors.splice(0).filter((line) => /Content Security Policy|Content-Security-Policy/i.test(line));
      expect({ where, refusedByCsp: refused }).toEqual({ where, refusedByCsp: [] });
    }
  });

  async function expectRowsAreBodies(page: Page, where: string, audit: Audit): Promise<void> {
    expect({ where, namesStaff: STAFF_NAMES.filter((name) => audit.text.includes(name)) }).toEqual({ where, namesStaff: [] });
    const rows = await page.locator('.body-row-name').filter({ visible: true }).allInnerTexts();
    for (const name of rows) expect({ where, row: name }).toEqual({ where, row: expect.stringMatching(/妇联$/) });
  }

  async function expectQuickExit(page: Page, where: string): Promise<void> {
    const button = page.locator('.quick-exit').filter({ visible: true });
    expect({ where, quickExit: await button.count() }).toEqual({ where, quickExit: 1 });
    expect(await button.innerText()).toContain('快速离开');
    await button.click();
    await page.waitForURL(/pages\/neutral/, { timeout: 20_000 });
    await page.locator('.neutral-page').filter({ visible: true }).waitFor({ timeout: 20_000 });
    // Taro keeps the old page in the DOM while its exit animation runs: until it is gone.
    await until(page, `!/妇联|求助|家庭暴力/.test(document.body.innerText)`, 5_000, `${where}: the neutral page alone`);
  }
});

/** Real ids for the pages' query params, made through the API as the people themselves would. */
async function makeFixtures(base: string): Promise<Fixtures> {
  const [woman, chair] = await Promise.all([signInAs(base, PEOPLE.woman.key), signInAs(base, PEOPLE.chair.key)]);
  const as = (token: string) => async (method: 'GET' | 'POST', path: string, body?: unknown) => {
    const reply = await call(base, method, path, { token, body });
    if (reply.status >= 300) throw new Error(`${method} ${path} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
    return reply.body;
  };
  const byWoman = as(woman.accessToken);
  const byChair = as(chair.accessToken);

  const ask = (body: Record<string, unknown>) =>
    byWoman('POST', ApiPaths.requests, { answers: {}, contact: { method: 'wechat' }, federationId: VILLAGE, ...body });
  const sensitive = await ask({
    categoryKey: ServiceCategoryKey.DomesticViolence,
    description: '他喝了酒就动手',
    answers: { safe_now: true },
    sensitiveConsent: true,
  });
  const forChair = await ask({ categoryKey: ServiceCategoryKey.FamilyEducation, description: '孩子不爱写作业' });
  const resolved = await ask({ categoryKey: ServiceCategoryKey.FamilyEducation, description: '想给孩子报个周末班' });
  const act = (id: string, action: RequestAction, body: unknown = {}) => byChair('POST', pathOf(requestActionPath(action), { id }), body);
  await act(forChair.id, RequestAction.Accept);
  await act(resolved.id, RequestAction.Accept);
  await act(resolved.id, RequestAction.Resolve, { resolution: '已介绍镇上的周末托管班' });
  const referred = await ask({ categoryKey: ServiceCategoryKey.FamilyEducation, description: '想找镇上的家长学校' });
  await act(referred.id, RequestAction.Refer, { toFederationId: VILLAGE.slice(0, 9), reason: '镇上有家长学校', messageToHer: '已请镇妇联帮您联系家长学校' });
  const recorded = (await byChair('POST', pathOf(ApiPaths.federationRequests, { id: VILLAGE }), {
    categoryKey: ServiceCategoryKey.FamilyEducation,
    description: '电话里说孩子不爱上学',
    answers: {},
    contact: { method: 'phone', phone: '13900000001' },
    womanName: '刘大姐',
    womanPhone: '13900000001',
    source: 'phone',
    consentRecorded: true,
  })) as { request: { id: string }; ratingCode: string };
  await act(recorded.request.id, RequestAction.Accept);
  await act(recorded.request.id, RequestAction.Resolve, { resolution: '已联系学校老师' });

  const site = await byChair('POST', pathOf(ApiPaths.federationSites, { id: VILLAGE }), {
    kind: SiteKind.WomensHome,
    name: '懿路村妇女之家',
    address: '铁岭县新台子镇懿路村村民服务中心一楼',
    latitude: 42.1005,
    longitude: 123.5005,
    phone: '024-87650001',
    openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:30', closes: '17:00' })),
    services: [ServiceCategoryKey.LegalAid, ServiceCategoryKey.FamilyEducation],
    chairPublicName: '张春梅',
  });

  const activities = (await byChair('GET', pathOf(ApiPaths.federationActivities, { id: VILLAGE }))) as { id: string; title: string }[];
  const screening = activities.find((a) => a.title === '免费两癌筛查');
  if (!screening) throw new Error(`no demo screening among ${JSON.stringify(activities.map((a) => a.title))}`);
  const signup = (await byWoman('POST', pathOf(ApiPaths.activitySignups, { id: screening.id }), {})) as { id: string };

  const concern = await byWoman('POST', pathOf(ApiPaths.federationConcerns, { id: VILLAGE }), {
    title: '村口路灯坏了',
    description: '从村口到小学那段路三盏灯不亮，孩子放学天黑了不安全。',
  });
  await byChair('POST', pathOf(ApiPaths.concernPublish, { id: concern.id }), {});

  const entry = await byChair('POST', pathOf(ApiPaths.federationRoster, { id: VILLAGE }), {
    name: '刘奶奶',
    phone: '13900000000',
    tags: [],
    consentRecorded: true,
  });

  // Written as a chair types on her phone: a heading, a list, and a link that becomes a button.
  const notice = await byChair('POST', pathOf(ApiPaths.federationNotices, { id: VILLAGE }), {
    kind: 'announcement',
    title: '免费两癌筛查报名通知',
    body: `# 时间地点\n村委会二楼，上午八点半开始。\n\n- 带身份证\n- 空腹\n\n报名：/packages/activities/detail?id=${screening.id}`,
  });
  await byChair('POST', pathOf(ApiPaths.noticePublish, { id: notice.id }), {});
  const draftNotice = await byChair('POST', pathOf(ApiPaths.federationNotices, { id: VILLAGE }), {
    kind: 'policy',
    title: '新修订的妇女权益保障法解读',
    body: '还在写。',
  });

  const pc = await call(base, 'POST', ApiPaths.consoleSignIns);
  if (pc.status !== 201) throw new Error(`POST ${ApiPaths.consoleSignIns} answered ${pc.status}`);

  return {
    siteId: site.id,
    sensitiveRequestId: sensitive.id,
    chairRequestId: forChair.id,
    resolvedRequestId: resolved.id,
    activityId: screening.id,
    concernId: concern.id,
    rosterEntryId: entry.id,
    noticeId: notice.id,
    draftNoticeId: draftNotice.id,
    ratingCode: recorded.ratingCode,
    consoleSignInId: pc.body.id,
    releaseSeat: async () => {
      await byWoman('POST', pathOf(ApiPaths.signupCancel, { id: signup.id }), {});
    },
  };
}
