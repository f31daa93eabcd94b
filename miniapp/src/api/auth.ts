import Taro from '@tarojs/taro';
import {
  ApiPaths,
  ERROR_MESSAGES,
  ErrorCode,
  type AuthTokens,
  type DemoPerson,
  type DevSignInRequest,
  type RefreshRequest,
  type UserProfile,
  type WechatSignInRequest,
} from '@wfh/shared';
import { apiRequest, showError } from './client';
import { ApiError } from './errors';
import { endSession, readRefreshToken, startSession } from './session';

async function signIn(path: string, body: object): Promise<UserProfile> {
  const tokens = await apiRequest<AuthTokens>({ method: 'POST', path, data: body, auth: false });
  startSession(tokens);
  return tokens.user;
}

// Pages that open together share one wx.login instead of each signing in on its own.
let wechatSignIn: Promise<UserProfile> | null = null;

async function exchangeWechatCode(): Promise<UserProfile> {
  let loginCode: string;
  try {
    loginCode = (await Taro.login()).code;
  } catch {
    const failed = ErrorCode.WechatSignInFailed;
    const error = new ApiError(0, failed, ERROR_MESSAGES[failed]);
    showError(error);
    throw error;
  }
  const body: WechatSignInRequest = { code: loginCode };
  return signIn(ApiPaths.authWechat, body);
}

/** Mini-program sign-in: a one-time wx.login code exchanged for our own tokens. */
export function signInWithWechat(): Promise<UserProfile> {
  wechatSignIn ??= exchangeWechatCode().finally(() => {
    wechatSignIn = null;
  });
  return wechatSignIn;
}

/** The browser build has no wx.login; the server offers demo people instead (development only). */
export function listDemoPeople(): Promise<DemoPerson[]> {
  // Quiet: a production server refuses (DEV_SIGN_IN off) and the sign-in panel then simply leaves demo people out.
  return apiRequest<DemoPerson[]>({ path: ApiPaths.authDevPeople, auth: false, quiet: true });
}

export function signInAsDemoPerson(personKey: string): Promise<UserProfile> {
  const body: DevSignInRequest = { personKey };
  return signIn(ApiPaths.authDev, body);
}

/**
 * 退出登录 on this phone. She may be leaving in a hurry: the phone forgets her at once, and the server
 * is told afterwards so that this phone's refresh token stops too (if that call is lost, the token
 * still expires on its own). Her other phones stay signed in.
 */
export function signOut(): void {
  const refreshToken = readRefreshToken();
  endSession('signed-out');
  if (refreshToken === null) return;
  const body: RefreshRequest = { refreshToken };
  void apiRequest({ method: 'POST', path: ApiPaths.authSignOut, data: body, auth: false, quiet: true }).catch(() => undefined);
}

/**
 * 退出所有设备: every phone she is signed in on, this one too, has to sign in again. Only once the
 * server has ended them does this phone forget her; a failure is shown and nothing changes.
 */
export async function signOutEverywhere(): Promise<void> {
  await apiRequest<void>({ method: 'POST', path: ApiPaths.authSignOutEverywhere });
  endSession('signed-out');
}
