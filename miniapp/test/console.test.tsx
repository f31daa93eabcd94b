import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import {
  ApiPaths,
  ERROR_MESSAGES,
  ErrorCode,
  consoleConfirmAddress,
  RoleKind,
  pathOf,
  type ConsoleSessionView,
  type ConsoleSignInStart,
  type ConsoleSignInView,
} from '@wfh/shared';
import ConsoleConfirmPage from '../src/packages/console/confirm';
import ConsoleSignInPage from '../src/packages/console/sign-in';
import MePage from '../src/pages/me/index';
import { consoleNavItems } from '../src/components/ConsoleFrame';
import { apiRequest } from '../src/api/client';
import { hasSession, readAccessToken, startSession } from '../src/api/session';
import { FakeApi, fail, ok } from './support/fake-api';
import { meAsChair, meWithHome, tokensFor, villager } from './support/fixtures';
import taro, { setRouterParams, taroStorage } from './support/taro-mock';

const ID = 'AbCdEfGhIjKlMnOpQrSt_-';
const pending: ConsoleSignInView = {
  id: ID,
  state: 'pending',
  browser: 'Windows 电脑上的 Chrome 浏览器',
  ipAddress: '203.0.113.7',
  sameNetwork: true,
  // 10:00 on 1 December 2026 in Asia/Shanghai.
  requestedAt: '2026-12-01T02:00:00.000Z',
  expiresAt: '2026-12-01T02:02:00.000Z',
  mayConfirm: true,
};
const view = pathOf(ApiPaths.consoleSignIn, { id: ID });
const confirmPath = pathOf(ApiPaths.consoleSignInConfirm, { id: ID });
const refusePath = pathOf(ApiPaths.consoleSignInRefuse, { id: ID });

beforeEach(() => {
  taroStorage.clear();
  setRouterParams({});
});

describe('确认电脑登录 on her phone, opened by scanning the PC’s code', () => {
  const asChair = (reply = ok(pending)) => {
    startSession(tokensFor(meAsChair.user));
    return new FakeApi()
      .on('GET', ApiPaths.me, ok(meAsChair))
      .on('GET', view, reply)
      .on('POST', confirmPath, ok({ ...pending, state: 'confirmed', mayConfirm: false }))
      .on('POST', refusePath, { statusCode: 204, data: '' });
  };

  it('says plainly what is being signed in where, as whom, and confirms with one big button', async () => {
    setRouterParams({ id: ID });
    const api = asChair();

    const { container } = render(<ConsoleConfirmPage />);

    await screen.findByText('您正在电脑上登录网上妇女之家工作台');
    expect(screen.getByText('Windows 电脑上的 Chrome 浏览器')).toBeTruthy();
    expect(container.querySelector('.console-confirm-ip')!.textContent).toBe('网络地址：203.0.113.7（和您的手机在同一个网络）');
    expect(container.querySelector('.console-confirm-time')!.textContent).toContain('10:00');
    expect(container.querySelector('.console-confirm-name')!.textContent).toBe('李桂兰');
    const roles = Array.from(container.querySelectorAll('.role-item')).map((item) => item.textContent);
    expect(roles).toEqual(['村（社区）妇联主席懿路村妇联', '乡镇（街道）妇联工作人员新台子镇妇联']);
    expect(container.querySelector('.confirm-console-sign-in.btn-primary')!.textContent).toBe('确认登录');
    expect(container.querySelector('.refuse-console-sign-in')!.textContent).toBe('不是我，取消');

    fireEvent.click(screen.getByText('确认登录'));

    await screen.findByText(/已经确认。电脑上马上就会进入工作台/);
    expect(api.callsTo('POST', confirmPath)).toHaveLength(1);
    expect(api.callsTo('POST', refusePath)).toHaveLength(0);
    expect(screen.queryByText('确认登录')).toBeNull();
  });

  it('不是我，取消 tells the server no and says the PC will not be signed in', async () => {
    setRouterParams({ id: ID });
    const api = asChair();
    render(<ConsoleConfirmPage />);

    fireEvent.click(await screen.findByText('不是我，取消'));

    await screen.findByText('已经取消，这台电脑不会登录。');
    expect(api.callsTo('POST', refusePath)).toHaveLength(1);
    expect(api.callsTo('POST', confirmPath)).toHaveLength(0);
  });

  it('opened by WeChat’s own scanner, reads the id from the scanned address it is handed as q', async () => {
    setRouterParams({ q: encodeURIComponent(consoleConfirmAddress('https://fulian.example.cn/', ID)) });
    const api = asChair();

    render(<ConsoleConfirmPage />);

    await screen.findByText('您正在电脑上登录网上妇女之家工作台');
    expect(api.callsTo('GET', view)).toHaveLength(1);
  });

  it('tells a woman without a staff role that the console is not for her, with nothing to confirm', async () => {
    setRouterParams({ id: ID });
    startSession(tokensFor(villager));
    new FakeApi().on('GET', ApiPaths.me, ok(meWithHome)).on('GET', view, ok({ ...pending, mayConfirm: false }));

    render(<ConsoleConfirmPage />);

    await screen.findByText(ERROR_MESSAGES[ErrorCode.ConsoleNeedsStaffRole]);
    expect(screen.queryByText('确认登录')).toBeNull();
    expect(screen.getByText('取消这次登录')).toBeTruthy();
  });

  it('says a code has run out, or was used already, instead of offering to confirm it', async () => {
    setRouterParams({ id: ID });
    asChair(ok({ ...pending, state: 'expired', mayConfirm: false }));
    const { unmount } = render(<ConsoleConfirmPage />);
    await screen.findByText(ERROR_MESSAGES[ErrorCode.ConsoleSignInExpired]);
    expect(screen.queryByText('确认登录')).toBeNull();
    unmount();

    asChair(fail(404, ErrorCode.ConsoleSignInNotFound, ERROR_MESSAGES[ErrorCode.ConsoleSignInNotFound]));
    render(<ConsoleConfirmPage />);
    await screen.findByText(ERROR_MESSAGES[ErrorCode.ConsoleSignInNotFound]);
  });

  it('opens nothing for a code that is not a PC’s', async () => {
    setRouterParams({ q: encodeURIComponent('https://fulian.example.cn/#/packages/activities/detail?id=x') });
    const api = asChair();

    render(<ConsoleConfirmPage />);

    await screen.findByText(/这不是电脑登录的二维码/);
    expect(api.callsTo('GET', view)).toHaveLength(0);
  });
});

describe('工作台扫码登录 on the PC', () => {
  const code: ConsoleSignInStart = { id: ID, pollToken: 'pc-secret', expiresAt: new Date(Date.now() + 120_000).toISOString(), pollSeconds: 0.02 };
  const poll = pathOf(ApiPaths.consoleSignInPoll, { id: ID });

  it('shows the code, asks until she confirms, then holds her session and opens her workbench', async () => {
    const api = new FakeApi()
      .on('POST', ApiPaths.consoleSignIns, ok(code))
      .on('POST', poll, ok({ state: 'pending', expiresAt: code.expiresAt }), ok({ state: 'pending', expiresAt: code.expiresAt }), ok({ state: 'confirmed', tokens: tokensFor(meAsChair.user, 'pc') }));

    const { container } = render(<ConsoleSignInPage />);

    await waitFor(() => expect(container.querySelectorAll('.qr-row').length).toBeGreaterThan(20));
    expect(container.querySelector('.qr-frame')!.getAttribute('aria-label')).toBe('工作台登录二维码');
    expect(screen.getByText(/扫这个二维码/)).toBeTruthy();

    await waitFor(() => expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/packages/workbench/index' }));
    expect(readAccessToken()).toBe('access-pc');
    const polls = api.callsTo('POST', poll);
    expect(polls).toHaveLength(3);
    expect(polls.every((call) => (call.data as { pollToken: string }).pollToken === 'pc-secret' && !call.header?.Authorization)).toBe(true);
  });

  it('when the code runs out, or she taps 不是我 on her phone, offers a new code with one big button', async () => {
    const api = new FakeApi()
      .on('POST', ApiPaths.consoleSignIns, ok(code))
      .on('POST', poll, ok({ state: 'expired' }), ok({ state: 'refused' }));

    const { container } = render(<ConsoleSignInPage />);

    await screen.findByText('二维码已经过期了。');
    expect(hasSession()).toBe(false);
    fireEvent.click(container.querySelector('.renew-console-code.btn-primary')!);

    await screen.findByText('手机上点了「不是我，取消」，这台电脑没有登录。');
    expect(api.callsTo('POST', ApiPaths.consoleSignIns)).toHaveLength(2);
  });
});

describe('a PC whose session the server ended', () => {
  const ended = fail(401, ErrorCode.ConsoleSessionEnded, ERROR_MESSAGES[ErrorCode.ConsoleSessionEnded]);

  it('forgets it and goes back to its code, saying why, on the first call refused', async () => {
    startSession(tokensFor(meAsChair.user, 'pc'), 'console');
    new FakeApi().on('GET', ApiPaths.myInboxCounts, ended);

    await expect(apiRequest({ path: ApiPaths.myInboxCounts })).rejects.toMatchObject({ status: 401, code: ErrorCode.ConsoleSessionEnded });

    expect(hasSession()).toBe(false);
    // The code page says why; no toast over its QR code.
    expect(taro.showToast).not.toHaveBeenCalled();
    expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/packages/console/sign-in?ended=CONSOLE_SESSION_ENDED' });

    setRouterParams({ ended: ErrorCode.ConsoleSessionEnded });
    new FakeApi().on('POST', ApiPaths.consoleSignIns, ok({ id: ID, pollToken: 's', expiresAt: new Date(Date.now() + 120_000).toISOString(), pollSeconds: 60 }));
    const { container } = render(<ConsoleSignInPage />);
    expect(container.querySelector('.console-sign-in-ended')!.textContent).toBe(ERROR_MESSAGES[ErrorCode.ConsoleSessionEnded]);
    await waitFor(() => expect(container.querySelectorAll('.qr-row').length).toBeGreaterThan(20));
  });

  it('its working day over (or ended while it sat idle), the refresh is refused: back to its code once, nothing sent without a token, no toast', async () => {
    startSession({ ...tokensFor(meAsChair.user, 'pc'), expiresIn: 30 }, 'console');
    const api = new FakeApi()
      .on('POST', ApiPaths.authRefresh, fail(401, ErrorCode.RefreshTokenInvalid, ERROR_MESSAGES[ErrorCode.RefreshTokenInvalid]))
      .on('GET', ApiPaths.me, ok(meAsChair))
      .on('GET', ApiPaths.myInboxCounts, ok([]));

    const calls = [apiRequest({ path: ApiPaths.me }), apiRequest({ path: ApiPaths.myInboxCounts })];
    for (const call of calls) await expect(call).rejects.toMatchObject({ status: 401, code: ErrorCode.RefreshTokenInvalid });

    expect(api.callsTo('POST', ApiPaths.authRefresh)).toHaveLength(1);
    expect(api.callsTo('GET', ApiPaths.me)).toHaveLength(0);
    expect(api.callsTo('GET', ApiPaths.myInboxCounts)).toHaveLength(0);
    expect(taro.reLaunch).toHaveBeenCalledTimes(1);
    expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/packages/console/sign-in?ended=REFRESH_TOKEN_INVALID' });
    expect(taro.showToast).not.toHaveBeenCalled();
  });

  it('her role revoked while its access token ran out: the refused refresh’s reason reaches the code page', async () => {
    startSession({ ...tokensFor(meAsChair.user, 'pc'), expiresIn: 30 }, 'console');
    new FakeApi()
      .on('POST', ApiPaths.authRefresh, fail(401, ErrorCode.ConsoleRoleRevoked, ERROR_MESSAGES[ErrorCode.ConsoleRoleRevoked]))
      .on('GET', ApiPaths.me, ok(meAsChair));

    await expect(apiRequest({ path: ApiPaths.me })).rejects.toMatchObject({ status: 401 });

    expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/packages/console/sign-in?ended=CONSOLE_ROLE_REVOKED' });
    setRouterParams({ ended: ErrorCode.ConsoleRoleRevoked });
    new FakeApi().on('POST', ApiPaths.consoleSignIns, ok({ id: ID, pollToken: 's', expiresAt: new Date(Date.now() + 120_000).toISOString(), pollSeconds: 60 }));
    const { container } = render(<ConsoleSignInPage />);
    expect(container.querySelector('.console-sign-in-ended')!.textContent).toBe(ERROR_MESSAGES[ErrorCode.ConsoleRoleRevoked]);
    expect(taro.showToast).not.toHaveBeenCalled();
  });

  it('says so when her role was revoked; a session signed in otherwise in the browser is only forgotten', async () => {
    startSession(tokensFor(meAsChair.user, 'pc'), 'console');
    new FakeApi().on('GET', ApiPaths.me, fail(401, ErrorCode.ConsoleRoleRevoked, ERROR_MESSAGES[ErrorCode.ConsoleRoleRevoked]));
    await expect(apiRequest({ path: ApiPaths.me, quiet: true })).rejects.toMatchObject({ code: ErrorCode.ConsoleRoleRevoked });
    expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/packages/console/sign-in?ended=CONSOLE_ROLE_REVOKED' });

    taro.reLaunch.mockClear();
    startSession(tokensFor(meAsChair.user));
    new FakeApi().on('GET', ApiPaths.me, fail(401, ErrorCode.TokenInvalid, ERROR_MESSAGES[ErrorCode.TokenInvalid]));
    await expect(apiRequest({ path: ApiPaths.me, quiet: true })).rejects.toMatchObject({ code: ErrorCode.TokenInvalid });
    expect(hasSession()).toBe(false);
    expect(taro.reLaunch).not.toHaveBeenCalled();
  });
});

describe('电脑登录 on 我的', () => {
  const session: ConsoleSessionView = {
    id: ID,
    browser: 'Windows 电脑上的 Chrome 浏览器',
    ipAddress: '203.0.113.7',
    signedInAt: '2026-12-01T02:00:30.000Z',
    endsAt: '2026-12-01T10:00:30.000Z',
  };

  it('lists the PCs signed in as her and ends one after asking', async () => {
    startSession(tokensFor(meAsChair.user));
    const api = new FakeApi()
      .on('GET', ApiPaths.me, ok(meAsChair))
      .on('GET', ApiPaths.myConsoleSessions, ok([session]), ok([]))
      .on('DELETE', pathOf(ApiPaths.myConsoleSession, { id: ID }), { statusCode: 204, data: '' });

    const { container } = render(<MePage />);

    await screen.findByText('Windows 电脑上的 Chrome 浏览器');
    expect(container.querySelector('.console-session-time')!.textContent).toMatch(/10:00.*登录.*18:00.*自动退出/);
    fireEvent.click(screen.getByText('让这台电脑退出'));

    await screen.findByText('现在没有电脑登录着您的账号。');
    expect(taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '让这台电脑退出？' }));
    expect(api.callsTo('DELETE', pathOf(ApiPaths.myConsoleSession, { id: ID }))).toHaveLength(1);
  });

  it('is not shown to a woman without a staff role', async () => {
    startSession(tokensFor(villager));
    const api = new FakeApi().on('GET', ApiPaths.me, ok(meWithHome));

    render(<MePage />);

    await screen.findByText('您目前没有担任妇联职务');
    expect(screen.queryByText('电脑登录')).toBeNull();
    expect(api.callsTo('GET', ApiPaths.myConsoleSessions)).toHaveLength(0);
  });
});

describe('the PC console’s left navigation', () => {
  const names = (roles: Parameters<typeof consoleNavItems>[0]) => consoleNavItems(roles).map((item) => item.label);

  it('leads staff to their work first, then to the tab bar’s three places', () => {
    expect(names(meAsChair.roles)).toEqual(['工作台（求助办理）', '工作看板', '首页', '活动', '我的']);
    expect(names([{ role: RoleKind.Admin, federationId: '211221', federationName: '铁岭县妇联' }])).toEqual([
      '工作台（求助办理）', '工作看板', '县妇联管理', '导入导出', '首页', '活动', '我的',
    ]);
  });

  it('gives a woman the tab bar’s places only, and someone signed out the way to sign in', () => {
    expect(names([])).toEqual(['首页', '活动', '我的']);
    expect(names([{ role: RoleKind.Executive, federationId: '211221100201', federationName: '懿路村妇联' }])).toEqual(['首页', '活动', '我的']);
    expect(names(null)).toEqual(['首页', '活动', '我的', '扫码登录工作台']);
  });
});
