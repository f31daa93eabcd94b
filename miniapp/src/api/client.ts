import Taro from '@tarojs/taro';
import { ApiPaths, ErrorCode, type AuthTokens, type RefreshRequest } from '@wfh/shared';
import { apiBase } from '../utils/platform';
import { ApiError, apiErrorFromResponse, NETWORK_ERROR } from './errors';
import { accessTokenDue, endSession, readAccessToken, readRefreshToken, renewSession } from './session';

export const REQUEST_TIMEOUT_MS = 10_000;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  path: string;
  data?: object;
  /** Send the signed-in person's token (default). Sign-in calls have none to send. */
  auth?: boolean;
  /** The caller shows the failure itself, so no toast. */
  quiet?: boolean;
  /** Extra headers, e.g. the Idempotency-Key that makes a retried POST safe. */
  headers?: Record<string, string>;
  /** 'text' for a file the server sends as it is (a CSV list); JSON by default. */
  dataType?: 'json' | 'text';
}

/** 401 codes after which the stored session is useless and she has to sign in again. */
const SESSION_LOST = new Set<string>([
  ErrorCode.Unauthenticated,
  ErrorCode.TokenExpired,
  ErrorCode.TokenInvalid,
  ErrorCode.RefreshTokenInvalid,
]);

async function transport(options: RequestOptions, token: string | null) {
  const header: Record<string, string> = { ...options.headers };
  if (options.data !== undefined) header['Content-Type'] = 'application/json';
  if (token !== null) header.Authorization = `Bearer ${token}`;
  try {
    return await Taro.request<unknown>({
      url: apiBase + options.path,
      method: options.method ?? 'GET',
      data: options.data,
      header,
      timeout: REQUEST_TIMEOUT_MS,
      dataType: options.dataType ?? 'json',
    });
  } catch {
    // wx.request and fetch both reject only when no HTTP answer arrived (timeout, offline, DNS).
    throw ApiError.network();
  }
}

// While one refresh is in flight every other expired request waits for it instead of starting its
// own: refresh tokens rotate, so a second concurrent refresh would present a token already spent.
let renewal: Promise<boolean> | null = null;

async function refreshTokens(): Promise<boolean> {
  const refreshToken = readRefreshToken();
  if (refreshToken === null) return false;
  const body: RefreshRequest = { refreshToken };
  try {
    const tokens = await send<AuthTokens>(
      { method: 'POST', path: ApiPaths.authRefresh, data: body, auth: false },
      false,
    );
    renewSession(tokens);
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.code === NETWORK_ERROR) throw error;
    return false;
  }
}

function renewAccessToken(expiredToken: string): Promise<boolean> {
  // Another request already replaced the token this one was sent with: just use the new one.
  const current = readAccessToken();
  if (current !== null && current !== expiredToken) return Promise.resolve(true);
  renewal ??= refreshTokens().finally(() => {
    renewal = null;
  });
  return renewal;
}

async function send<T>(options: RequestOptions, mayRefresh: boolean): Promise<T> {
  let token = options.auth === false ? null : readAccessToken();
  if (token !== null && mayRefresh && accessTokenDue()) {
    // A refused refresh means her sessions were ended (elsewhere, or for a copied token): forget this
    // one, so the call goes out as from anyone signed out and her pages offer to sign in once.
    if (!(await renewAccessToken(token)) && readAccessToken() === token) endSession('expired');
    token = readAccessToken();
  }
  const response = await transport(options, token);
  if (response.statusCode >= 200 && response.statusCode < 300) return response.data as T;

  const error = apiErrorFromResponse(response.statusCode, response.data);
  if (token !== null && error.code === ErrorCode.TokenExpired && mayRefresh) {
    if (await renewAccessToken(token)) return send<T>(options, false);
  }
  // Only forget the session this request was sent with; a concurrent refresh may have replaced it.
  const lostSession = token !== null && error.status === 401 && SESSION_LOST.has(error.code);
  if (lostSession && readAccessToken() === token) endSession('expired');
  throw error;
}

export function showError(error: ApiError): void {
  void Taro.showToast({ title: error.message, icon: 'none', duration: 3000 });
}

/** The one way the mini-program talks to the API. Failures are shown to her, then thrown. */
export async function apiRequest<T>(options: RequestOptions): Promise<T> {
  try {
    return await send<T>(options, true);
  } catch (error) {
    const apiError = error instanceof ApiError ? error : ApiError.network();
    if (!options.quiet) showError(apiError);
    throw apiError;
  }
}
