import { ApiPaths, RequestAction, ServiceCategoryKey, pathOf, requestActionPath } from '@wfh/shared';
import { signInAs } from '../support/api-expect';
import { join } from 'node:path';
import { SCREENSHOTS, useDemoH5 } from '../support/h5-app';
import { call } from '../support/test-app';

/** Township staff open their dashboard in the H5 build: the cards, the charts drawn, the villages by overdue. */
describe('the township dashboard in the H5 build', () => {
  const h5 = useDemoH5();

  it('shows her township with its villages and draws the charts, with no case text and no ranking', async () => {
    const base = h5.baseUrl();
    const woman = await signInAs(base, 'woman-yilu');
    const chair = await signInAs(base, 'chair-yilu');
    const asked = await call(base, 'POST', ApiPaths.requests, {
      token: woman.accessToken,
      body: { categoryKey: ServiceCategoryKey.FamilyEducation, description: '孩子不爱写作业', answers: {}, contact: { method: 'wechat' }, federationId: '211221101200' },
    });
    expect(asked.status).toBe(201);
    await call(base, 'POST', pathOf(requestActionPath(RequestAction.Accept), { id: asked.body.id }), { token: chair.accessToken, body: {} });

    const staff = await h5.signedIn('赵丽');
    await staff.goto(`${base}/#/packages/dashboard/index`);
    await staff.locator('.metric-value').first().waitFor({ timeout: 30_000 });
    await staff.locator('.body-row', { hasText: '懿路村' }).first().waitFor({ timeout: 20_000 });
    // Other browser tests of this run may have asked for help in 懿路村 too: the row shows what the server counts.
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const staffToken = (await signInAs(base, 'staff-xintaizi')).accessToken;
    const stats = await call(base, 'GET', `${pathOf(ApiPaths.federationStats, { id: '211221101' })}?from=${today.slice(0, 4)}-01-01&to=${today}`, { token: staffToken });
    const yilu = stats.body.children.find((c: { name: string }) => c.name === '懿路村妇联');
    expect(yilu.received).toBeGreaterThanOrEqual(1);
    expect(await staff.locator('.body-row', { hasText: '懿路村' }).first().innerText()).toContain(`收到求助${yilu.received}件`);
    // The category chart draws a bar for the one request; the weekly chart draws its weeks (or says none was answered yet).
    const categoryBar = staff.locator('.category-chart-row', { hasText: '家庭教育指导' });
    await categoryBar.locator('.bar-fill').waitFor({ timeout: 20_000 });
    expect((await categoryBar.locator('.bar-fill').boundingBox())!.width).toBeGreaterThan(20);
    await staff.locator('.week-chart, .week-chart-empty').first().waitFor({ timeout: 20_000 });
    const body = await staff.locator('body').innerText();
    expect(body).not.toContain('孩子不爱写作业');
    expect(body).not.toMatch(/排名|排行/);
    await h5.screenshot(staff, 'dashboard');
    await staff.locator('.category-chart').scrollIntoViewIfNeeded();
    await staff.locator('.category-chart').screenshot({ path: join(SCREENSHOTS, 'dashboard-category-chart.png') });
  });
});
