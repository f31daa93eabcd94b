import type { AppConfig } from '../../config/config';
import type { CacheStore } from '../redis/coordination';

interface TokenReply {
  access_token?: string;
  expires_in?: number;
  errcode?: number;
  errmsg?: string;
}

const TOKEN_CACHE_KEY = 'wechat:access-token';
/** WeChat's answers that mean the token we sent is stale or revoked: fetch a fresh one and try once more. */
export const TOKEN_EXPIRED = new Set([40001, 42001]);

/**
 * The mini-program's server-side access token (cgi-bin/token). Every instance shares one through the
 * cache: each fetch invalidates the previous token, so instances fetching their own would keep
 * invalidating each other's.
 */
export class WechatAccessToken {
  constructor(
    private readonly config: AppConfig,
    private readonly cache: CacheStore,
  ) {}

  async get(refresh = false): Promise<string> {
    if (!refresh) {
      const cached = await this.cache.get(TOKEN_CACHE_KEY);
      if (cached) return cached;
    }
    const { appId, secret, apiBase } = this.config.wechat;
    const url = `${apiBase}/cgi-bin/token?grant_type=client_credential&appid=${encodeURIComponent(appId)}&secret=${encodeURIComponent(secret)}`;
    const reply = (await (await fetch(url, { signal: AbortSignal.timeout(5000) })).json()) as TokenReply;
    if (!reply.access_token) throw new Error(`WeChat token: ${reply.errcode} ${reply.errmsg}`);
    await this.cache.set(TOKEN_CACHE_KEY, reply.access_token, Math.max(60, (reply.expires_in ?? 7200) - 300));
    return reply.access_token;
  }

  /** Runs a call with the shared token, and once more with a fresh one when WeChat says it went stale. */
  async withToken<T extends { errcode?: number }>(call: (token: string) => Promise<T>): Promise<T> {
    const reply = await call(await this.get());
    if (reply.errcode !== undefined && TOKEN_EXPIRED.has(reply.errcode)) return call(await this.get(true));
    return reply;
  }
}
