import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiPaths, pathOf } from '@wfh/shared';
import HomePage from '../src/pages/index/index';
import MePage from '../src/pages/me/index';
import WorkbenchPage from '../src/packages/workbench/index';
import { hasSession, startSession } from '../src/api/session';
import { FakeApi, ok } from './support/fake-api';
import { demoPeople, meAsChair, meWithHome, tokensFor, villager } from './support/fixtures';
import taro, { taroStorage } from './support/taro-mock';

beforeEach(() => {
  taroStorage.clear();
});

describe('我的', () => {
  it('shows her name and the roles she holds, and opens her workbench', async () => {
    new FakeApi().on('GET', ApiPaths.me, ok(meAsChair));
    startSession(tokensFor(meAsChair.user));

    const { container } = render(<MePage />);

    await screen.findByText('李桂兰');
    const roles = Array.from(container.querySelectorAll('.role-item')).map((item) => item.textContent);
    expect(roles).toEqual(['村（社区）妇联主席懿路村妇联', '乡镇（街道）妇联工作人员新台子镇妇联']);

    fireEvent.click(screen.getByText('进入我的工作台'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/workbench/index' });
  });

  it('staff can say 不要短信, and take texts again, for when WeChat cannot reach them', async () => {
    const api = new FakeApi()
      .on('GET', ApiPaths.me, ok(meAsChair))
      .on('GET', ApiPaths.mySms, ok({ enabled: true }))
      .on('PUT', ApiPaths.mySms, ok({ enabled: false }));
    startSession(tokensFor(meAsChair.user));
    render(<MePage />);

    expect(await screen.findByText('现在：微信提醒不到您时，发短信告诉您。')).toBeTruthy();
    fireEvent.click(screen.getByText('不要短信'));

    expect(await screen.findByText('现在：不给您发短信。')).toBeTruthy();
    expect(api.callsTo('PUT', ApiPaths.mySms).map((call) => call.data)).toEqual([{ enabled: false }]);
    expect(screen.getByText('恢复短信提醒')).toBeTruthy();
  });

  it('does not offer text messages to a woman without a role: WeChat is how she is reached', async () => {
    const api = new FakeApi().on('GET', ApiPaths.me, ok(meWithHome));
    startSession(tokensFor(villager));
    render(<MePage />);

    await screen.findByText('您目前没有担任妇联职务');
    expect(screen.queryByText('短信提醒')).toBeNull();
    expect(api.callsTo('GET', ApiPaths.mySms)).toHaveLength(0);
  });

  it('opens 我的求助', async () => {
    new FakeApi().on('GET', ApiPaths.me, ok(meWithHome));
    startSession(tokensFor(villager));
    render(<MePage />);

    fireEvent.click(await screen.findByText('查看我的求助'));

    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/requests/mine' });
  });

  it('says she holds no role and offers no workbench to a woman without one', async () => {
    new FakeApi().on('GET', ApiPaths.me, ok(meWithHome));
    startSession(tokensFor(villager));

    render(<MePage />);

    await screen.findByText('您目前没有担任妇联职务');
    expect(screen.queryByText('进入我的工作台')).toBeNull();
  });

  it('退出登录 forgets her session and every open page goes back to signing in', async () => {
    new FakeApi().on('GET', ApiPaths.me, ok(meWithHome)).on('GET', ApiPaths.authDevPeople, ok(demoPeople));
    startSession(tokensFor(villager));

    const { container } = render(
      <>
        <HomePage />
        <MePage />
      </>,
    );

    fireEvent.click(await screen.findByText('退出登录'));

    expect(hasSession()).toBe(false);
    await waitFor(() => expect(screen.queryAllByText('选择体验账号登录')).toHaveLength(2));
    expect(container.querySelectorAll('.home-body-name')).toHaveLength(0);
    expect(screen.queryByText('您好，王秀英')).toBeNull();
  });
});

describe('退出所有设备 on 我的', () => {
  it('asks first, ends every session of hers on the server, and signs this phone out', async () => {
    const api = new FakeApi()
      .on('GET', ApiPaths.me, ok(meWithHome))
      .on('GET', ApiPaths.authDevPeople, ok(demoPeople))
      .on('POST', ApiPaths.authSignOutEverywhere, { statusCode: 204, data: '' });
    startSession(tokensFor(villager));
    render(<MePage />);

    fireEvent.click(await screen.findByText('退出所有设备'));

    await screen.findByText('选择体验账号登录');
    expect(taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '退出所有设备？' }));
    expect(api.callsTo('POST', ApiPaths.authSignOutEverywhere)[0].header).toMatchObject({ Authorization: 'Bearer access-1' });
    expect(hasSession()).toBe(false);
  });

  it('changes nothing when she says no', async () => {
    const api = new FakeApi().on('GET', ApiPaths.me, ok(meWithHome));
    taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    startSession(tokensFor(villager));
    render(<MePage />);

    fireEvent.click(await screen.findByText('退出所有设备'));

    await waitFor(() => expect(taro.showModal).toHaveBeenCalledTimes(1));
    expect(api.callsTo('POST', ApiPaths.authSignOutEverywhere)).toHaveLength(0);
    expect(hasSession()).toBe(true);
    expect(screen.getByText('王秀英')).toBeTruthy();
  });

  it('keeps her signed in here when the server could not be reached, and says so', async () => {
    new FakeApi()
      .on('GET', ApiPaths.me, ok(meWithHome))
      .on('POST', ApiPaths.authSignOutEverywhere, () => Promise.reject({ errMsg: 'request:fail' }));
    startSession(tokensFor(villager));
    render(<MePage />);

    fireEvent.click(await screen.findByText('退出所有设备'));

    await waitFor(() => expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '网络不太好，请稍后再试' })));
    expect(hasSession()).toBe(true);
  });
});

describe('我的工作台', () => {
  it('lists the roles of the signed-in person', async () => {
    new FakeApi()
      .on('GET', ApiPaths.me, ok(meAsChair))
      .on('GET', pathOf(ApiPaths.inbox, { id: '211221100201' }), ok([]))
      .on('GET', pathOf(ApiPaths.inbox, { id: '211221100' }), ok([]));
    startSession(tokensFor(meAsChair.user));

    const { container } = render(<WorkbenchPage />);

    await waitFor(() => expect(container.querySelectorAll('.role-item')).toHaveLength(2));
    expect(Array.from(container.querySelectorAll('.role-item')).map((item) => item.textContent)).toEqual([
      '村（社区）妇联主席懿路村妇联',
      '乡镇（街道）妇联工作人员新台子镇妇联',
    ]);
  });
});
