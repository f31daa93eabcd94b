import { SUBSCRIPTION_KINDS, SubscriptionKind } from '@wfh/shared';
import { shanghaiMinute, STATE_WORDS, stateOf, type TemplateMessage } from './message-templates';

/**
 * Which Tencent Cloud SMS template carries each kind of message, and what fills its {1}, {2} ….
 * Pure: the config validates settings with it at start, the SMS gateway fills templates with it.
 *
 * The words of an SMS are the approved template's own; the server only fills its variables, and
 * every variable comes from a bounded source below, never from what anyone wrote: no name, no
 * category, no activity title. A text on a phone she may share says only that there is news.
 */

/**
 * Tencent Cloud SMS, 正文模板 FAQ (cloud.tencent.com/document/product/382/13301): "非验证码短信：
 * 每个变量取值最多支持6个字符" — Chinese characters, letters, digits and punctuation count one each.
 * A longer value is refused for the whole message.
 */
export const SMS_PARAM_MAX_CHARS = 6;

interface SmsSource {
  label: string;
  /** Every shape of value it makes: each must fit a variable, checked at start. */
  samples: readonly string[];
  value(message: TemplateMessage): string;
}

/** "12月7日" and "15:01" in Shanghai time: each fits a variable, where the full minute would not. */
const dayOf = (at: Date) => {
  const [, month, day] = shanghaiMinute(at).slice(0, 10).split('-');
  return `${Number(month)}月${Number(day)}日`;
};
const clockOf = (at: Date) => shanghaiMinute(at).slice(11);

export const SMS_SOURCES: Record<string, SmsSource> = {
  // The WeChat phrase words: none names a category, and all fit.
  state: { label: 'the state word (已回复, 待受理 …)', samples: STATE_WORDS, value: (m) => stateOf(m.topic) },
  day: { label: 'the day it happened (12月7日)', samples: ['12月31日'], value: (m) => dayOf(m.createdAt) },
  time: { label: 'the time it happened (15:01)', samples: ['23:59'], value: (m) => clockOf(m.createdAt) },
};

export interface SmsTemplate {
  kind: SubscriptionKind;
  templateId: string;
  /** The source of {1}, {2} … in order. */
  params: string[];
}

/** The environment variable that configures each kind's SMS template. */
export const SMS_TEMPLATE_ENV: Record<SubscriptionKind, string> = {
  [SubscriptionKind.RequestUpdate]: 'SMS_TEMPLATE_REQUEST_UPDATE',
  [SubscriptionKind.NewRequest]: 'SMS_TEMPLATE_NEW_REQUEST',
  [SubscriptionKind.Escalation]: 'SMS_TEMPLATE_ESCALATION',
  [SubscriptionKind.ActivityReminder]: 'SMS_TEMPLATE_ACTIVITY_REMINDER',
  [SubscriptionKind.SeatFreed]: 'SMS_TEMPLATE_SEAT_FREED',
};

const FORMAT = 'template-id|source,… (the sources of {1}, {2} … in order), e.g. 1234567|state,day; or just 1234567 for a template without variables';

/** Reads one kind's setting; every problem names the variable, so a wrong setting stops the server rather than losing texts. */
export function parseSmsTemplateSetting(kind: SubscriptionKind, setting: string): { template: SmsTemplate } | { problems: string[] } {
  const env = SMS_TEMPLATE_ENV[kind];
  const bar = setting.indexOf('|');
  const templateId = (bar < 0 ? setting : setting.slice(0, bar)).trim();
  const mapping = bar < 0 ? '' : setting.slice(bar + 1).trim();
  // Tencent's template ids are numbers (the 模板 ID column of the console).
  if (!/^\d{1,20}$/.test(templateId)) return { problems: [`${env}: "${templateId}" is not a Tencent Cloud SMS template id, which is a number (${FORMAT})`] };
  const params = mapping ? mapping.split(',').map((p) => p.trim()) : [];
  const problems: string[] = [];
  params.forEach((name, i) => {
    const source = SMS_SOURCES[name];
    if (!source) {
      problems.push(`${env}: {${i + 1}}=${name || '(empty)'} is not a source (one of ${Object.keys(SMS_SOURCES).join(', ')})`);
      return;
    }
    const long = source.samples.find((sample) => [...sample].length > SMS_PARAM_MAX_CHARS);
    if (long !== undefined) problems.push(`${env}: {${i + 1}}=${name}: ${source.label} can be "${long}", longer than the ${SMS_PARAM_MAX_CHARS} characters a variable takes`);
  });
  return problems.length > 0 ? { problems } : { template: { kind, templateId, params } };
}

/** Reads every kind's variable; kinds left unset have no SMS template (their texts fail with the reason). */
export function parseSmsTemplates(env: Record<string, string | undefined>): { templates: Partial<Record<SubscriptionKind, SmsTemplate>>; problems: string[] } {
  const templates: Partial<Record<SubscriptionKind, SmsTemplate>> = {};
  const problems: string[] = [];
  for (const kind of SUBSCRIPTION_KINDS) {
    const setting = env[SMS_TEMPLATE_ENV[kind]];
    if (!setting) continue;
    const parsed = parseSmsTemplateSetting(kind, setting);
    if ('problems' in parsed) problems.push(...parsed.problems);
    else templates[kind] = parsed.template;
  }
  return { templates, problems };
}

/** The values of {1}, {2} …, each cut to what Tencent takes (a value from an old row could be longer). */
export function smsParams(template: SmsTemplate, message: TemplateMessage): string[] {
  return template.params.map((name) => [...SMS_SOURCES[name]!.value(message)].slice(0, SMS_PARAM_MAX_CHARS).join(''));
}
