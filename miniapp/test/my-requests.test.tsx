import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import {
  ApiPaths,
  pathOf,
  Rating,
  RequestAction,
  requestActionPath,
  RequestState,
  ServiceCategoryKey,
} from '@wfh/shared';
import MyRequestPage from '../src/packages/requests/detail';
import MyRequestsPage from '../src/packages/requests/mine';
import NeutralPage from '../src/pages/neutral/index';
import { guardHistoryAfterQuickExit, quickExit } from '../src/utils/quick-exit';
import { startSession } from '../src/api/session';
import { FakeApi, ok } from './support/fake-api';
import { meWithHome, tokensFor, villager } from './support/fixtures';
import { accepted, at, detail, submitted, summary } from './support/requests';
import taro, { setRouterParams, taroStorage, useDidHide, useDidShow } from './support/taro-mock';

const texts = (selector: string) =>
  Array.from(document.querySelectorAll<HTMLElement>(selector)).map((el) => el.textContent);

const requestPath = (id: string) => pathOf(ApiPaths.request, { id });
const actionPath = (id: string, action: RequestAction) => pathOf(requestActionPath(action), { id });

function api() {
  return new FakeApi().on('GET', ApiPaths.me, ok(meWithHome));
}

beforeEach(() => {
  taroStorage.clear();
  startSession(tokensFor(villager));
});

describe('我的求助 list', () => {
  it('loads again when she comes back to it, and not merely because it was first shown', async () => {
    const fake = api().on('GET', ApiPaths.myRequests, ok([summary({ id: 'new' })]));
    setRouterParams({});
    render(<MyRequestsPage />);
    await waitFor(() => expect(document.querySelectorAll('.request-item')).toHaveLength(1));
    const shows = useDidShow.mock.calls.map(([callback]) => callback);
    const hides = useDidHide.mock.calls.map(([callback]) => callback);
    // A list inside SignedIn mounts after the page's first show: the first show it hears is her return.
    hides.forEach((hide) => hide());
    shows.forEach((show) => show());
    await waitFor(() => expect(fake.callsTo('GET', ApiPaths.myRequests)).toHaveLength(2));
    // Shown again without having left (a dialog closing): nothing to reload.
    shows.forEach((show) => show());
    expect(fake.callsTo('GET', ApiPaths.myRequests)).toHaveLength(2);
  });

  it('lists her requests newest first: state, body, date, and when she will hear back or that it is late', async () => {
    api().on(
      'GET',
      ApiPaths.myRequests,
      ok([
        summary({ id: 'old', createdAt: at('04-20T09:00:00'), state: RequestState.Closed, firstResponseDueAt: null, resolutionDueAt: null }),
        summary({ id: 'new' }),
        summary({ id: 'late', createdAt: at('04-28T09:00:00'), state: RequestState.Accepted, firstResponseDueAt: null, overdue: true }),
      ]),
    );
    setRouterParams({});
    render(<MyRequestsPage />);

    await waitFor(() => expect(document.querySelectorAll('.request-item')).toHaveLength(3));
    expect(texts('.request-item .request-date')).toEqual(['5月3日', '4月28日', '4月20日']);
    expect(texts('.request-item .request-item-state')).toEqual(['已提交，等待受理', '已受理', '已完成']);
    expect(texts('.request-item .request-body')).toEqual(['懿路村妇联', '懿路村妇联', '懿路村妇联']);
    expect(texts('.request-item .request-deadline')).toEqual(['预计5月6日前答复', '已超过预计办结时间，正在催办']);

    fireEvent.click(document.querySelectorAll('.request-item')[0]);
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/requests/detail?id=new' });
  });

  it('never spells out a sensitive matter in her list, and offers 快速离开 there', async () => {
    api().on(
      'GET',
      ApiPaths.myRequests,
      ok([summary({ id: 'dv', categoryKey: ServiceCategoryKey.DomesticViolence, categoryName: '家庭暴力求助', sensitive: true })]),
    );
    render(<MyRequestsPage />);

    await waitFor(() => expect(texts('.request-item .request-title')).toEqual(['我的求助']));
    expect(document.body.textContent).not.toContain('家庭暴力');
    expect(document.querySelectorAll('.quick-exit')).toHaveLength(1);
  });
});

describe('我的求助 detail', () => {
  it('shows the state, the date she will hear back by, and the timeline in plain words', async () => {
    api().on('GET', requestPath('r1'), ok(detail({ id: 'r1', timeline: [accepted, submitted] })));
    setRouterParams({ id: 'r1' });
    render(<MyRequestPage />);

    await waitFor(() => expect(texts('.request-state')).toEqual(['已提交，等待受理']));
    expect(texts('.request-deadline')).toEqual(['预计5月6日前答复']);
    expect(texts('.timeline-entry .timeline-when')).toEqual(['5月3日 10:00', '5月3日 15:20']);
    expect(texts('.timeline-entry .timeline-what')).toEqual(['您 提交了求助', '懿路村妇联 受理了您的求助']);
    expect(texts('.timeline-entry .timeline-note')).toEqual(['我们明天上午给您打电话']);
    expect(texts('.my-description')).toEqual(['邻居占了我家的地，想问问该怎么办']);
    expect(document.querySelector('.quick-exit')).toBeNull();
  });

  it('calls 12338 with one tap', async () => {
    api().on('GET', requestPath('r1'), ok(detail({ id: 'r1' })));
    setRouterParams({ id: 'r1' });
    render(<MyRequestPage />);

    fireEvent.click(await screen.findByText('拨打12338妇女维权热线'));
    expect(taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '12338' });
  });

  it('once resolved, asks whether it helped and sends her rating with one tap', async () => {
    const resolved = detail({ id: 'r1', state: RequestState.Resolved, firstResponseDueAt: null, resolutionDueAt: null });
    const fake = api()
      .on('GET', requestPath('r1'), ok(resolved))
      .on(
        'POST',
        actionPath('r1', RequestAction.Rate),
        ok({ ...resolved, state: RequestState.Closed, rating: { rating: Rating.Satisfied, helped: true, comment: null } }),
      );
    setRouterParams({ id: 'r1' });
    render(<MyRequestPage />);

    await screen.findByText('对您有帮助吗？');
    expect(texts('.rate-satisfied, .rate-partly, .rate-unsatisfied')).toEqual(['满意', '基本满意', '不满意']);
    // Nothing she writes is cut off: the count shows near the server's 300.
    expect(document.querySelector('.rating-comment')?.getAttribute('maxlength')).toBe('-1');
    fireEvent.click(document.querySelector('.rate-satisfied')!);
    await screen.findByText('请先回答：对您有帮助吗？');
    expect(fake.callsTo('POST', actionPath('r1', RequestAction.Rate))).toHaveLength(0);

    fireEvent.click(screen.getByText('是'));
    fireEvent.click(document.querySelector('.rate-satisfied')!);

    await waitFor(() => expect(texts('.request-state')).toEqual(['已完成']));
    expect(fake.callsTo('POST', actionPath('r1', RequestAction.Rate)).map((call) => call.data)).toEqual([
      { rating: 'satisfied', helped: true },
    ]);
    expect(texts('.request-rating')).toEqual(['您的评价：满意，对您有帮助']);
    expect(document.querySelector('.rate-satisfied')).toBeNull();
  });

  it('offers no rating before the request is resolved', async () => {
    api().on('GET', requestPath('r1'), ok(detail({ id: 'r1', state: RequestState.InProgress })));
    setRouterParams({ id: 'r1' });
    render(<MyRequestPage />);

    await waitFor(() => expect(texts('.request-state')).toEqual(['正在办理']));
    expect(document.querySelector('.rate-satisfied')).toBeNull();
  });

  it('asks her to confirm before withdrawing, and withdraws only when she says yes', async () => {
    const open = detail({ id: 'r1' });
    const fake = api()
      .on('GET', requestPath('r1'), ok(open))
      .on('POST', actionPath('r1', RequestAction.Withdraw), ok({ ...open, state: RequestState.Withdrawn }));
    setRouterParams({ id: 'r1' });
    render(<MyRequestPage />);
    const withdraws = () => fake.callsTo('POST', actionPath('r1', RequestAction.Withdraw));

    taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(await screen.findByText('撤回求助'));
    await waitFor(() => expect(taro.showModal).toHaveBeenCalledTimes(1));
    expect(taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '撤回这条求助？' }));
    expect(withdraws()).toHaveLength(0);

    fireEvent.click(document.querySelector('.withdraw-request')!);

    await waitFor(() => expect(texts('.request-state')).toEqual(['已撤回']));
    expect(taro.showModal).toHaveBeenCalledTimes(2);
    expect(withdraws().map((call) => call.data)).toEqual([{}]);
    expect(document.querySelector('.withdraw-request')).toBeNull();
  });

  it('a sensitive request: no category named, her words folded away, and 快速离开 relaunches to the neutral page', async () => {
    const sensitive = detail({
      id: 'dv',
      categoryKey: ServiceCategoryKey.DomesticViolence,
      categoryName: '家庭暴力求助',
      sensitive: true,
      description: '他喝了酒就动手',
    });
    api().on('GET', requestPath('dv'), ok(sensitive));
    setRouterParams({ id: 'dv' });
    render(<MyRequestPage />);

    await waitFor(() => expect(texts('.request-state')).toEqual(['已提交，等待受理']));
    expect(document.body.textContent).not.toContain('家庭暴力');
    expect(document.body.textContent).not.toContain('他喝了酒就动手');
    // The police first, at the top, as on every screen of such a matter.
    expect(texts('.danger-box .btn')).toEqual(['拨打110报警', '拨打12338妇女维权热线']);
    fireEvent.click(screen.getByText('点这里查看'));
    expect(texts('.my-description')).toEqual(['他喝了酒就动手']);

    fireEvent.click(document.querySelector('.quick-exit')!);
    expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/neutral/index' });
  });
});

describe('the neutral page 快速离开 lands on', () => {
  afterEach(() => {
    window.history.replaceState(null, '', '/');
    window.sessionStorage.clear();
    window.wfhQuickExit = false;
  });

  it('shows nothing of hers and asks the server nothing', () => {
    const fake = new FakeApi();
    render(<NeutralPage />);

    expect(texts('.greeting')).toEqual(['生活小常识']);
    expect(document.body.textContent).not.toMatch(/妇联|求助|王秀英|懿路/);
    expect(fake.calls).toHaveLength(0);
  });

  it('in the browser, after 快速离开 every step back stays on it: the router never hears of her pages', async () => {
    window.history.replaceState(null, '', '/#/packages/requests/mine');
    window.history.pushState(null, '', '/#/packages/requests/detail?id=dv');
    // Added before the guard, this hears each step even when the guard stops it.
    const delivered: string[] = [];
    const hear = (event: Event) => delivered.push(event.type);
    window.addEventListener('popstate', hear, true);
    window.addEventListener('hashchange', hear, true);
    // As in the app: the guard goes in as app.tsx loads, Taro's history listener after it.
    guardHistoryAfterQuickExit();
    const routerSaw: string[] = [];
    const router = () => routerSaw.push(window.location.hash);
    window.addEventListener('popstate', router);

    quickExit();
    expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/neutral/index' });
    // What Taro's reLaunch does to the browser's history: it replaces the last entry.
    window.history.replaceState(null, '', '/#/pages/neutral/index');
    render(<NeutralPage />);

    window.history.back();

    // Stepping back between two hashes fires popstate, then hashchange: once both have been
    // dispatched, the router has had every chance to see the old page.
    await waitFor(() => expect(delivered).toEqual(['popstate', 'hashchange']));
    expect(window.location.hash).toBe('#/pages/neutral/index');
    expect(routerSaw).toEqual([]);
    window.removeEventListener('popstate', router);
    window.removeEventListener('popstate', hear, true);
    window.removeEventListener('hashchange', hear, true);
  });
});

describe('reminders in the browser', () => {
  it('shows no WeChat reminder controls: the browser cannot ask for subscribe messages', async () => {
    const fake = api().on('GET', requestPath('r1'), ok(detail({ id: 'r1' })));
    setRouterParams({ id: 'r1' });
    render(<MyRequestPage />);

    await waitFor(() => expect(texts('.request-state')).toEqual(['已提交，等待受理']));
    expect(document.querySelector('.reminders-card')).toBeNull();
    expect(fake.callsTo('GET', ApiPaths.mySubscriptions)).toHaveLength(0);
  });
});
