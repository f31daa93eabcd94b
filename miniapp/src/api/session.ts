import Taro from '@tarojs/taro';
import type { AuthTokens } from '@wfh/shared';

const ACCESS_TOKEN_KEY = 'wfh.accessToken';
const REFRESH_TOKEN_KEY = 'wfh.refreshToken';
// Remembered so that the mini-program does not sign her straight back in after she chose to leave.
const SIGNED_OUT_KEY = 'wfh.signedOut';

type Listener = () => void;
const listeners = new Set<Listener>();

function read(key: string): string | null {
  const value: unknown = Taro.getStorageSync(key);
  return typeof value === 'string' && value !== '' ? value : null;
}

export function readAccessToken(): string | null {
  return read(ACCESS_TOKEN_KEY);
}

export function readRefreshToken(): string | null {
  return read(REFRESH_TOKEN_KEY);
}

export function hasSession(): boolean {
  return readAccessToken() !== null;
}

export function signedOutByUser(): boolean {
  return read(SIGNED_OUT_KEY) !== null;
}

/** Every page showing who is signed in listens here, so signing in or out on one tab updates all. */
export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function notify(): void {
  for (const listener of [...listeners]) listener();
}

function storeTokens(tokens: Pick<AuthTokens, 'accessToken' | 'refreshToken'>): void {
  Taro.setStorageSync(ACCESS_TOKEN_KEY, tokens.accessToken);
  Taro.setStorageSync(REFRESH_TOKEN_KEY, tokens.refreshToken);
}

export function startSession(tokens: AuthTokens): void {
  storeTokens(tokens);
  Taro.removeStorageSync(SIGNED_OUT_KEY);
  notify();
}

/** A refresh keeps the same person signed in, so nobody needs to reload. */
export function renewSession(tokens: AuthTokens): void {
  storeTokens(tokens);
}

export function endSession(reason: 'signed-out' | 'expired'): void {
  Taro.removeStorageSync(ACCESS_TOKEN_KEY);
  Taro.removeStorageSync(REFRESH_TOKEN_KEY);
  if (reason === 'signed-out') Taro.setStorageSync(SIGNED_OUT_KEY, '1');
  notify();
}
