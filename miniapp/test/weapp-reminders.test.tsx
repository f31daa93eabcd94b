import './support/as-weapp';
import type { ReactNode } from 'react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiPaths, pathOf, SubscriptionKind, type MySubscriptions } from '@wfh/shared';
import ActivityDetailPage from '../src/packages/activities/detail';
import MyRequestPage from '../src/packages/requests/detail';
import WorkbenchPage from '../src/packages/workbench/index';
import { startSession } from '../src/api/session';
import { activityDetail, signupView } from './support/activities';
import { FakeApi, ok } from './support/fake-api';
import { meAsChair, meWithHome, tokensFor, villager } from './support/fixtures';
import { detail } from './support/requests';
import taro, { setRouterParams, taroStorage } from './support/taro-mock';

// page-meta and navigation-bar exist only in WeChat; Taro's web builds of them refuse to render.
jest.mock('@tarojs/components', () => ({
  ...jest.requireActual('@tarojs/components'),
  PageMeta: ({ children }: { children?: ReactNode }) => <div>{children}</div>,
  NavigationBar: () => null,
}));

const LOCAL_API = 'http://127.0.0.1:3000';
const TEMPLATE: Record<SubscriptionKind, string> = {
  [SubscriptionKind.RequestUpdate]: 'tmpl-u',
  [SubscriptionKind.NewRequest]: 'tmpl-n',
  [SubscriptionKind.Escalation]: 'tmpl-e',
  [SubscriptionKind.ActivityReminder]: 'tmpl-a',
  [SubscriptionKind.SeatFreed]: 'tmpl-s',
};

function counts(remaining: Partial<Record<SubscriptionKind, number>> = {}, templates: Partial<Record<SubscriptionKind, string | null>> = TEMPLATE): MySubscriptions {
  return { kinds: (Object.keys(TEMPLATE) as SubscriptionKind[]).map((kind) => ({ kind, templateId: templates[kind] ?? null, remaining: remaining[kind] ?? 0 })) };
}

const texts = (selector: string) => Array.from(document.querySelectorAll<HTMLElement>(selector)).map((el) => el.textContent);

beforeEach(() => {
  taroStorage.clear();
  taro.requestSubscribeMessage.mockReset();
});

describe('reminders after she sends a request (她的求助)', () => {
  const page = (subscriptions: MySubscriptions, ...after: MySubscriptions[]) => {
    startSession(tokensFor(villager));
    setRouterParams({ id: 'r1' });
    const fake = new FakeApi(LOCAL_API)
      .on('GET', ApiPaths.me, ok(meWithHome))
      .on('GET', pathOf(ApiPaths.request, { id: 'r1' }), ok(detail({ id: 'r1' })))
      .on('GET', ApiPaths.mySubscriptions, ok(subscriptions))
      .on('POST', ApiPaths.mySubscriptions, ...after.map(ok));
    render(<MyRequestPage />);
    return fake;
  };

  it('asks WeChat straight from her tap on 「有进展时通知我」 and shows how many reminders are left', async () => {
    const fake = page(counts(), counts({ [SubscriptionKind.RequestUpdate]: 1 }));
    await waitFor(() => expect(texts('.reminder-count')).toEqual(['求助有进展：还没有开通提醒']));
    // Nothing may be fetched between her tap and the dialog: WeChat opens it only from the tap.
    let callsWhenAsked = -1;
    taro.requestSubscribeMessage.mockImplementation(async () => {
      callsWhenAsked = fake.calls.length;
      return { errMsg: 'requestSubscribeMessage:ok', 'tmpl-u': 'accept' };
    });
    const callsBefore = fake.calls.length;

    fireEvent.click(screen.getByText('有进展时通知我'));

    await waitFor(() => expect(texts('.reminder-count')).toEqual(['求助有进展：还可以提醒您 1 次']));
    expect(callsWhenAsked).toBe(callsBefore);
    expect(taro.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['tmpl-u'] });
    expect(fake.callsTo('POST', ApiPaths.mySubscriptions).map((call) => call.data)).toEqual([{ answers: { 'tmpl-u': 'accept' } }]);
    // With some left, the same button adds more.
    expect(screen.getByText('多开几次提醒')).toBeTruthy();
    expect(taro.showToast).toHaveBeenCalledWith({ title: '已开通提醒', icon: 'success' });
  });

  it('says plainly that nothing will come when she taps 「取消」', async () => {
    const fake = page(counts(), counts());
    taro.requestSubscribeMessage.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', 'tmpl-u': 'reject' });
    fireEvent.click(await screen.findByText('有进展时通知我'));

    await waitFor(() => expect(texts('.reminders-notice')).toEqual(['您没有点「允许」，这次不会给您发提醒。']));
    expect(fake.callsTo('POST', ApiPaths.mySubscriptions).map((call) => call.data)).toEqual([{ answers: { 'tmpl-u': 'reject' } }]);
    expect(texts('.reminder-count')).toEqual(['求助有进展：还没有开通提醒']);
  });

  it('tells her where to switch subscribe messages back on when WeChat will not ask', async () => {
    const fake = page(counts());
    taro.requestSubscribeMessage.mockRejectedValue({ errMsg: 'requestSubscribeMessage:fail', errCode: 20004 });
    fireEvent.click(await screen.findByText('有进展时通知我'));

    await waitFor(() => expect(texts('.reminders-notice')[0]).toContain('「设置」→「订阅消息」'));
    expect(fake.callsTo('POST', ApiPaths.mySubscriptions)).toHaveLength(0);
  });

  it('shows nothing about reminders when the server has no template for them', async () => {
    page(counts({}, {}));
    await waitFor(() => expect(document.querySelector('.request-state')).not.toBeNull());
    await waitFor(() => expect(taro.request).toHaveBeenCalledWith(expect.objectContaining({ url: LOCAL_API + ApiPaths.mySubscriptions })));
    expect(document.querySelector('.reminders-card')).toBeNull();
  });
});

describe('reminders after a sign-up', () => {
  it('offers the reminder before the start and the news of a freed seat in one dialog', async () => {
    startSession(tokensFor(villager));
    setRouterParams({ id: 'p1' });
    const fake = new FakeApi(LOCAL_API)
      .on('GET', ApiPaths.me, ok(meWithHome))
      .on('GET', pathOf(ApiPaths.activity, { id: 'p1' }), ok(activityDetail({ id: 'p1', mySignups: [signupView({ id: 's1', state: 'waitlisted' })] })))
      .on('GET', ApiPaths.mySubscriptions, ok(counts()))
      .on('POST', ApiPaths.mySubscriptions, ok(counts({ [SubscriptionKind.ActivityReminder]: 1, [SubscriptionKind.SeatFreed]: 1 })));
    taro.requestSubscribeMessage.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', 'tmpl-a': 'accept', 'tmpl-s': 'accept' });
    render(<ActivityDetailPage />);

    fireEvent.click(await screen.findByText('活动前提醒我'));

    await waitFor(() => expect(texts('.reminder-count')).toEqual(['活动开始前提醒：还可以提醒您 1 次', '候补有了位置：还可以提醒您 1 次']));
    expect(taro.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['tmpl-a', 'tmpl-s'] });
    expect(fake.callsTo('POST', ApiPaths.mySubscriptions).map((call) => call.data)).toEqual([{ answers: { 'tmpl-a': 'accept', 'tmpl-s': 'accept' } }]);
  });

  it('asks nothing of a woman who holds no seat', async () => {
    startSession(tokensFor(villager));
    setRouterParams({ id: 'p1' });
    new FakeApi(LOCAL_API)
      .on('GET', ApiPaths.me, ok(meWithHome))
      .on('GET', pathOf(ApiPaths.activity, { id: 'p1' }), ok(activityDetail({ id: 'p1' })))
      .on('GET', ApiPaths.mySubscriptions, ok(counts()));
    render(<ActivityDetailPage />);
    await waitFor(() => expect(document.querySelector('.signup-panel')).not.toBeNull());
    expect(document.querySelector('.reminders-card')).toBeNull();
  });
});

describe('reminders on the workbench', () => {
  it('lets a chair hear of new and escalated requests, with what is left of each', async () => {
    startSession(tokensFor(meAsChair.user));
    setRouterParams({});
    new FakeApi(LOCAL_API)
      .on('GET', ApiPaths.me, ok(meAsChair))
      .on('GET', ApiPaths.mySubscriptions, ok(counts({ [SubscriptionKind.NewRequest]: 2, [SubscriptionKind.Escalation]: 0 })))
      .on('POST', ApiPaths.mySubscriptions, ok(counts({ [SubscriptionKind.NewRequest]: 3, [SubscriptionKind.Escalation]: 1 })));
    taro.requestSubscribeMessage.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', 'tmpl-n': 'accept', 'tmpl-e': 'accept' });
    render(<WorkbenchPage />);

    await waitFor(() => expect(texts('.reminder-count')).toEqual(['有新的求助：还可以提醒您 2 次', '有求助转到您这里：还没有开通提醒']));
    // One kind has none left: the button is the first ask, not "more".
    fireEvent.click(screen.getByText('有新求助时通知我'));

    await waitFor(() => expect(texts('.reminder-count')).toEqual(['有新的求助：还可以提醒您 3 次', '有求助转到您这里：还可以提醒您 1 次']));
    expect(taro.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['tmpl-n', 'tmpl-e'] });
  });
});
