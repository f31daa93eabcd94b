import Taro from '@tarojs/taro';
import {
  ApiPaths,
  ERROR_MESSAGES,
  ErrorCode,
  type AuthTokens,
  type DemoPerson,
  type DevSignInRequest,
  type UserProfile,
  type WechatSignInRequest,
} from '@wfh/shared';
import { apiRequest, showError } from './client';
import { ApiError } from './errors';
import { endSession, startSession } from './session';

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
  return apiRequest<DemoPerson[]>({ path: ApiPaths.authDevPeople, auth: false });
}

export function signInAsDemoPerson(personKey: string): Promise<UserProfile> {
  const body: DevSignInRequest = { personKey };
  return signIn(ApiPaths.authDev, body);
}

export function signOut(): void {
  endSession('signed-out');
}
