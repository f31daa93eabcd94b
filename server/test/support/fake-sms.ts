import { createHash, createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for sms.tencentcloudapi.com's SendSms (API 2021-01-11), so tests never send a text.
 * It keeps Tencent's rules: a TC3-HMAC-SHA256 signature made with the account's key, the account's
 * SmsSdkAppId and approved signature, an approved template with exactly as many parameters as it
 * has variables, each at most 6 characters (正文模板 FAQ: 非验证码短信每个变量最多6个字符), +86
 * mobiles only, and the default frequency limits per number: the same content once per 30 seconds,
 * 5 texts an hour, 10 a day. A number that replied TD is on the blacklist.
 */
export interface FakeSmsText {
  phone: string;
  templateId: string;
  params: string[];
  /** What her phone shows: 【signature】 and the template with its variables filled. */
  text: string;
  sessionContext: string;
  serialNo: string;
}

export interface FakeSms {
  /** For SMS_ENDPOINT. */
  url: string;
  sent: FakeSmsText[];
  /** Every refusal, request-level or per number, with Tencent's code. */
  refused: Array<{ phone: string | null; code: string }>;
  /** Numbers that replied TD (or were put on the blacklist in the console). */
  blacklist: Set<string>;
  /** Per-number codes to answer instead of sending, e.g. FailedOperation.InsufficientBalanceInSmsPackage. */
  forced: Map<string, string>;
  /** Tencent's clock, for its frequency limits (ms). */
  now: () => number;
  /** Forgets every text, refusal, blacklisted number and the frequency history: a new account. */
  reset(): void;
  close(): Promise<void>;
}

export const FAKE_SMS_ACCOUNT = {
  secretId: 'AKIDtestsecretid000000000000000000000',
  secretKey: 'test-secret-key-for-the-fake-sms-0000',
  appId: '1400000001',
  signName: '网上妇女之家',
} as const;

/** Approved templates of the test account: id → text, {1} {2} … its variables. */
export const FAKE_SMS_TEMPLATES: Record<string, string> = {
  '1000001': '您的求助有新进展（{1}），请打开微信小程序“网上妇女之家”或拨打妇联电话查看。',
  '1000002': '有一条新的求助{1}，请尽快登录“网上妇女之家”工作台处理。',
  '1000003': '有一条求助已转到您这里（{1}），请尽快处理。',
};

export const TEST_SMS_ENV = (fakeUrl: string) => ({
  SMS_SECRET_ID: FAKE_SMS_ACCOUNT.secretId,
  SMS_SECRET_KEY: FAKE_SMS_ACCOUNT.secretKey,
  SMS_APP_ID: FAKE_SMS_ACCOUNT.appId,
  SMS_SIGN_NAME: FAKE_SMS_ACCOUNT.signName,
  SMS_ENDPOINT: fakeUrl,
  SMS_TEMPLATE_REQUEST_UPDATE: '1000001|state',
  SMS_TEMPLATE_NEW_REQUEST: '1000002|state',
  SMS_TEMPLATE_ESCALATION: '1000003|state',
});

const MAX_PARAM_CHARS = 6;
const hmac = (key: string | Buffer, text: string) => createHmac('sha256', key).update(text, 'utf8').digest();
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Checks the request's TC3-HMAC-SHA256 signature as Tencent does; null when it holds. */
function signatureProblem(req: IncomingMessage, body: string, secretKey: string, secretId: string): string | null {
  const auth = req.headers.authorization ?? '';
  const match = /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([^/]+)\/tc3_request, SignedHeaders=([a-z;-]+), Signature=([0-9a-f]{64})$/.exec(auth);
  if (!match) return 'AuthFailure.InvalidAuthorization';
  const [, id, date, service, signedHeaders, signature] = match;
  if (id !== secretId) return 'AuthFailure.SecretIdNotFound';
  const timestamp = String(req.headers['x-tc-timestamp'] ?? '');
  if (new Date(Number(timestamp) * 1000).toISOString().slice(0, 10) !== date) return 'AuthFailure.SignatureFailure';
  const headers = signedHeaders!.split(';').map((name) => `${name}:${name === 'host' ? (req.headers.host ?? '').split(':')[0] : String(req.headers[name] ?? '')}\n`).join('');
  const canonical = ['POST', '/', '', headers, signedHeaders, sha256(body)].join('\n');
  const toSign = ['TC3-HMAC-SHA256', timestamp, `${date}/${service}/tc3_request`, sha256(canonical)].join('\n');
  const key = hmac(hmac(hmac(`TC3${secretKey}`, date!), service!), 'tc3_request');
  return createHmac('sha256', key).update(toSign, 'utf8').digest('hex') === signature ? null : 'AuthFailure.SignatureFailure';
}

export async function startFakeSms(options: { now?: () => number } = {}): Promise<FakeSms> {
  const history = new Map<string, Array<{ at: number; content: string }>>();
  const fake = { sent: [] as FakeSmsText[], refused: [] as FakeSms['refused'], blacklist: new Set<string>(), forced: new Map<string, string>(), now: options.now ?? Date.now };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const requestId = randomUUID();
      res.setHeader('content-type', 'application/json');
      const error = (code: string, message: string) => {
        fake.refused.push({ phone: null, code });
        res.end(JSON.stringify({ Response: { Error: { Code: code, Message: message }, RequestId: requestId } }));
      };
      if (req.method !== 'POST' || req.headers['x-tc-action'] !== 'SendSms' || req.headers['x-tc-version'] !== '2021-01-11') return error('InvalidAction', 'only SendSms 2021-01-11');
      const signed = signatureProblem(req, body, FAKE_SMS_ACCOUNT.secretKey, FAKE_SMS_ACCOUNT.secretId);
      if (signed) return error(signed, 'The provided credentials could not be validated.');
      const input = JSON.parse(body) as { PhoneNumberSet?: string[]; SmsSdkAppId?: string; SignName?: string; TemplateId?: string; TemplateParamSet?: string[]; SessionContext?: string };
      if (input.SmsSdkAppId !== FAKE_SMS_ACCOUNT.appId) return error('InvalidParameterValue.SdkAppIdNotExist', 'SdkAppId not exist.');
      if (input.SignName !== FAKE_SMS_ACCOUNT.signName) return error('FailedOperation.SignatureIncorrectOrUnapproved', 'signature format is incorrect or signature is not approved');
      const template = FAKE_SMS_TEMPLATES[input.TemplateId ?? ''];
      if (!template) return error('FailedOperation.TemplateIncorrectOrUnapproved', 'template is not approved or request content does not match the approved template content');
      const params = input.TemplateParamSet ?? [];
      const variables = template.match(/\{\d+\}/g)?.length ?? 0;
      if (params.length !== variables) return error('FailedOperation.TemplateParamSetNotMatchApprovedTemplate', 'the number of variables does not match the template');
      if (params.some((p) => typeof p !== 'string' || p.length === 0)) return error('InvalidParameterValue.TemplateParameterFormatError', 'template parameter format error');
      if (params.some((p) => [...p].length > MAX_PARAM_CHARS)) return error('InvalidParameterValue.TemplateParameterLengthLimit', `a template variable takes at most ${MAX_PARAM_CHARS} characters`);
      const phones = input.PhoneNumberSet ?? [];
      if (phones.length === 0 || phones.length > 200) return error('InvalidParameterValue.IncorrectPhoneNumber', 'PhoneNumberSet');
      const text = `【${input.SignName}】${template.replace(/\{(\d+)\}/g, (_, n: string) => params[Number(n) - 1]!)}`;
      const now = fake.now();
      const statuses = phones.map((phone) => {
        const answer = (code: string, message: string, serialNo = '') => ({ SerialNo: serialNo, PhoneNumber: phone, Fee: code === 'Ok' ? 1 : 0, SessionContext: input.SessionContext ?? '', Code: code, Message: message, IsoCode: 'CN' });
        const refuse = (code: string, message: string) => {
          fake.refused.push({ phone, code });
          return answer(code, message);
        };
        const mobile = /^\+861[3-9]\d{9}$/.test(phone) ? phone.slice(3) : null;
        if (!mobile) return refuse('InvalidParameterValue.IncorrectPhoneNumber', 'incorrect number format');
        if (fake.blacklist.has(mobile)) return refuse('FailedOperation.PhoneNumberInBlacklist', 'the number is in the blacklist (the user replied TD)');
        const forced = fake.forced.get(mobile);
        if (forced) return refuse(forced, 'forced by the test');
        const past = (history.get(mobile) ?? []).filter((h) => h.at > now - 24 * 3600_000);
        const content = `${input.TemplateId}|${params.join('|')}`;
        if (past.some((h) => h.content === content && h.at > now - 30_000)) return refuse('LimitExceeded.PhoneNumberThirtySecondLimit', 'same content within 30 seconds');
        if (past.filter((h) => h.at > now - 3600_000).length >= 5) return refuse('LimitExceeded.PhoneNumberOneHourLimit', '5 per hour');
        if (past.length >= 10) return refuse('LimitExceeded.PhoneNumberDailyLimit', '10 per day');
        history.set(mobile, [...past, { at: now, content }]);
        const serialNo = `2433:${randomUUID()}`;
        fake.sent.push({ phone: mobile, templateId: input.TemplateId!, params, text, sessionContext: input.SessionContext ?? '', serialNo });
        return answer('Ok', 'send success', serialNo);
      });
      res.end(JSON.stringify({ Response: { SendStatusSet: statuses, RequestId: requestId } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    url: `http://127.0.0.1:${port}`,
    reset: () => {
      for (const list of [fake.sent, fake.refused]) list.length = 0;
      fake.blacklist.clear();
      fake.forced.clear();
      history.clear();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
