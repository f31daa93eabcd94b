import { ApiPaths, ERROR_MESSAGES, ErrorCode } from '@wfh/shared';
import { ApiError, apiRequest, fetchMe, NETWORK_ERROR } from '../src/api';
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
