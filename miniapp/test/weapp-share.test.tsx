import './support/as-weapp';
import type { ReactNode } from 'react';
import { render, screen, waitFor } from '@testing-library/react';
import { ApiPaths, pathOf } from '@wfh/shared';
import ActivityDetailPage from '../src/packages/activities/detail';
import BodyPage from '../src/packages/places/body';
import SitePage from '../src/packages/places/site';
import MyRequestPage from '../src/packages/requests/detail';
import ConcernPage from '../src/packages/voices/concern';
import { startSession } from '../src/api/session';
import { activityDetail } from './support/activities';
import { FakeApi, ok } from './support/fake-api';
import { meWithHome, tokensFor, villager, yiluVillage } from './support/fixtures';
import { pageConfigs } from './support/page-configs';
import { yiluSite } from './support/places';
import { detail } from './support/requests';
import taro, { setRouterParams, taroStorage, useShareAppMessage, useShareTimeline } from './support/taro-mock';
import { concernDetail } from './support/voices';

// page-meta and navigation-bar exist only in WeChat; Taro's web builds of them refuse to render.
jest.mock('@tarojs/components', () => ({
  ...jest.requireActual('@tarojs/components'),
  PageMeta: ({ children }: { children?: ReactNode }) => <div>{children}</div>,
  NavigationBar: () => null,
}));

const LOCAL_API = 'http://127.0.0.1:3000';

/** What WeChat would send now, from the ··· menu or the share button: the latest handler the page registered. */
function chatCard() {
  expect(useShareAppMessage).toHaveBeenCalled();
  return useShareAppMessage.mock.calls.at(-1)![0]();
}

function timelineCard() {
  expect(useShareTimeline).toHaveBeenCalled();
  return useShareTimeline.mock.calls.at(-1)![0]();
}

const BOTH = ['shareAppMessage', 'shareTimeline'];

/** The in-page button that sends the same card to a chat she picks. */
const shareButtons = () => Array.from(document.querySelectorAll('.share-button')).map((button) => button.textContent);

beforeEach(() => {
  taroStorage.clear();
});

describe('sharing an activity', () => {
  const open = (activity = activityDetail({ id: 'p1', title: '两癌免费筛查' })) => {
    startSession(tokensFor(villager));
    setRouterParams({ id: activity.id });
    new FakeApi(LOCAL_API)
      .on('GET', ApiPaths.me, ok(meWithHome))
      .on('GET', pathOf(ApiPaths.activity, { id: activity.id }), ok(activity))
      .on('GET', ApiPaths.mySubscriptions, ok({ kinds: [] }));
    render(<ActivityDetailPage />);
  };

  it('sends its name and when it starts, and the card opens this activity', async () => {
    open();
    await screen.findByText('两癌免费筛查');

    expect(chatCard()).toEqual({ title: '两癌免费筛查 · 2099年12月5日（周六）上午9:00', path: '/packages/activities/detail?id=p1' });
    expect(timelineCard()).toEqual({ title: '两癌免费筛查 · 2099年12月5日（周六）上午9:00', query: 'id=p1' });
    await waitFor(() => expect(taro.showShareMenu).toHaveBeenCalledWith({ showShareItems: BOTH }));
    expect(shareButtons()).toEqual(['转发给亲友或群聊']);
  });

  it('keeps a draft to those who run it: no share items, no button, and a stray share sends only 首页', async () => {
    open(activityDetail({ id: 'p2', title: '还在准备的讲座', status: 'draft', canManage: true }));
    await screen.findByText('还在准备的讲座');

    await waitFor(() => expect(taro.hideShareMenu).toHaveBeenCalledWith({ menus: BOTH }));
    expect(taro.showShareMenu).not.toHaveBeenCalled();
    expect(shareButtons()).toEqual([]);
    expect(chatCard()).toEqual({ title: '网上妇女之家', path: '/pages/index/index' });
    expect(timelineCard()).toEqual({ title: '网上妇女之家', query: '' });
  });
});

describe('sharing a 妇女之家 and a 妇联', () => {
  it('invites people to the site by its name, and the card opens the site', async () => {
    setRouterParams({ id: yiluSite.id });
    new FakeApi(LOCAL_API).on('GET', pathOf(ApiPaths.site, { id: yiluSite.id }), ok(yiluSite));
    render(<SitePage />);
    await screen.findByText('懿路村妇女微家');

    expect(chatCard()).toEqual({ title: '懿路村妇女微家：欢迎来坐坐', path: '/packages/places/site?id=site-yilu' });
    expect(timelineCard()).toEqual({ title: '懿路村妇女微家：欢迎来坐坐', query: 'id=site-yilu' });
    await waitFor(() => expect(taro.showShareMenu).toHaveBeenCalledWith({ showShareItems: BOTH }));
    expect(shareButtons()).toEqual(['转发给亲友或群聊']);
  });

  it('shares the body page with its name, and the card opens that body', async () => {
    setRouterParams({ id: yiluVillage.id });
    new FakeApi(LOCAL_API)
      .on('GET', pathOf(ApiPaths.federation, { id: yiluVillage.id }), ok(yiluVillage))
      .on('GET', pathOf(ApiPaths.federationSites, { id: yiluVillage.id }), ok([]));
    render(<BodyPage />);
    await screen.findByText('懿路村妇联');

    expect(chatCard()).toEqual({ title: '懿路村妇联：有事可以来找我们', path: '/packages/places/body?id=211221100201' });
    expect(timelineCard()).toEqual({ title: '懿路村妇联：有事可以来找我们', query: 'id=211221100201' });
    expect(shareButtons()).toEqual(['转发给亲友或群聊']);
  });
});

describe('sharing a concern', () => {
  const open = (concern: ReturnType<typeof concernDetail>) => {
    startSession(tokensFor(meWithHome.user));
    setRouterParams({ id: concern.id });
    new FakeApi(LOCAL_API)
      .on('GET', ApiPaths.me, ok(meWithHome))
      .on('GET', pathOf(ApiPaths.concern, { id: concern.id }), ok(concern));
    render(<ConcernPage />);
  };

  it('passes a published concern on by its title, and the card opens it', async () => {
    open(concernDetail({ id: 'c1', title: '村口路灯坏了' }));
    await screen.findByText('村口路灯坏了');

    expect(chatCard()).toEqual({ title: '议事：村口路灯坏了', path: '/packages/voices/concern?id=c1' });
    expect(timelineCard()).toEqual({ title: '议事：村口路灯坏了', query: 'id=c1' });
    await waitFor(() => expect(taro.showShareMenu).toHaveBeenCalledWith({ showShareItems: BOTH }));
    expect(shareButtons()).toEqual(['转发给亲友或群聊']);
  });

  it('does not pass on her own concern while it waits for review', async () => {
    open(concernDetail({ id: 'c2', title: '想办一个广场舞队', status: 'pending', isMine: true, canCosign: false }));
    await screen.findByText('想办一个广场舞队');

    await waitFor(() => expect(taro.hideShareMenu).toHaveBeenCalledWith({ menus: BOTH }));
    expect(taro.showShareMenu).not.toHaveBeenCalled();
    expect(shareButtons()).toEqual([]);
    expect(chatCard().path).toBe('/pages/index/index');
  });
});

describe('requests are never shared', () => {
  it('her request page offers no share: no handler, no button', async () => {
    startSession(tokensFor(villager));
    setRouterParams({ id: 'r1' });
    new FakeApi(LOCAL_API)
      .on('GET', ApiPaths.me, ok(meWithHome))
      .on('GET', pathOf(ApiPaths.request, { id: 'r1' }), ok(detail({ id: 'r1' })))
      .on('GET', ApiPaths.mySubscriptions, ok({ kinds: [] }));
    render(<MyRequestPage />);
    await waitFor(() => expect(document.querySelector('.request-state')).not.toBeNull());

    expect(useShareAppMessage).not.toHaveBeenCalled();
    expect(useShareTimeline).not.toHaveBeenCalled();
    expect(shareButtons()).toEqual([]);
  });

  /**
   * WeChat's ··· menu can share a page only if the page has share handlers, and Taro gives a page
   * those only when its config enables them: the configs are the one gate, so only these open it.
   */
  it('only pages meant for everyone enable sharing in their config', () => {
    const configs = pageConfigs();
    const sharing = configs.filter(({ text }) => /enableShare(AppMessage|Timeline)\s*:\s*true/.test(text)).map(({ file }) => file);
    // Both switches on each: 朋友圈 needs the chat share too, and a page with one only is a slip.
    const halfway = configs.filter(({ text }) => /enableShareAppMessage\s*:\s*true/.test(text) !== /enableShareTimeline\s*:\s*true/.test(text));

    expect(configs.map(({ file }) => file)).toEqual(expect.arrayContaining(['packages/requests/detail.config.ts', 'packages/workbench/request.config.ts']));
    expect(sharing).toEqual([
      'packages/activities/detail.config.ts',
      'packages/notices/detail.config.ts',
      'packages/places/body.config.ts',
      'packages/places/site.config.ts',
      'packages/voices/concern.config.ts',
    ]);
    expect(halfway).toEqual([]);
  });
});
