import Taro from '@tarojs/taro';
import type { AuthTokens } from '@wfh/shared';

const ACCESS_TOKEN_KEY = 'wfh.accessToken';
const REFRESH_TOKEN_KEY = 'wfh.refreshToken';
// When the access token runs out, by this phone's clock (from the server's expiresIn, not its clock).
const ACCESS_EXPIRES_AT_KEY = 'wfh.accessTokenExpiresAt';
/** Renewed this long before it runs out, so that it does not expire on the way to the server. */
const RENEW_BEFORE_MS = 60_000;
// Remembered so that the mini-program does not sign her straight back in after she chose to leave.
const SIGNED_OUT_KEY = 'wfh.signedOut';
// A PC signed in by QR code: when its session is lost it goes back to its code, not to a sign-in card.
const CONSOLE_SESSION_KEY = 'wfh.consoleSession';

/**
 * What the phone keeps for the signed-in person so that it shows without a signal (her sign-ups,
 * whose QR codes she shows at the door). It belongs to the session: forgotten whenever someone
 * signs in or the session ends, so the next person on a shared phone never sees it.
 */
const SESSION_DATA_KEYS = { mySignups: 'wfh.mySignups' } as const;

export type SessionDataName = keyof typeof SESSION_DATA_KEYS;

export function keepWithSession(name: SessionDataName, value: unknown): void {
  Taro.setStorageSync(SESSION_DATA_KEYS[name], value);
}

/** What was kept, or null when nothing was. */
export function keptWithSession(name: SessionDataName): unknown {
  const value: unknown = Taro.getStorageSync(SESSION_DATA_KEYS[name]);
  return value === '' || value === undefined ? null : value;
}

function forgetSessionData(): void {
  for (const key of Object.values(SESSION_DATA_KEYS)) Taro.removeStorageSync(key);
}

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

/**
 * The access token has run out, or is about to. A public page given an expired token answers as to
 * anyone signed out (not 401), so the client renews before sending rather than after a refusal.
 * Unknown (a session stored by an older version) counts as not due: a 401 still renews it.
 */
export function accessTokenDue(): boolean {
  const expiresAt: unknown = Taro.getStorageSync(ACCESS_EXPIRES_AT_KEY);
  return typeof expiresAt === 'number' && Date.now() >= expiresAt - RENEW_BEFORE_MS;
}

export function hasSession(): boolean {
  return readAccessToken() !== null;
}

export function signedOutByUser(): boolean {
  return read(SIGNED_OUT_KEY) !== null;
}

/** The session here was handed over to this PC by her phone (the console's QR sign-in). */
export function isConsoleSession(): boolean {
  return read(CONSOLE_SESSION_KEY) !== null;
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

function storeTokens(tokens: Pick<AuthTokens, 'accessToken' | 'refreshToken' | 'expiresIn'>): void {
  Taro.setStorageSync(ACCESS_TOKEN_KEY, tokens.accessToken);
  Taro.setStorageSync(REFRESH_TOKEN_KEY, tokens.refreshToken);
  Taro.setStorageSync(ACCESS_EXPIRES_AT_KEY, Date.now() + tokens.expiresIn * 1000);
}

export function startSession(tokens: AuthTokens, via: 'sign-in' | 'console' = 'sign-in'): void {
  forgetSessionData();
  storeTokens(tokens);
  Taro.removeStorageSync(SIGNED_OUT_KEY);
  if (via === 'console') Taro.setStorageSync(CONSOLE_SESSION_KEY, '1');
  else Taro.removeStorageSync(CONSOLE_SESSION_KEY);
  notify();
}

/** A refresh keeps the same person signed in, so nobody needs to reload. */
export function renewSession(tokens: AuthTokens): void {
  storeTokens(tokens);
}

export function endSession(reason: 'signed-out' | 'expired'): void {
  Taro.removeStorageSync(ACCESS_TOKEN_KEY);
  Taro.removeStorageSync(REFRESH_TOKEN_KEY);
  Taro.removeStorageSync(ACCESS_EXPIRES_AT_KEY);
  Taro.removeStorageSync(CONSOLE_SESSION_KEY);
  forgetSessionData();
  if (reason === 'signed-out') Taro.setStorageSync(SIGNED_OUT_KEY, '1');
  notify();
}
