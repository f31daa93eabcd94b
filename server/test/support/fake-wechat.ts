import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for api.weixin.qq.com's code2Session, so tests never call WeChat. A code
 * "ok:<openid>" signs in as that openid; any other code is refused as WeChat refuses a bad code.
 */
export interface FakeWechat {
  url: string;
  /** Every code the server was asked about, in order. */
  codes: string[];
  /** session_key handed out for each openid (to prove it never leaves the server). */
  sessionKeys: Map<string, string>;
  /** Subscribe messages received, in order. */
  sent: Array<{ touser: string; template_id: string; data: Record<string, { value: string }> }>;
  /** Openids that have not subscribed: sending to them answers 43101. */
  notSubscribed: Set<string>;
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
  const fake = { sent: [] as FakeWechat['sent'], notSubscribed: new Set<string>(), tokensIssued: 0, replyDelayMs: 0, cutAfterDelivery: new Set<string>() };
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
        if (fake.notSubscribed.has(message.touser)) return res.end(JSON.stringify({ errcode: 43101, errmsg: 'user refuse to accept the msg' }));
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
    notSubscribed: fake.notSubscribed,
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
