import { ApiPaths, RequestAction, ServiceCategoryKey, pathOf, requestActionPath, type BodyStats, type SubtreeStats } from '@wfh/shared';
import type { Page, Response } from 'playwright-core';
import { signInAs } from '../support/api-expect';
import { join } from 'node:path';
import { SCREENSHOTS, useDemoH5 } from '../support/h5-app';
import { call } from '../support/test-app';

const TOWNSHIP = '211221101';
const VILLAGE = '211221101200';

/** 近30天 in Asia/Shanghai, the range the dashboard opens on. */
function last30Days(): { from: string; to: string } {
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const from = new Date(Date.parse(`${today}T00:00:00Z`) - 29 * 24 * 3600_000).toISOString().slice(0, 10);
  return { from, to: today };
}

/** Every API answer of 400 and above the page gets, asked for in the background or not. */
function refusals(page: Page): string[] {
  const refused: string[] = [];
  page.on('response', (response: Response) => {
    if (response.status() >= 400 && response.url().includes('/api/')) refused.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  return refused;
}

/**
 * In the page, the chart's canvas pixels that pass `test` (r, g, b): a string, as the other browser
 * tests write page code, since these tests compile without the DOM's types.
 */
const countPixels = (chartId: string, test: string) => `(() => {
  const canvas = document.querySelector('#${chartId} canvas');
  const context = canvas && canvas.getContext('2d');
  if (!canvas || !context || canvas.width === 0) return 0;
  const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
  let count = 0;
  for (let i = 0; i < data.length; i += 4) if (((r, g, b) => ${test})(data[i], data[i + 1], data[i + 2])) count += 1;
  return count;
})()`;

/** How many of the canvas's pixels are the chart's red (#b4233c), bars or line: 0 for a blank canvas. */
async function redPixels(page: Page, id: string): Promise<number> {
  return page.evaluate<number>(countPixels(id, 'Math.abs(r - 0xb4) < 24 && Math.abs(g - 0x23) < 24 && Math.abs(b - 0x3c) < 24'));
}

/** Waits until the chart has drawn bars or a line: the canvas is filled on a later frame than the page. */
async function chartDrawn(page: Page, id: string): Promise<void> {
  await page.waitForFunction(`${countPixels(id, 'r > 150 && g < 80 && b < 100')} > 0`, undefined, { timeout: 20_000 });
}

/** Township staff open their dashboard in the H5 build: villages' figures first, real charts, a village's own page. */
describe('the township dashboard in the H5 build', () => {
  const h5 = useDemoH5();

  it('shows the villages’ answer and finishing times first, draws the weeks, and opens a village’s own page without a refused call', async () => {
    const base = h5.baseUrl();
    const woman = await signInAs(base, 'woman-yilu');
    const chair = await signInAs(base, 'chair-yilu');
    const asked = await call(base, 'POST', ApiPaths.requests, {
      token: woman.accessToken,
      body: { categoryKey: ServiceCategoryKey.FamilyEducation, description: '孩子不爱写作业', answers: {}, contact: { method: 'wechat' }, federationId: VILLAGE },
    });
    expect(asked.status).toBe(201);
    const act = (action: RequestAction, body: object) =>
      call(base, 'POST', pathOf(requestActionPath(action), { id: asked.body.id }), { token: chair.accessToken, body });
    expect((await act(RequestAction.Accept, {})).status).toBeLessThan(300);
    expect((await act(RequestAction.Resolve, { resolution: '已和孩子的老师沟通' })).status).toBeLessThan(300);

    // What the server counts for the default range (other browser tests of this run may have asked in 懿路村 too).
    const range = last30Days();
    const staffToken = (await signInAs(base, 'staff-xintaizi')).accessToken;
    const statsOf = async (id: string) =>
      (await call(base, 'GET', `${pathOf(ApiPaths.federationStats, { id })}?from=${range.from}&to=${range.to}`, { token: staffToken })).body as SubtreeStats;
    const township = await statsOf(TOWNSHIP);
    const yilu = township.children.find((c: BodyStats) => c.federationId === VILLAGE)!;
    expect(yilu.received).toBeGreaterThanOrEqual(1);
    expect(yilu.resolutionMedianMinutes).not.toBeNull();

    const staff = await h5.signedIn('赵丽');
    const refused = refusals(staff);
    await staff.goto(`${base}/#/packages/dashboard/index`);
    const row = staff.locator('.body-row', { hasText: '懿路村' }).first();
    await row.locator('.body-row-resolution').waitFor({ timeout: 30_000 });

    // The villages come first: the first one is on her first screen, above the township's totals and charts.
    const firstRow = (await staff.locator('.body-row').first().boundingBox())!;
    await staff.screenshot({ path: join(SCREENSHOTS, 'dashboard-first-screen.png') });
    expect(firstRow.y).toBeLessThan(staff.viewportSize()!.height);
    const metricsTop = (await staff.locator('.metrics').first().boundingBox())!.y;
    expect(firstRow.y).toBeLessThan(metricsTop);
    // 近30天 to today: the range she opened on.
    expect(await staff.locator('.stats-range').innerText()).toContain(`至${Number(range.to.slice(5, 7))}月${Number(range.to.slice(8))}日`);

    // Its row says what the server counts, each figure named.
    const figure = async (key: string) => (await row.locator(`.body-row-${key}`).innerText()).replace(/\s+/g, '');
    expect(await figure('received')).toBe(`收到求助${yilu.received}件`);
    expect(await figure('resolution')).toMatch(/^办结（中位数）.+$/);
    expect(await figure('resolution')).not.toContain('暂无');
    expect(await figure('on-time')).toMatch(/^按时办结率(\d+%|不到1%|暂无)$/);
    expect(await figure('overdue-now')).toBe(`超时未办${yilu.overdueNow}件`);

    // The weeks are a drawn chart, not rows of 暂无.
    expect(await staff.locator('.week-chart-row').count()).toBe(0);
    const townshipChart = `week-received-chart-${TOWNSHIP}`;
    await staff.locator(`#${townshipChart}`).scrollIntoViewIfNeeded();
    await chartDrawn(staff, townshipChart);
    expect(await redPixels(staff, townshipChart)).toBeGreaterThan(50);
    expect(await staff.locator('.week-received-chart-words').innerText()).toContain(`共收到求助${township.total.received}件`);
    const categoryBar = staff.locator('.category-chart-row', { hasText: '家庭教育指导' });
    expect((await categoryBar.locator('.bar-fill').boundingBox())!.width).toBeGreaterThan(20);

    const text = await staff.locator('body').innerText();
    expect(text).not.toContain('孩子不爱写作业');
    expect(text).not.toMatch(/排名|排行/);
    await h5.screenshot(staff, 'dashboard');
    await staff.locator('.week-received-chart-box').screenshot({ path: join(SCREENSHOTS, 'dashboard-week-chart.png') });

    // Her tap on the village opens its own figures and chart.
    await row.scrollIntoViewIfNeeded();
    await row.click();
    await staff.waitForURL(/packages\/dashboard\/village/, { timeout: 20_000 });
    const village = await statsOf(VILLAGE);
    const page = staff.locator('.care-page').filter({ visible: true }).last();
    await page.locator('.stats-body-name', { hasText: '懿路村妇联' }).waitFor({ timeout: 20_000 });
    expect(await page.locator('.metrics .card-title').first().innerText()).toBe(`办理情况（收到求助${village.total.received}件）`);
    expect(await page.locator('.metric-resolution .metric-value').innerText()).not.toBe('暂无');
    expect(await page.locator('.metric-overdue .metric-value').innerText()).toBe(`${village.total.overdueNow}件`);
    const villageChart = `week-received-chart-${VILLAGE}`;
    await page.locator(`#${villageChart}`).scrollIntoViewIfNeeded();
    await chartDrawn(staff, villageChart);
    expect(await redPixels(staff, villageChart)).toBeGreaterThan(50);
    await h5.screenshot(staff, 'dashboard-village');

    // Nothing she was shown asked the server for what a township may not see.
    expect(refused).toEqual([]);
  });
});
