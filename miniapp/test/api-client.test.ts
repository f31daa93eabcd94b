import { ApiPaths, ERROR_MESSAGES, ErrorCode } from '@wfh/shared';
import { ApiError, apiRequest, fetchMe, NETWORK_ERROR, signOut } from '../src/api';
import { hasSession, readAccessToken, startSession } from '../src/api/session';
import { FakeApi, fail, hangs, ok } from './support/fake-api';
import { meWithHome, tokensFor, villager } from './support/fixtures';
import taro, { taroStorage } from './support/taro-mock';

const toastTitles = () => taro.showToast.mock.calls.map(([options]) => options.title);

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

beforeEach(() => {
  taroStorage.clear();
});

/** The sign-out call goes out after a few microtasks; wait for it without depending on timers. */
async function waitForCall(happened: () => boolean): Promise<void> {
  for (let i = 0; i < 20 && !happened(); i++) await Promise.resolve();
  if (!happened()) throw new Error('the call was never made');
}

afterEach(() => {
  jest.useRealTimers();
});

describe('API client', () => {
  it('sends the signed-in person’s bearer token and returns the body', async () => {
    const api = new FakeApi().on('GET', ApiPaths.me, ok(meWithHome));
    startSession(tokensFor(villager));

    await expect(fetchMe()).resolves.toEqual(meWithHome);
    expect(api.callsTo('GET', ApiPaths.me)[0].header).toMatchObject({ Authorization: 'Bearer access-1' });
  });

  it('shows the server’s Chinese message in a toast on a 4xx and throws a typed error', async () => {
    const fields = [{ field: 'phone', message: '请填写 11 位手机号' }];
    const invalid = fail(400, ErrorCode.ValidationFailed, '手机号填得不对', fields);
    new FakeApi().on('POST', '/api/v1/things', invalid);

    const error = await caught(apiRequest({ method: 'POST', path: '/api/v1/things', data: { phone: '1' } }));

    expect(error).toMatchObject({ status: 400, code: ErrorCode.ValidationFailed, fields });
    expect(error.message).toBe('手机号填得不对');
    expect(taro.showToast).toHaveBeenCalledTimes(1);
    expect(taro.showToast).toHaveBeenCalledWith(
      expect.objectContaining({ title: '手机号填得不对', icon: 'none' }),
    );
  });

  it('falls back to the plain message for the status when a proxy answers without our error shape', async () => {
    const gateway = { statusCode: 502, data: '<html>Bad Gateway</html>' };
    new FakeApi().on('GET', '/api/v1/things', gateway);

    const error = await caught(apiRequest({ path: '/api/v1/things' }));

    expect(error.code).toBe(ErrorCode.ServiceUnavailable);
    expect(toastTitles()).toEqual([ERROR_MESSAGES[ErrorCode.ServiceUnavailable]]);
  });

  it('refreshes once for concurrent requests whose token expired, then retries each with the new token', async () => {
    const expired = fail(401, ErrorCode.TokenExpired, ERROR_MESSAGES[ErrorCode.TokenExpired]);
    const api = new FakeApi()
      .on('GET', ApiPaths.me, (request) =>
        request.header?.Authorization === 'Bearer access-2' ? ok(meWithHome) : expired,
      )
      .on('POST', ApiPaths.authRefresh, (request) =>
        (request.data as { refreshToken: string }).refreshToken === 'refresh-1'
          ? ok(tokensFor(villager, '2'))
          : fail(401, ErrorCode.RefreshTokenInvalid, ERROR_MESSAGES[ErrorCode.RefreshTokenInvalid]),
      );
    startSession(tokensFor(villager, '1'));

    const results = await Promise.all([fetchMe(), fetchMe(), fetchMe()]);

    expect(results).toEqual([meWithHome, meWithHome, meWithHome]);
    expect(api.callsTo('POST', ApiPaths.authRefresh)).toHaveLength(1);
    expect(api.callsTo('GET', ApiPaths.me)).toHaveLength(6);
    expect(readAccessToken()).toBe('access-2');
    expect(taro.showToast).not.toHaveBeenCalled();
  });

  it('signs her out with the server’s message when the refresh is refused, without retrying forever', async () => {
    const api = new FakeApi()
      .on('GET', ApiPaths.me, fail(401, ErrorCode.TokenExpired, '登录已过期，请重新登录'))
      .on('POST', ApiPaths.authRefresh, fail(401, ErrorCode.RefreshTokenInvalid, '登录已失效，请重新登录'));
    startSession(tokensFor(villager));

    const error = await caught(fetchMe());

    expect(error).toMatchObject({ status: 401, code: ErrorCode.TokenExpired });
    expect(toastTitles()).toEqual(['登录已过期，请重新登录']);
    expect(api.callsTo('POST', ApiPaths.authRefresh)).toHaveLength(1);
    expect(api.callsTo('GET', ApiPaths.me)).toHaveLength(1);
    expect(hasSession()).toBe(false);
  });

  it('renews a token that has run out before sending it, so a public page shows her view and not the signed-out one', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-07T08:00:00Z') });
    const activity = '/api/v1/activities/a-1';
    const api = new FakeApi()
      .on('GET', activity, (request) => ok({ mine: request.header?.Authorization === 'Bearer access-2' }))
      .on('POST', ApiPaths.authRefresh, ok(tokensFor(villager, '2')));
    startSession(tokensFor(villager, '1'));
    jest.setSystemTime(new Date('2026-12-07T08:15:00Z'));

    await expect(apiRequest({ path: activity })).resolves.toEqual({ mine: true });

    expect(api.callsTo('POST', ApiPaths.authRefresh).map((call) => call.data)).toEqual([{ refreshToken: 'refresh-1' }]);
    expect(api.callsTo('GET', activity).map((call) => call.header?.Authorization)).toEqual(['Bearer access-2']);
  });

  it('a token well within its time goes out as it is, without a refresh', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-07T08:00:00Z') });
    const api = new FakeApi().on('GET', ApiPaths.me, ok(meWithHome));
    startSession(tokensFor(villager, '1'));
    jest.setSystemTime(new Date('2026-12-07T08:13:00Z'));

    await fetchMe();

    expect(api.callsTo('POST', ApiPaths.authRefresh)).toHaveLength(0);
    expect(api.callsTo('GET', ApiPaths.me)[0].header).toMatchObject({ Authorization: 'Bearer access-1' });
  });

  it('when her sessions were ended elsewhere, the refused renewal forgets this one and the page is asked for as signed out', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-07T08:00:00Z') });
    const activity = '/api/v1/activities/a-1';
    const api = new FakeApi()
      .on('GET', activity, ok({ mine: false }))
      .on('POST', ApiPaths.authRefresh, fail(401, ErrorCode.RefreshTokenInvalid, '登录已失效，请重新登录'));
    startSession(tokensFor(villager, '1'));
    jest.setSystemTime(new Date('2026-12-07T08:15:00Z'));

    await expect(apiRequest({ path: activity })).resolves.toEqual({ mine: false });

    expect(hasSession()).toBe(false);
    expect(api.callsTo('GET', activity)[0].header?.Authorization).toBeUndefined();
    expect(api.callsTo('POST', ApiPaths.authRefresh)).toHaveLength(1);
  });

  it('a revoked access token (401 TOKEN_INVALID) ends the session at once, without a refresh to try', async () => {
    const api = new FakeApi()
      .on('GET', ApiPaths.me, fail(401, ErrorCode.TokenInvalid, ERROR_MESSAGES[ErrorCode.TokenInvalid]))
      .on('POST', ApiPaths.authRefresh, ok(tokensFor(villager, '2')));
    startSession(tokensFor(villager, '1'));

    const error = await caught(fetchMe());

    expect(error).toMatchObject({ status: 401, code: ErrorCode.TokenInvalid });
    expect(hasSession()).toBe(false);
    expect(api.callsTo('POST', ApiPaths.authRefresh)).toHaveLength(0);
    expect(api.callsTo('GET', ApiPaths.me)).toHaveLength(1);
  });

  it('退出登录 forgets her on this phone at once, then tells the server to stop this refresh token', async () => {
    let answer: (reply: { statusCode: number; data: unknown }) => void = () => undefined;
    const api = new FakeApi().on('POST', ApiPaths.authSignOut, () => new Promise((resolve) => (answer = resolve)));
    startSession(tokensFor(villager, '1'));

    signOut();

    expect(hasSession()).toBe(false);
    expect(readAccessToken()).toBeNull();
    await waitForCall(() => api.callsTo('POST', ApiPaths.authSignOut).length > 0);
    const [call] = api.callsTo('POST', ApiPaths.authSignOut);
    expect(call.data).toEqual({ refreshToken: 'refresh-1' });
    expect(call.header?.Authorization).toBeUndefined();
    answer({ statusCode: 204, data: '' });
  });

  it('退出登录 without a signal still signs her out here, quietly', async () => {
    const api = new FakeApi().on('POST', ApiPaths.authSignOut, () => Promise.reject({ errMsg: 'request:fail' }));
    startSession(tokensFor(villager, '1'));

    signOut();
    await waitForCall(() => api.callsTo('POST', ApiPaths.authSignOut).length > 0);
    for (let i = 0; i < 10; i++) await Promise.resolve();

    expect(hasSession()).toBe(false);
    expect(taro.showToast).not.toHaveBeenCalled();
  });

  it('gives up after 10 seconds without an answer and says the network is poor', async () => {
    jest.useFakeTimers();
    new FakeApi().on('GET', ApiPaths.me, hangs);
    startSession(tokensFor(villager));

    const pending = caught(fetchMe());
    await jest.advanceTimersByTimeAsync(9_999);
    expect(taro.showToast).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1);
    const error = await pending;

    expect(error).toMatchObject({ status: 0, code: NETWORK_ERROR, message: '网络不太好，请稍后再试' });
    expect(toastTitles()).toEqual(['网络不太好，请稍后再试']);
    expect(hasSession()).toBe(true);
  });
});
