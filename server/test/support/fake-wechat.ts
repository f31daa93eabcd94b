import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fieldTypeOf, fieldValueProblem } from '../../src/infra/wechat/subscribe-fields';

/**
 * A stand-in for api.weixin.qq.com (code2Session, access tokens, subscribe messages, phone numbers),
 * so tests never call WeChat. Subscribe messages follow WeChat's rules: none without a one-time grant
 * the openid gave for that template (43101), no field value that breaks its type's rule (47003).
 * code2Session: a code "ok:<openid>" signs in as that openid; any other code is refused as WeChat
 * refuses a bad code.
 */
export interface FakeWechat {
  url: string;
  /** Every code the server was asked about, in order. */
  codes: string[];
  /** session_key handed out for each openid (to prove it never leaves the server). */
  sessionKeys: Map<string, string>;
  /** Subscribe messages WeChat took (and so delivered), in order. */
  sent: Array<{ touser: string; template_id: string; page?: string; miniprogram_state?: string; data: Record<string, { value: string }> }>;
  /** Sends WeChat refused, with its errcode: 43101 without a grant, 47003 for a field value breaking its rule. */
  refused: Array<{ touser: string; template_id: string; errcode: number }>;
  /**
   * What wx.requestSubscribeMessage does on her phone: the dialog for these templates, and her
   * answer to each. Each accept lets one message of that template through, as on WeChat; a send
   * without one answers 43101.
   */
  requestSubscribeMessage(openid: string, tmplIds: string[], answer?: 'accept' | 'reject' | 'ban' | 'filter'): Record<string, string>;
  /** One-time grants WeChat still holds for this openid and template. */
  grantsOf(openid: string, templateId: string): number;
  /** How many access tokens were handed out. */
  tokensIssued: number;
  /** Answers a send this long after taking it (WeChat under load): a process killed meanwhile never hears back. */
  replyDelayMs: number;
  /** Openids whose sends are taken and then answered with a cut connection, as a network failure after delivery. */
  cutAfterDelivery: Set<string>;
  /**
   * getPhoneNumber codes the fake will answer, with the mainland number each stands for. As on
   * WeChat, a code answers once: a second exchange of it is refused with 40029.
   */
  phoneCodes: Map<string, string>;
  close(): Promise<void>;
}

export async function startFakeWechat(expected: { appId: string; secret: string }): Promise<FakeWechat> {
  const codes: string[] = [];
  const sessionKeys = new Map<string, string>();
  const phoneCodes = new Map<string, string>();
  const fake = { sent: [] as FakeWechat['sent'], refused: [] as FakeWechat['refused'], tokensIssued: 0, replyDelayMs: 0, cutAfterDelivery: new Set<string>() };
  const grants = new Map<string, number>();
  const grantKey = (openid: string, templateId: string) => `${openid}\n${templateId}`;
  const refuse = (res: ServerResponse, message: FakeWechat['sent'][number], errcode: number, errmsg: string) => {
    fake.refused.push({ touser: message.touser, template_id: message.template_id, errcode });
    res.end(JSON.stringify({ errcode, errmsg }));
  };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    res.setHeader('content-type', 'application/json');
    if (url.pathname === '/cgi-bin/token') {
      const ok = url.searchParams.get('appid') === expected.appId && url.searchParams.get('secret') === expected.secret;
      fake.tokensIssued += ok ? 1 : 0;
      res.end(JSON.stringify(ok ? { access_token: `token-${fake.tokensIssued}`, expires_in: 7200 } : { errcode: 40013, errmsg: 'invalid appid' }));
      return;
    }
    if (url.pathname === '/cgi-bin/message/subscribe/send') {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        const message = JSON.parse(body) as FakeWechat['sent'][number];
        if (!url.searchParams.get('access_token')?.startsWith('token-')) return res.end(JSON.stringify({ errcode: 40001, errmsg: 'invalid credential' }));
        const key = grantKey(message.touser, message.template_id);
        if ((grants.get(key) ?? 0) < 1) return refuse(res, message, 43101, 'user refuse to accept the msg');
        for (const [field, { value }] of Object.entries(message.data ?? {})) {
          const type = fieldTypeOf(field);
          if (!type || fieldValueProblem(type, String(value)) !== null) return refuse(res, message, 47003, `argument invalid! data.${field}.value invalid`);
        }
        // A one-time grant is spent once WeChat has taken the message, whatever happens to the answer.
        grants.set(key, grants.get(key)! - 1);
        fake.sent.push(message);
        if (fake.cutAfterDelivery.has(message.touser)) return req.socket.destroy();
        const reply = () => res.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
        if (fake.replyDelayMs > 0) setTimeout(reply, fake.replyDelayMs);
        else reply();
      });
      return;
    }
    if (url.pathname === '/wxa/business/getuserphonenumber') {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        if (req.method !== 'POST') return res.end(JSON.stringify({ errcode: 43002, errmsg: 'require POST method' }));
        if (!url.searchParams.get('access_token')?.startsWith('token-')) return res.end(JSON.stringify({ errcode: 40001, errmsg: 'invalid credential' }));
        const { code } = JSON.parse(body || '{}') as { code?: string };
        const phone = code ? phoneCodes.get(code) : undefined;
        if (!code || !phone) return res.end(JSON.stringify({ errcode: 40029, errmsg: 'invalid code' }));
        phoneCodes.delete(code);
        res.end(
          JSON.stringify({
            errcode: 0,
            errmsg: 'ok',
            phone_info: { phoneNumber: phone, purePhoneNumber: phone, countryCode: '86', watermark: { timestamp: Math.floor(Date.now() / 1000), appid: expected.appId } },
          }),
        );
      });
      return;
    }
    if (url.pathname !== '/sns/jscode2session') {
      res.statusCode = 404;
      res.end('{}');
      return;
    }
    const code = url.searchParams.get('js_code') ?? '';
    codes.push(code);
    const credentialsOk = url.searchParams.get('appid') === expected.appId && url.searchParams.get('secret') === expected.secret;
    if (!credentialsOk) {
      res.end(JSON.stringify({ errcode: 40013, errmsg: 'invalid appid' }));
      return;
    }
    if (!code.startsWith('ok:')) {
      res.end(JSON.stringify({ errcode: 40029, errmsg: 'invalid code' }));
      return;
    }
    const openid = code.slice(3);
    const sessionKey = `sk-${openid}-${codes.length}`;
    sessionKeys.set(openid, sessionKey);
    res.end(JSON.stringify({ openid, session_key: sessionKey }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    codes,
    sessionKeys,
    get sent() {
      return fake.sent;
    },
    get refused() {
      return fake.refused;
    },
    requestSubscribeMessage(openid, tmplIds, answer = 'accept') {
      if (tmplIds.length === 0 || tmplIds.length > 3) throw new Error(`requestSubscribeMessage: 1 to 3 template ids, not ${tmplIds.length}`);
      const result: Record<string, string> = {};
      for (const id of tmplIds) {
        result[id] = answer;
        if (answer === 'accept') grants.set(grantKey(openid, id), (grants.get(grantKey(openid, id)) ?? 0) + 1);
      }
      return result;
    },
    grantsOf: (openid, templateId) => grants.get(grantKey(openid, templateId)) ?? 0,
    get tokensIssued() {
      return fake.tokensIssued;
    },
    get replyDelayMs() {
      return fake.replyDelayMs;
    },
    set replyDelayMs(ms: number) {
      fake.replyDelayMs = ms;
    },
    cutAfterDelivery: fake.cutAfterDelivery,
    phoneCodes,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
