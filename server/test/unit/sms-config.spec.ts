import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SubscriptionKind } from '@wfh/shared';
import { ConfigError, loadConfig } from '../../src/config/config';
import { smsRefusal } from '../../src/infra/sms/tencent-sms';
import { SMS_PARAM_MAX_CHARS, smsParams } from '../../src/modules/notifications/sms-templates';

const embedded = (env: Record<string, string>) => loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'wfh-sms-')), ...env });

function refusal(env: Record<string, string>): string {
  try {
    embedded(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected the server to refuse to start');
}

const ACCOUNT = { SMS_SECRET_ID: 'AKIDexample', SMS_SECRET_KEY: 'secret', SMS_APP_ID: '1400006666', SMS_SIGN_NAME: '网上妇女之家' };

describe('SMS settings', () => {
  it('are off without any SMS_* variable: texts then fail with NO_CHANNEL, the server starts', () => {
    expect(embedded({}).sms).toBeNull();
  });

  it('read the account, Tencent endpoint and one template per kind, with positional variables', () => {
    const { sms } = embedded({ ...ACCOUNT, SMS_TEMPLATE_REQUEST_UPDATE: '1000001|state', SMS_TEMPLATE_NEW_REQUEST: '1000002|state,day,time', SMS_TEMPLATE_ESCALATION: '1000003' });
    expect(sms).toMatchObject({
      appId: '1400006666',
      signName: '网上妇女之家',
      region: 'ap-guangzhou',
      endpoint: { protocol: 'https://', host: 'sms.tencentcloudapi.com' },
      dailyLimitPerPerson: 5,
    });
    expect(sms!.templates[SubscriptionKind.NewRequest]).toEqual({ kind: SubscriptionKind.NewRequest, templateId: '1000002', params: ['state', 'day', 'time'] });
    expect(sms!.templates[SubscriptionKind.Escalation]!.params).toEqual([]);
    expect(sms!.templates[SubscriptionKind.ActivityReminder]).toBeUndefined();
  });

  it('refuse half an account, naming every missing variable', () => {
    const message = refusal({ SMS_SECRET_ID: 'AKIDexample', SMS_TEMPLATE_REQUEST_UPDATE: '1000001|state' });
    expect(message).toContain('SMS_SECRET_KEY: required for text messages');
    expect(message).toContain('SMS_APP_ID: required');
    expect(message).toContain('SMS_SIGN_NAME: required');
  });

  it('refuse an account with no template: no text could ever be sent', () => {
    expect(refusal(ACCOUNT)).toContain('SMS_TEMPLATE_*: no template set');
  });

  it('refuse what Tencent would refuse: a template id that is not a number, an unknown source, a signature in 【】, a wrong app id', () => {
    const message = refusal({ ...ACCOUNT, SMS_SIGN_NAME: '【网上妇女之家】', SMS_APP_ID: 'wx123', SMS_TEMPLATE_REQUEST_UPDATE: 'tmpl-a|state', SMS_TEMPLATE_NEW_REQUEST: '1000002|title' });
    expect(message).toContain('SMS_TEMPLATE_REQUEST_UPDATE: "tmpl-a" is not a Tencent Cloud SMS template id');
    // An activity title is free text: it could name anything and run past 6 characters.
    expect(message).toContain('SMS_TEMPLATE_NEW_REQUEST: {1}=title is not a source (one of state, day, time)');
    expect(message).toContain('SMS_SIGN_NAME: the signature without 【】');
    expect(message).toContain('SMS_APP_ID: "wx123" is not an SmsSdkAppId');
  });

  it('refuse a plain-http endpoint in production and a daily limit above what Tencent allows', () => {
    const message = refusal({
      NODE_ENV: 'production',
      ...ACCOUNT,
      SMS_TEMPLATE_REQUEST_UPDATE: '1000001|state',
      SMS_ENDPOINT: 'http://sms.example.internal',
      SMS_DAILY_LIMIT: '20',
    });
    expect(message).toContain('SMS_ENDPOINT: must be https when NODE_ENV=production');
    expect(message).toContain('SMS_DAILY_LIMIT: texts per person per day, a whole number from 1 to 10');
  });

  it('fill variables that fit Tencent\'s 6 characters and never name a request\'s category', () => {
    const template = { kind: SubscriptionKind.RequestUpdate, templateId: '1', params: ['state', 'day', 'time'] };
    const params = smsParams(template, { topic: 'request.replied', payload: { categoryKey: 'domestic_violence', sensitive: 'true' }, createdAt: new Date('2026-12-31T15:59:00Z') });
    expect(params).toEqual(['已回复', '12月31日', '23:59']);
    expect(params.every((p) => [...p].length <= SMS_PARAM_MAX_CHARS)).toBe(true);
  });
});

describe("Tencent's refusals, as a county admin reads them", () => {
  it('name the code, say what to do, and retry only what waiting mends', () => {
    expect(smsRefusal('FailedOperation.PhoneNumberInBlacklist')).toEqual({ reason: 'SMS_REFUSED: FailedOperation.PhoneNumberInBlacklist 她回复过退订（TD），短信平台不再给这个号码发短信；请改用电话联系她', retry: false });
    expect(smsRefusal('LimitExceeded.PhoneNumberThirtySecondLimit').retry).toBe(true);
    expect(smsRefusal('InternalError.Timeout').retry).toBe(true);
    expect(smsRefusal('FailedOperation.Unknown', 'something new')).toEqual({ reason: 'SMS_REFUSED: FailedOperation.Unknown 短信平台拒绝发送（something new）', retry: false });
  });
});
