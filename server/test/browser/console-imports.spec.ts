import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { ApiPaths, pathOf } from '@wfh/shared';
import { signInAs } from '../support/api-expect';
import { launchChromium } from '../support/browser';
import { H5_DIR, SCREENSHOTS } from '../support/h5-app';
import { auditCareMode, CARE_RULES, findingLines } from '../support/page-audit';
import { call, startTestApp, type TestApp } from '../support/test-app';

/** The demo's county admin of 铁岭县. */
const ADMIN = { key: 'admin-tieling-county', name: '陈静' };
/** 懿路村 of 新台子镇, where the new sites go. */
const VILLAGE = '211221101200';
const PC = { width: 1366, height: 768 };

/**
 * 导入导出 in the PC console (the H5 build at 1366×768), as a county admin does it: she downloads the
 * sites template, fills it in, the check names the bad row by its row number, column and what is
 * wrong, she fixes it, checks again, imports, sees the result, and exports the county's sites with
 * the new ones in them.
 */
describe('imports and exports in the PC console', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    if (!existsSync(join(H5_DIR, 'index.html'))) throw new Error(`No H5 build at ${H5_DIR}: run "pnpm build:h5" in miniapp first`);
    t = await startTestApp({ H5_DIR, SEED_DEMO: 'true' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await t?.close();
  });

  const visible = (page: Page, selector: string) => page.locator(selector).filter({ visible: true });

  /** The console's own sign-in: the PC shows a code, her phone confirms it (here through the API). */
  async function signInAtPc(): Promise<Page> {
    context = await browser.newContext({ viewport: PC, deviceScaleFactor: 1, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/#/packages/console/sign-in`);
    const code = visible(page, '.console-sign-in-code');
    await code.waitFor({ timeout: 20_000 });
    const id = (await code.getAttribute('data-sign-in'))!;
    const { accessToken } = await signInAs(t.baseUrl, ADMIN.key);
    expect((await call(t.baseUrl, 'POST', pathOf(ApiPaths.consoleSignInConfirm, { id }), { token: accessToken })).status).toBe(200);
    await page.waitForURL(/packages\/workbench\/index/, { timeout: 20_000 });
    return page;
  }

  async function downloaded(page: Page, selector: string): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), visible(page, selector).click()]) as [Download, void];
    const path = await download.path();
    return { name: download.suggestedFilename(), text: readFileSync(path).toString('utf8') };
  }

  async function expectCareMode(page: Page, where: string): Promise<void> {
    const audit = await auditCareMode(page, CARE_RULES);
    expect({ where, findings: findingLines(audit) }).toEqual({ where, findings: [] });
  }

  it('downloads the template, shows a bad row by row, column and message, imports the fixed file and exports it', async () => {
    const page = await signInAtPc();
    await visible(page, '.console-nav-imports').click();
    await page.waitForURL(/packages\/admin\/imports/, { timeout: 20_000 });
    const sites = visible(page, '.import-kind-option').filter({ hasText: '阵地' });
    await sites.waitFor({ timeout: 20_000 });
    expect(await sites.getAttribute('class')).toContain('choice-selected');
    await expect(visible(page, '.console-nav-imports.btn-primary').count()).resolves.toBe(1);

    // The template, under its Chinese name, with the columns to fill in.
    const template = await downloaded(page, '.download-template-csv');
    expect(template.name).toBe('阵地导入模板.csv');
    const [header] = parse(template.text.replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];
    expect(header).toEqual(expect.arrayContaining(['名称', '类型', '乡镇（街道）', '纬度', '经度']));
    const sheet = (rows: Array<Record<string, string>>) =>
      Buffer.from(stringify([header!, ...rows.map((row) => header!.map((column) => row[column] ?? ''))]), 'utf8');
    const home = { 类型: '妇女之家', '乡镇（街道）': '新台子镇', 所属组织: '懿路村', 地址: '懿路村村委会一楼', 经度: '123.5021' };
    const good = { ...home, 名称: '懿路村第二妇女之家', 纬度: '42.1012' };
    const bad = { ...home, 名称: '懿路村妇女微家', 类型: '妇女微家', 地址: '懿路村三组', 纬度: '142.1' };

    await page.setInputFiles('.import-file-input', { name: '阵地.csv', mimeType: 'text/csv', buffer: sheet([good, bad]) });
    const problem = visible(page, '.import-problem-row');
    await problem.first().waitFor({ timeout: 30_000 });
    expect(await problem.count()).toBe(1);
    expect(await problem.locator('.import-problem-line').innerText()).toBe('第 3 行');
    expect(await problem.locator('.import-problem-column').innerText()).toBe('纬度');
    expect(await problem.locator('.import-problem-message').innerText()).toContain('不在中国境内');
    expect(await visible(page, '.import-summary .import-count-bad .import-count-number').innerText()).toBe('1');
    expect(await visible(page, '.confirm-import').count()).toBe(0);
    // At a PC the problems are a table: its head shown, row, column and message side by side.
    expect(await visible(page, '.import-problems .import-table-head').count()).toBe(1);
    const cells = await problem.locator('.import-table-cell').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().top));
    expect(Math.max(...cells) - Math.min(...cells)).toBeLessThan(4);
    await expectCareMode(page, 'imports with a bad row at 1366×768');
    await visible(page, '.import-flow').screenshot({ path: join(SCREENSHOTS, 'console-imports-problems-1366.png') });

    // She fixes the latitude and chooses the file again.
    await visible(page, '.choose-again').click();
    await page.setInputFiles('.import-file-input', { name: '阵地（改好）.csv', mimeType: 'text/csv', buffer: sheet([good, { ...bad, 纬度: '42.1031' }]) });
    await visible(page, '.confirm-import').waitFor({ timeout: 30_000 });
    expect(await visible(page, '.import-summary .import-count-create .import-count-number').innerText()).toBe('2');
    expect(await visible(page, '.import-problem-row').count()).toBe(0);
    expect(await visible(page, '.import-row-create .import-row-summary').allInnerTexts()).toEqual([
      expect.stringContaining('懿路村第二妇女之家'),
      expect.stringContaining('懿路村妇女微家'),
    ]);

    await visible(page, '.confirm-import').click();
    const result = visible(page, '.import-result');
    await result.waitFor({ timeout: 30_000 });
    expect(await result.innerText()).toContain('导入完成');
    expect(await result.innerText()).toContain('已新增 2 行');
    await expectCareMode(page, 'imports done at 1366×768');
    await visible(page, '.import-flow').screenshot({ path: join(SCREENSHOTS, 'console-imports-result-1366.png') });

    // The new sites are the village's now, for everyone.
    const listed = await call(t.baseUrl, 'GET', pathOf(ApiPaths.federationSites, { id: VILLAGE }));
    expect(listed.body.map((s: { name: string }) => s.name)).toEqual(expect.arrayContaining(['懿路村第二妇女之家', '懿路村妇女微家']));

    // And the export has them, in the import's own columns.
    const exported = await downloaded(page, '.export-csv');
    expect(exported.name).toBe('铁岭县阵地.csv');
    expect(exported.text).toContain('懿路村第二妇女之家');
    expect(exported.text).toContain('42.1031');
    expect(exported.text.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe(header!.join(','));
  });

  it('keeps the page a phone can read below 1024 px: each problem a card of its own', async () => {
    const page = await signInAtPc();
    // Through the console's own navigation, as she would: a typed address can race the sign-in's
    // own move to the workbench and be overtaken by it.
    await visible(page, '.console-nav-imports').click();
    await page.waitForURL(/packages\/admin\/imports/, { timeout: 20_000 });
    await visible(page, '.choose-import-file').first().waitFor({ timeout: 20_000 });
    await page.setViewportSize({ width: 375, height: 740 });
    await page.setInputFiles('.import-file-input', {
      name: '阵地.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('名称,类型,所属组织,地址,纬度,经度\r\n懿路村妇女小组,妇女小组,懿路村,懿路村四组,42.1,200\r\n', 'utf8'),
    });
    const problem = visible(page, '.import-problem-row');
    await problem.first().waitFor({ timeout: 30_000 });
    expect(await visible(page, '.import-table-head').count()).toBe(0);
    const line = await problem.locator('.import-problem-line').boundingBox();
    const message = await problem.locator('.import-problem-message').boundingBox();
    expect(message!.y).toBeGreaterThan(line!.y + line!.height - 1);
    await expectCareMode(page, 'imports with a bad row at 375×740');
  });
});
