import { ApiPaths, RequestAction, ServiceCategoryKey, formatRatingCode, pathOf, ratingPagePath, requestActionPath, type OnBehalfCreated, type RequestDetail } from '@wfh/shared';
import { signInAs } from '../support/api-expect';
import { useDemoH5 } from '../support/h5-app';
import { until } from '../support/page-audit';
import { call } from '../support/test-app';

const VILLAGE = '211221101200';

/**
 * The chair's day in the H5 build: the woman she recorded a request for rates it with the code she
 * was read, on a phone nobody signed in on; the chair's home counts her inbox and opens it; a
 * referral's note stays among colleagues and what she referred is in 「我转出的」.
 */
describe("the chair's day in the H5 build", () => {
  const h5 = useDemoH5();

  async function api<T>(who: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const { accessToken } = await signInAs(h5.baseUrl(), who);
    const reply = await call<T>(h5.baseUrl(), method, path, { token: accessToken, body });
    if (reply.status >= 300) throw new Error(`${method} ${path} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
    return reply.body;
  }

  /** A request the chair took by phone and has resolved: its code is the woman's to rate with. */
  async function resolvedByPhone(womanName: string): Promise<OnBehalfCreated> {
    const created = await api<OnBehalfCreated>('chair-yilu', 'POST', pathOf(ApiPaths.federationRequests, { id: VILLAGE }), {
      categoryKey: ServiceCategoryKey.FamilyEducation,
      description: '电话里说孩子不爱上学',
      answers: {},
      contact: { method: 'phone', phone: '13900000002' },
      womanName,
      womanPhone: '13900000002',
      source: 'phone',
      consentRecorded: true,
    });
    for (const [action, body] of [[RequestAction.Accept, {}], [RequestAction.Resolve, { resolution: '已联系学校老师' }]] as const) {
      await api('chair-yilu', 'POST', pathOf(requestActionPath(action), { id: created.request.id }), body);
    }
    return created;
  }

  it('an SMS link opens her rating page without signing in; she rates in two taps and is thanked', async () => {
    const { ratingCode, request } = await resolvedByPhone('刘大姐');
    const phone = await h5.signedOut(ratingPagePath(ratingCode));
    await phone.locator('.rating-found-body', { hasText: '懿路村妇联为您登记的求助' }).waitFor({ timeout: 20_000 });
    await phone.locator('.helped-option', { hasText: '是' }).click();
    await phone.locator('.rate-satisfied').click();
    await phone.locator('.rating-thanks', { hasText: '谢谢您的评价' }).waitFor({ timeout: 20_000 });
    await h5.screenshot(phone, 'rating-code-thanks');
    const seen = await api<RequestDetail>('chair-yilu', 'GET', pathOf(ApiPaths.request, { id: request.id }));
    expect(seen).toMatchObject({ state: 'closed', rating: { rating: 'satisfied', helped: true } });
  });

  it('she types the code read out to her; a wrong digit is caught on the page, the right one opens her rating', async () => {
    const { ratingCode } = await resolvedByPhone('孙大姐');
    const phone = await h5.signedOut(ratingPagePath());
    const input = phone.locator('.rating-code-input input');
    await input.waitFor({ timeout: 20_000 });
    expect(await input.getAttribute('type')).toBe('number');
    const wrong = ratingCode.slice(0, 15) + String((Number(ratingCode[15]) + 1) % 10);
    await input.fill(wrong);
    await phone.locator('.look-up-rating-code').click();
    await phone.locator('.field-error', { hasText: '有一位数字不对' }).waitFor({ timeout: 20_000 });
    await input.fill(ratingCode);
    await phone.locator('.rating-code-echo', { hasText: formatRatingCode(ratingCode) }).waitFor({ timeout: 20_000 });
    await h5.screenshot(phone, 'rating-code-typed');
    await phone.locator('.look-up-rating-code').click();
    await phone.locator('.rating-panel').waitFor({ timeout: 20_000 });
  });

  it('her home page counts the new requests; a referral tells the woman only the words meant for her; it waits in 「我转出的」', async () => {
    const woman = await h5.signedIn('王秀英');
    const { id } = (await call<RequestDetail>(h5.baseUrl(), 'POST', ApiPaths.requests, {
      token: (await signInAs(h5.baseUrl(), 'woman-yilu')).accessToken,
      body: { categoryKey: ServiceCategoryKey.FamilyEducation, description: '想找镇上的家长学校', answers: {}, contact: { method: 'wechat' }, federationId: VILLAGE },
    })).body;

    const chair = await h5.signedIn('张春梅');
    await chair.locator('.inbox-shortcut .inbox-counts', { hasText: '件新求助等您受理' }).waitFor({ timeout: 20_000 });
    await h5.screenshot(chair, 'home-inbox-counts');
    await chair.locator('.inbox-shortcut .open-workbench').click();
    await chair.locator(`.inbox-item:has-text("王秀英")`).first().waitFor({ timeout: 20_000 });
    await chair.goto(`${h5.baseUrl()}/#/packages/workbench/request?id=${id}`);
    await chair.locator('.action-refer').click();
    await chair.locator('.refer-search input').fill('新台子镇');
    await chair.locator('.refer-search-button').click();
    await chair.locator('.refer-hit', { hasText: '新台子镇妇联' }).first().click();
    await chair.locator('.action-text textarea').fill('她婆婆住在镇上，镇里出面更好说话');
    await chair.locator('.action-to-her textarea').fill('已请镇妇联帮您联系家长学校');
    await h5.screenshot(chair, 'referral-two-notes');
    await chair.locator('.action-confirm').click();
    await chair.locator('.timeline-staff-note', { hasText: '给同事的说明：她婆婆住在镇上' }).waitFor({ timeout: 20_000 });

    await woman.goto(`${h5.baseUrl()}/#/packages/requests/detail?id=${id}`);
    await woman.locator('.timeline-note', { hasText: '已请镇妇联帮您联系家长学校' }).waitFor({ timeout: 20_000 });
    expect(await woman.locator('body').innerText()).not.toContain('婆婆');

    // A fresh load (her session is kept): no page slides in over the one before.
    await chair.goto('about:blank');
    await chair.goto(`${h5.baseUrl()}/#/packages/workbench/referred-out?federationId=${VILLAGE}`);
    await chair.locator('.referred-out-open .inbox-item', { hasText: '转给新台子镇妇联' }).first().waitFor({ timeout: 20_000 });
    await until(chair, `![...document.querySelectorAll('.status')].some((el) => el.getClientRects().length > 0)`, 20_000, 'the list loaded');
    await h5.screenshot(chair, 'referred-out');
  });
});
