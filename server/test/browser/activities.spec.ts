import { ActivityCategory, ApiPaths, pathOf, type ActivityDetail, type SignupView } from '@wfh/shared';
import { signInAs } from '../support/api-expect';
import { useDemoH5 } from '../support/h5-app';
import { call } from '../support/test-app';

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

  it('the chair checks a woman in by tapping her name: the browser has no scanner', async () => {
    const api = async <T>(who: string, path: string, body: unknown = {}): Promise<T> => {
      const { accessToken } = await signInAs(h5.baseUrl(), who);
      const reply = await call<T>(h5.baseUrl(), 'POST', path, { token: accessToken, body });
      if (reply.status >= 300) throw new Error(`POST ${path} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
      return reply.body;
    };
    // An activity about to start, so check-in is open now.
    const now = Date.now();
    const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();
    const activity = await api<ActivityDetail>('chair-yilu', pathOf(ApiPaths.federationActivities, { id: '211221101200' }), {
      title: '按名单签到的读书会',
      description: '一起读书',
      category: ActivityCategory.Culture,
      address: '懿路村村委会二楼',
      latitude: 42.2,
      longitude: 123.5,
      startsAt: at(30),
      endsAt: at(120),
      signupOpensAt: at(0),
      signupClosesAt: at(20),
      capacity: 5,
    });
    await api('chair-yilu', pathOf(ApiPaths.activityPublish, { id: activity.id }));
    await api<SignupView>('woman-yilu', pathOf(ApiPaths.activitySignups, { id: activity.id }));

    const chair = await h5.signedIn('张春梅');
    await chair.goto(`${h5.baseUrl()}/#/packages/workbench/check-in?id=${activity.id}`);
    await chair.locator('.check-in-how', { hasText: '在下面的名单里找到她' }).waitFor({ timeout: 20_000 });
    expect(await chair.locator('.scan-check-in').count()).toBe(0);
    const row = chair.locator('.attendee-check-in', { hasText: '王秀英' });
    await row.locator('.check-in-by-name-button').click();
    await chair.locator('.check-in-outcome-text', { hasText: '签到成功：王秀英' }).waitFor({ timeout: 20_000 });
    await row.locator('.attendee-checked-in', { hasText: '已签到' }).waitFor({ timeout: 20_000 });
    await h5.screenshot(chair, 'check-in-by-name');
  });
});
