import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiPaths, ERROR_MESSAGES, ErrorCode, IDEMPOTENCY_HEADER, PHONE_MESSAGE, pathOf, type SubmitRequestInput } from '@wfh/shared';
import AskForHelpPage from '../src/packages/requests/index';
import { setHome } from '../src/api';
import { startSession } from '../src/api/session';
import { typeInto } from './support/dom';
import { FakeApi, fail, ok } from './support/fake-api';
import { meWithHome, meWithoutHome, tokensFor, villager } from './support/fixtures';
import { categories, detail } from './support/requests';
import taro, { setRouterParams, taroStorage, type RequestOptions } from './support/taro-mock';

const texts = (selector: string) =>
  Array.from(document.querySelectorAll<HTMLElement>(selector)).map((el) => el.textContent);

const created = (status = 201) => ({ statusCode: status, data: detail({ id: 'req-1' }) });
const dropped = () => Promise.reject({ errMsg: 'request:fail timeout' });

function api(me = meWithHome) {
  return new FakeApi().on('GET', ApiPaths.categories, ok(categories)).on('GET', ApiPaths.me, ok(me));
}

const posts = (fake: FakeApi) => fake.callsTo('POST', ApiPaths.requests);
const keyOf = (call: RequestOptions) => call.header?.[IDEMPOTENCY_HEADER];

async function chooseCategory(name: string) {
  const card = await waitFor(() => {
    const found = Array.from(document.querySelectorAll<HTMLElement>('.category-card')).find(
      (el) => el.querySelector('.category-name')?.textContent === name,
    );
    if (!found) throw new Error(`no category card ${name}`);
    return found;
  });
  fireEvent.click(card);
}

function tap(selector: string, text?: string) {
  const candidates = Array.from(document.querySelectorAll<HTMLElement>(selector));
  const target = text === undefined ? candidates[0] : candidates.find((el) => el.textContent === text);
  if (!target) throw new Error(`nothing to tap at ${selector}${text ? ` “${text}”` : ''}`);
  fireEvent.click(target);
}

/** Fills the 其他 form (no questions of its own) so that it can be sent. */
async function fillOtherForm(description = '想问问村里有没有技能培训') {
  await chooseCategory('其他');
  await screen.findByText('发生了什么事，需要什么帮助');
  await typeInto('.request-description', description);
  tap('.contact-option', '上门');
}

beforeEach(() => {
  taroStorage.clear();
  setRouterParams({});
  startSession(tokensFor(villager));
});

describe('我要求助', () => {
  it('shows a card per category from the API, with its plain description', async () => {
    api();
    render(<AskForHelpPage />);

    await waitFor(() => expect(texts('.category-card .category-name')).toEqual(['法律帮助与维权', '家庭暴力求助', '其他']));
    expect(texts('.category-card .category-description')).toEqual([
      '遇到纠纷、权益受到侵害，想知道该怎么办',
      '在家里被打、被威胁、被限制自由',
      '上面没有的事',
    ]);
  });

  it('shows the category’s own questions, marks the required ones, and shows her village', async () => {
    api();
    render(<AskForHelpPage />);
    await chooseCategory('法律帮助与维权');

    await screen.findByText('是哪方面的事');
    expect(texts('.question .field-label')).toEqual(['是哪方面的事（必填）', '手里有相关材料吗', '涉及几个人']);
    expect(texts('.question-topic .answer-option')).toEqual(['婚姻家庭', '财产', '工作']);
    expect(texts('.question-has_papers .answer-option')).toEqual(['是', '否']);
    expect(texts('.form-home-name')).toEqual(['懿路村妇联']);
    // The count waits until she is near the limit: an empty form says nothing about lengths.
    expect(texts('.text-count')).toEqual([]);
  });

  it('clears a message the moment she fixes its field, counts near the limit, and keeps a long text whole', async () => {
    const fake = api().on('POST', ApiPaths.requests, created());
    render(<AskForHelpPage />);
    await chooseCategory('其他');
    await screen.findByText('发生了什么事，需要什么帮助');
    tap('.contact-option', '打电话');
    await typeInto('.contact-phone', '0410');
    tap('.submit-request');
    await waitFor(() => expect(texts('.field-error')).toEqual(['请简单写一写您遇到的事情', PHONE_MESSAGE]));

    await typeInto('.request-description', '地里的活忙不过来');
    await waitFor(() => expect(texts('.field-error')).toEqual([PHONE_MESSAGE]));
    // A landline with its area code, kept as she wrote it.
    await typeInto('.contact-phone', '0410-123-4567');
    await waitFor(() => expect(texts('.field-error')).toEqual([]));
    expect(texts('.form-error')).toEqual([]);

    // From 80% of the limit on she sees how much she has written.
    await typeInto('.request-description', '字'.repeat(1_850));
    expect(texts('.text-count')).toEqual(['已写 1,850/2,000 字']);
    // A pasted 5,000 is kept whole (no maxlength cut) and shown as too long, in red, and not sent.
    await typeInto('.request-description', '字'.repeat(5_000));
    expect(document.querySelector('.request-description')?.getAttribute('maxlength')).toBe('-1');
    expect(texts('.text-count-over')).toEqual(['已写 5,000/2,000 字，多了 3,000 字，请删短一些']);
    tap('.submit-request');
    await waitFor(() => expect(texts('.field-error')).toEqual(['求助内容最多 2,000 字，现在 5,000 字，请删短一些']));
    expect(posts(fake)).toHaveLength(0);

    await typeInto('.request-description', '字'.repeat(2_000));
    await waitFor(() => expect(texts('.field-error')).toEqual([]));
    tap('.submit-request');
    await waitFor(() => expect(posts(fake)).toHaveLength(1));
    const sent = posts(fake)[0].data as SubmitRequestInput;
    expect(sent.contact).toEqual({ method: 'phone', phone: '0410-123-4567' });
    expect(sent.description).toHaveLength(2_000);
  });

  it('offers 快速离开 on every help form, not only the sensitive ones: a legal matter may be her marriage', async () => {
    api();
    render(<AskForHelpPage />);
    await chooseCategory('法律帮助与维权');

    await screen.findByText('是哪方面的事');
    expect(document.querySelectorAll('.quick-exit')).toHaveLength(1);
    tap('.quick-exit');
    expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/neutral/index' });
  });

  it('does not send while a required question is unanswered, and says which in Chinese', async () => {
    const fake = api();
    render(<AskForHelpPage />);
    await chooseCategory('法律帮助与维权');
    await typeInto('.request-description', '邻居占了我家的地');
    tap('.contact-option', '上门');

    tap('.submit-request');

    await waitFor(() => expect(texts('.form-error')).toEqual(['请选择：是哪方面的事']));
    // Said on the page, not in a toast that would lie over it.
    expect(taro.showToast).not.toHaveBeenCalled();
    expect(posts(fake)).toHaveLength(0);
  });

  it('asks for the phone number when she wants to be called', async () => {
    const fake = api();
    render(<AskForHelpPage />);
    await chooseCategory('其他');
    await typeInto('.request-description', '想问问');
    tap('.contact-option', '打电话');

    tap('.submit-request');

    await waitFor(() => expect(texts('.form-error')).toEqual(['请填写您的电话号码']));
    expect(posts(fake)).toHaveLength(0);
  });

  it('sends the answers typed, the contact and her village, then opens the new request', async () => {
    const fake = api().on('POST', ApiPaths.requests, created());
    render(<AskForHelpPage />);
    await chooseCategory('法律帮助与维权');
    await screen.findByText('是哪方面的事');
    tap('.question-topic .answer-option', '财产');
    tap('.question-has_papers .answer-option', '否');
    await typeInto('.question-people', '3');
    await typeInto('.request-description', '邻居占了我家的地');
    tap('.contact-option', '打电话');
    await typeInto('.contact-phone', '13800000000');
    await typeInto('.contact-safe-times', '工作日上午');

    tap('.submit-request');

    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/requests/detail?id=req-1' }));
    const body: SubmitRequestInput = {
      categoryKey: categories[0].key,
      description: '邻居占了我家的地',
      answers: { topic: '财产', has_papers: false, people: 3 },
      contact: { method: 'phone', phone: '13800000000', safeTimes: '工作日上午' },
      federationId: '211221100201',
    };
    expect(posts(fake).map((call) => call.data)).toEqual([body]);
  });

  it('sends an Idempotency-Key, and the same key again when she retries after the signal dropped', async () => {
    const fake = api().on('POST', ApiPaths.requests, dropped, created());
    render(<AskForHelpPage />);
    await fillOtherForm();

    tap('.submit-request');
    await screen.findByText(/没有发送成功，您写的内容都还在/);
    expect(taro.redirectTo).not.toHaveBeenCalled();
    tap('.submit-request');

    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/requests/detail?id=req-1' }));
    const keys = posts(fake).map(keyOf);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(keys[1]).toBe(keys[0]);
  });

  it('takes a new key once the server has refused the form, since nothing was filed', async () => {
    const refused = fail(400, ErrorCode.ValidationFailed, '填写的内容有误，请按提示修改后再提交');
    const fake = api().on('POST', ApiPaths.requests, refused, created());
    render(<AskForHelpPage />);
    await fillOtherForm();

    tap('.submit-request');
    await waitFor(() =>
      expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '填写的内容有误，请按提示修改后再提交' })),
    );
    tap('.submit-request');

    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalled());
    const [first, second] = posts(fake).map(keyOf);
    expect(second).not.toBe(first);
  });

  it('tells her it was already sent when the first try reached the server before the signal dropped', async () => {
    const reused = fail(422, ErrorCode.IdempotencyKeyReused, ERROR_MESSAGES[ErrorCode.IdempotencyKeyReused]);
    api().on('POST', ApiPaths.requests, dropped, reused);
    render(<AskForHelpPage />);
    await fillOtherForm();

    tap('.submit-request');
    await screen.findByText(/没有发送成功/);
    await typeInto('.request-description', '想问问村里有没有技能培训，周末也行');
    tap('.submit-request');

    await screen.findByText('您的求助刚才已经发出了，不用再发一次。');
    fireEvent.click(screen.getByText('查看我的求助'));
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/requests/mine' });
  });

  it('without a village, does not send, offers the chooser, and shows the village chosen there', async () => {
    const fake = api(meWithoutHome).on('PUT', ApiPaths.meHome, ok(meWithHome));
    render(<AskForHelpPage />);
    await chooseCategory('其他');
    await typeInto('.request-description', '想问问');
    tap('.contact-option', '微信');
    tap('.submit-request');
    await waitFor(() => expect(texts('.form-error')).toEqual(['请先选择您所在的村（社区）']));
    expect(posts(fake)).toHaveLength(0);

    fireEvent.click(screen.getByText('选择我所在的村（社区）'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/places/choose-village?back=1' });
    // What the chooser does when she confirms there; the form is still open underneath.
    await act(() => setHome(meWithHome.home!.id));

    await waitFor(() => expect(texts('.form-home-name')).toEqual(['懿路村妇联']));
    expect(document.querySelectorAll('.request-description textarea')).toHaveLength(1);
  });

  it('sends the site she asked at from 在这里求助', async () => {
    const siteId = '0f8b3c52-1d7e-4c3a-9b1e-5d2f8a6c4e10';
    const fake = api()
      .on('GET', pathOf(ApiPaths.site, { id: siteId }), fail(404, ErrorCode.SiteNotFound, ERROR_MESSAGES[ErrorCode.SiteNotFound]))
      .on('POST', ApiPaths.requests, created());
    setRouterParams({ siteId, federationId: '211221100201' });
    render(<AskForHelpPage />);
    await fillOtherForm();

    tap('.submit-request');

    await waitFor(() => expect(posts(fake)).toHaveLength(1));
    expect(posts(fake)[0].data).toMatchObject({ siteId, federationId: '211221100201' });
  });
});

describe('我要求助, a sensitive matter', () => {
  it('shows the consent screen first, and nothing is sent while she has not agreed', async () => {
    const fake = api();
    render(<AskForHelpPage />);
    await chooseCategory('家庭暴力求助');

    await screen.findByText('发出求助前，请您先了解');
    // A new screen on the same page: it opens at its top, not where she scrolled to on the list.
    expect(taro.pageScrollTo).toHaveBeenCalledWith({ scrollTop: 0, duration: 0 });
    // The police at once, above everything she is asked to read.
    expect(texts('.consent-screen .danger-box .btn')).toEqual(['拨打110报警', '拨打12338妇女维权热线']);
    fireEvent.click(screen.getByText('拨打110报警'));
    expect(taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '110' });
    expect(texts('.consent-point .role-label')).toEqual(['我们会记下什么', '谁能看到', '怎么保护', '用来做什么', '您随时可以撤回']);
    expect(screen.getByText(/只有负责办理的妇联工作人员能看到/).textContent).toMatch(/您的家人和其他人都看不到/);
    expect(document.querySelector('.submit-request')).toBeNull();
    expect(document.querySelectorAll('.quick-exit')).toHaveLength(1);

    tap('.consent-decline');
    await waitFor(() => expect(texts('.category-card .category-name')).toHaveLength(3));
    expect(posts(fake)).toHaveLength(0);
  });

  it('after she agrees: no category name on screen or in the title, 110 at once, and her consent sent', async () => {
    const fake = api().on('POST', ApiPaths.requests, created());
    render(<AskForHelpPage />);
    await chooseCategory('家庭暴力求助');
    tap('.consent-agree');

    await screen.findByText('请告诉我们您的情况');
    expect(document.body.textContent).not.toContain('家庭暴力');
    expect(taro.setNavigationBarTitle).toHaveBeenLastCalledWith({ title: '我的求助' });
    expect(document.querySelectorAll('.quick-exit')).toHaveLength(1);
    // Before she says anything about danger: it must not take a tap to find the police.
    expect(texts('.request-form .danger-box .btn')).toEqual(['拨打110报警', '拨打12338妇女维权热线']);
    fireEvent.click(screen.getByText('拨打110报警'));
    expect(taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '110' });

    // An empty form: what is missing is said on the page, no toast lies over the calls.
    tap('.submit-request');
    await waitFor(() => expect(texts('.form-error').length).toBeGreaterThan(0));
    expect(taro.showToast).not.toHaveBeenCalled();
    expect(texts('.request-form .danger-box .btn')).toEqual(['拨打110报警', '拨打12338妇女维权热线']);

    tap('.urgent-option');
    expect(texts('.urgent-noted')).toEqual(['妇联会最先处理您的求助，尽快联系您。']);

    tap('.question-children .answer-option', '是');
    await typeInto('.request-description', '他喝了酒就动手');
    tap('.contact-option', '打电话');
    await typeInto('.contact-phone', '13800000000');
    tap('.submit-request');

    await waitFor(() => expect(posts(fake)).toHaveLength(1));
    expect(posts(fake)[0].data).toMatchObject({
      categoryKey: 'domestic_violence',
      answers: { children: true },
      urgent: true,
      sensitiveConsent: true,
    });
  });

  it('快速离开 on the consent screen relaunches to the neutral page', async () => {
    api();
    render(<AskForHelpPage />);
    await chooseCategory('家庭暴力求助');

    tap('.quick-exit');

    expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/neutral/index' });
  });
});
