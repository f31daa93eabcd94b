import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode } from '@wfh/shared';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { AppException, unauthorized } from '../../common/errors/app-exception';
import { WechatAccessToken } from './access-token';

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

interface PhoneNumberReply {
  errcode?: number;
  errmsg?: string;
  phone_info?: { phoneNumber?: string; purePhoneNumber?: string; countryCode?: string };
}

/** WeChat's busy answers: she may simply tap again. Anything else means the code is bad or used. */
const WECHAT_BUSY = new Set([-1, 45011]);

/**
 * WeChat's server APIs the sign-in needs; the base URL is configurable so tests talk to a fake server,
 * never the real one.
 */
@Injectable()
export class WechatClient {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly token: WechatAccessToken,
  ) {}

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

  /**
   * The phone number she chose to share (the getPhoneNumber button's one-time code, valid five
   * minutes). Only mainland numbers are used: the county's lists hold those.
   */
  async phoneNumber(code: string): Promise<{ purePhoneNumber: string; countryCode: string }> {
    let reply: PhoneNumberReply;
    try {
      reply = await this.token.withToken(async (token) => {
        const response = await fetch(`${this.config.wechat.apiBase}/wxa/business/getuserphonenumber?access_token=${encodeURIComponent(token)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ code }),
          signal: AbortSignal.timeout(5000),
        });
        return (await response.json()) as PhoneNumberReply;
      });
    } catch {
      throw new AppException(503, ErrorCode.WechatPhoneFailed);
    }
    if (reply.errcode !== undefined && WECHAT_BUSY.has(reply.errcode)) throw new AppException(503, ErrorCode.WechatPhoneFailed);
    const phone = reply.phone_info;
    if (reply.errcode || !phone?.purePhoneNumber || !phone.countryCode) throw new AppException(400, ErrorCode.WechatPhoneFailed);
    return { purePhoneNumber: phone.purePhoneNumber, countryCode: phone.countryCode };
  }
}
