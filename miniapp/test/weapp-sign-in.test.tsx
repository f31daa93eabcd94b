import './support/as-weapp';
import type { ReactNode } from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { ApiPaths, ErrorCode } from '@wfh/shared';
import HomePage from '../src/pages/index/index';
import { FakeApi, fail, ok } from './support/fake-api';
import { meWithHome, tokensFor, villager } from './support/fixtures';
import taro, { taroStorage } from './support/taro-mock';
import { startSession } from '../src/api/session';

// page-meta and navigation-bar exist only in WeChat; Taro's web builds of them refuse to render.
jest.mock('@tarojs/components', () => ({
  ...jest.requireActual('@tarojs/components'),
  PageMeta: ({ rootFontSize, children }: { rootFontSize?: string; children?: ReactNode }) => (
    <div data-testid="page-meta" data-root-font-size={rootFontSize}>
      {children}
    </div>
  ),
  NavigationBar: ({ title }: { title?: string }) => <div data-testid="navigation-bar">{title}</div>,
}));

// The mini-program has no origin of its own; by default it talks to the local API server.
const LOCAL_API = 'http://127.0.0.1:3000';

const wechatApi = () =>
  new FakeApi(LOCAL_API)
    .on('POST', ApiPaths.authWechat, ok(tokensFor(villager)))
    .on('GET', ApiPaths.me, ok(meWithHome));

beforeEach(() => {
  taroStorage.clear();
});

describe('首页 in the WeChat mini-program', () => {
  it('signs her in with wx.login on its own and shows her home', async () => {
    const api = wechatApi();

    render(<HomePage />);

    await screen.findByText('您好，王秀英');
    expect(taro.login).toHaveBeenCalledTimes(1);
    const signIns = api.callsTo('POST', ApiPaths.authWechat);
    expect(signIns.map((call) => call.data)).toEqual([{ code: 'wx-code-1' }]);
    expect(api.callsTo('GET', ApiPaths.me)[0].header).toMatchObject({ Authorization: 'Bearer access-1' });
    expect(screen.queryByText('选择体验账号登录')).toBeNull();
  });

  it('sizes the page by the font size she chose in WeChat', async () => {
    wechatApi();

    render(<HomePage />);

    await screen.findByText('您好，王秀英');
    expect(screen.getByTestId('page-meta').dataset.rootFontSize).toBe('system');
    expect(screen.getByTestId('navigation-bar').textContent).toBe('网上妇女之家');
  });

  it('offers to try again when WeChat sign-in is refused', async () => {
    wechatApi().on(
      'POST',
      ApiPaths.authWechat,
      fail(401, ErrorCode.WechatSignInFailed, '微信登录没有成功，请稍后再试'),
      ok(tokensFor(villager)),
    );

    render(<HomePage />);

    fireEvent.click(await screen.findByText('重新加载'));
    await screen.findByText('您好，王秀英');
    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '微信登录没有成功，请稍后再试' }));
    expect(taro.login).toHaveBeenCalledTimes(2);
  });

  it('does not sign her back in after she signed out herself, until she taps 微信登录', async () => {
    taroStorage.set('wfh.signedOut', '1');
    wechatApi();

    render(<HomePage />);

    const signIn = await screen.findByText('微信登录');
    expect(taro.login).not.toHaveBeenCalled();

    fireEvent.click(signIn);

    await screen.findByText('您好，王秀英');
    expect(taro.login).toHaveBeenCalledTimes(1);
  });

  it('when her sessions were ended on another phone, asks her to sign in once, and 微信登录 signs her in afresh', async () => {
    const ended = fail(401, ErrorCode.TokenInvalid, '登录信息无效，请重新登录');
    const api = wechatApi().on('GET', ApiPaths.me, (request) => (request.header?.Authorization === 'Bearer access-1' ? ok(meWithHome) : ended));
    startSession(tokensFor(villager, 'ended'));

    render(<HomePage />);

    fireEvent.click(await screen.findByText('微信登录'));
    await screen.findByText('您好，王秀英');
    expect(screen.queryByText('请用微信登录')).toBeNull();
    expect(taro.login).toHaveBeenCalledTimes(1);
    expect(api.callsTo('POST', ApiPaths.authRefresh)).toHaveLength(0);
    expect(api.callsTo('GET', ApiPaths.me).map((call) => call.header?.Authorization)).toEqual(['Bearer access-ended', 'Bearer access-1']);
  });

  it('asks her to sign in again, instead of looping, when the server refuses the new session', async () => {
    const refused = fail(401, ErrorCode.TokenInvalid, '登录信息无效，请重新登录');
    const api = wechatApi().on('GET', ApiPaths.me, refused);

    render(<HomePage />);

    await screen.findByText('请用微信登录');
    expect(taro.login).toHaveBeenCalledTimes(1);
    expect(api.callsTo('GET', ApiPaths.me)).toHaveLength(1);
    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '登录信息无效，请重新登录' }));
  });
});
