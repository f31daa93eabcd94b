import { useDemoH5 } from '../support/h5-app';

/** A woman signs up for the demo screening in the H5 build, sees her QR code, and gives the seat back. */
describe('activities in the H5 build', () => {
  const h5 = useDemoH5();

  it('she signs up, sees the QR code and six digits on 我的报名, and cancels', async () => {
    const woman = await h5.signedIn('王秀英');
    await woman.goto(`${h5.baseUrl()}/#/pages/activities/index`);
    const card = woman.locator('.activity-item', { hasText: '免费两癌筛查' }).first();
    await card.waitFor({ timeout: 20_000 });
    // Other browser tests of the run may hold seats of the same demo activity: count from what is left now.
    const left = Number((await card.innerText()).match(/剩余(\d+)个名额/)?.[1]);
    expect(left).toBeGreaterThan(0);
    await card.locator('.activity-tap').first().click();
    await woman.locator('.sign-up').click();
    await woman.locator('.signup-outcome-text', { hasText: '报名成功' }).waitFor({ timeout: 20_000 });

    await woman.goto(`${h5.baseUrl()}/#/packages/activities/mine`);
    const seat = woman.locator('.signup-item', { hasText: '免费两癌筛查' }).first();
    await seat.locator('.qr-grid').waitFor({ timeout: 20_000 });
    expect(await seat.locator('.qr-dark').count()).toBeGreaterThan(100);
    expect(await seat.locator('.check-in-code').innerText()).toMatch(/\d{3}\s?\d{3}/);
    await h5.screenshot(woman, 'activity-qr');

    await woman.goBack();
    await woman.locator('.cancel-signup').click();
    await woman.getByText('确定取消').click();
    await woman.locator('.signup-outcome-text', { hasText: '已取消报名' }).waitFor({ timeout: 20_000 });
    await woman.goto(`${h5.baseUrl()}/#/pages/activities/index`);
    await woman.locator('.activity-item', { hasText: `剩余${left}个名额` }).first().waitFor({ timeout: 20_000 });
  });
});
