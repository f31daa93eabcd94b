import type { SubscriptionKind } from '@wfh/shared';
import { parseSmsTemplates, SMS_TEMPLATE_ENV, type SmsTemplate } from './sms-templates';

export interface SmsConfig {
  secretId: string;
  secretKey: string;
  /** SmsSdkAppId: the SMS application of the console (a number such as 1400006666). */
  appId: string;
  /** The approved signature, without 【】. */
  signName: string;
  region: string;
  /** The API's host, and http or https: Tencent's own unless SMS_ENDPOINT points elsewhere (tests). */
  endpoint: { protocol: 'https://' | 'http://'; host: string };
  templates: Partial<Record<SubscriptionKind, SmsTemplate>>;
  /** Our own bound per person and day, below the provider's: a bug or a flood never floods her phone. */
  dailyLimitPerPerson: number;
}

const CREDENTIALS = ['SMS_SECRET_ID', 'SMS_SECRET_KEY', 'SMS_APP_ID', 'SMS_SIGN_NAME'] as const;
const DEFAULT_HOST = 'sms.tencentcloudapi.com';
const DEFAULT_DAILY_LIMIT = 5;

/**
 * SMS is on when its four credentials are set, and then each must be well formed and at least one
 * kind must have a template; half a setting stops the server instead of failing texts one by one.
 */
export function parseSmsConfig(env: Record<string, string | undefined>, production: boolean): { config: SmsConfig | null; problems: string[] } {
  const problems: string[] = [];
  const { templates, problems: templateProblems } = parseSmsTemplates(env);
  problems.push(...templateProblems);
  const given = CREDENTIALS.filter((name) => env[name]);
  const anySms = given.length > 0 || Object.keys(templates).length > 0 || env.SMS_ENDPOINT || env.SMS_REGION || env.SMS_DAILY_LIMIT;
  if (!anySms) return { config: null, problems };
  for (const name of CREDENTIALS) if (!env[name]) problems.push(`${name}: required for text messages (set all of ${CREDENTIALS.join(', ')}, or none to turn SMS off)`);
  if (env.SMS_APP_ID && !/^14\d{8}$/.test(env.SMS_APP_ID)) problems.push(`SMS_APP_ID: "${env.SMS_APP_ID}" is not an SmsSdkAppId (10 digits starting 14, from the SMS console's 应用管理)`);
  if (env.SMS_SIGN_NAME && /[【】[\]]/.test(env.SMS_SIGN_NAME)) problems.push('SMS_SIGN_NAME: the signature without 【】, as approved in the console');
  if (Object.keys(templates).length === 0 && templateProblems.length === 0) {
    problems.push(`SMS_TEMPLATE_*: no template set, so no text could be sent (set at least one of ${Object.values(SMS_TEMPLATE_ENV).join(', ')})`);
  }
  let endpoint: SmsConfig['endpoint'] = { protocol: 'https://', host: DEFAULT_HOST };
  if (env.SMS_ENDPOINT) {
    const url = URL.canParse(env.SMS_ENDPOINT) ? new URL(env.SMS_ENDPOINT) : null;
    if (!url || !['http:', 'https:'].includes(url.protocol) || (url.pathname !== '/' && url.pathname !== '')) problems.push('SMS_ENDPOINT: must be an http(s) URL without a path, e.g. https://sms.tencentcloudapi.com');
    else if (production && url.protocol !== 'https:') problems.push('SMS_ENDPOINT: must be https when NODE_ENV=production (the signed requests carry phone numbers)');
    else endpoint = { protocol: url.protocol === 'https:' ? 'https://' : 'http://', host: url.host };
  }
  const dailyLimit = env.SMS_DAILY_LIMIT === undefined ? DEFAULT_DAILY_LIMIT : Number(env.SMS_DAILY_LIMIT);
  if (!Number.isInteger(dailyLimit) || dailyLimit < 1 || dailyLimit > 10) problems.push('SMS_DAILY_LIMIT: texts per person per day, a whole number from 1 to 10 (Tencent itself stops at 10)');
  const region = env.SMS_REGION ?? 'ap-guangzhou';
  if (!['ap-guangzhou', 'ap-beijing', 'ap-nanjing'].includes(region)) problems.push(`SMS_REGION: "${region}" is not an SMS region (ap-guangzhou, ap-beijing or ap-nanjing)`);
  if (problems.length > 0) return { config: null, problems };
  return {
    config: { secretId: env.SMS_SECRET_ID!, secretKey: env.SMS_SECRET_KEY!, appId: env.SMS_APP_ID!, signName: env.SMS_SIGN_NAME!, region, endpoint, templates, dailyLimitPerPerson: dailyLimit },
    problems,
  };
}
