import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode } from '@wfh/shared';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { AppException, unauthorized } from '../../common/errors/app-exception';

export interface WechatSession {
  openid: string;
  sessionKey: string;
  unionid: string | null;
}

interface Code2SessionReply {
  openid?: string;
  session_key?: string;
  unionid?: string;
  errcode?: number;
  errmsg?: string;
}

/** WeChat's code2Session; the base URL is configurable so tests talk to a fake server, never the real one. */
@Injectable()
export class WechatClient {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async code2Session(code: string): Promise<WechatSession> {
    const { appId, secret, apiBase } = this.config.wechat;
    const url = new URL(`${apiBase}/sns/jscode2session`);
    url.search = new URLSearchParams({ appid: appId, secret, js_code: code, grant_type: 'authorization_code' }).toString();
    let reply: Code2SessionReply;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      reply = (await response.json()) as Code2SessionReply;
    } catch {
      throw new AppException(503, ErrorCode.WechatSignInFailed);
    }
    if (reply.errcode || !reply.openid || !reply.session_key) {
      // 40029 invalid code, 40163 code already used, 45011 too frequent: the woman can simply try again.
      throw unauthorized(ErrorCode.WechatSignInFailed);
    }
    return { openid: reply.openid, sessionKey: reply.session_key, unionid: reply.unionid ?? null };
  }
}
