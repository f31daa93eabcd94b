import { SUBSCRIPTION_KINDS, SubscriptionKind } from '@wfh/shared';
import { fieldTypeOf, fieldValueProblem, ruleOf, type FieldType } from '../../infra/wechat/subscribe-fields';
import { wordingOf } from './message-wording';

/**
 * Which WeChat template carries each message, what goes in its fields, and which page it opens.
 * Pure: the config validates settings with it at start, the gateway fills templates with it.
 */

/** The kind (and so the template, and the grant she gave) of each message topic. */
const KIND_OF_TOPIC: Record<string, SubscriptionKind> = {
  'request.moved_up': SubscriptionKind.RequestUpdate,
  'request.moved': SubscriptionKind.RequestUpdate,
  'request.replied': SubscriptionKind.RequestUpdate,
  'request.resolved': SubscriptionKind.RequestUpdate,
  'concern.published': SubscriptionKind.RequestUpdate,
  'concern.declined': SubscriptionKind.RequestUpdate,
  'concern.merged': SubscriptionKind.RequestUpdate,
  'concern.answered': SubscriptionKind.RequestUpdate,
  'feedback.answered': SubscriptionKind.RequestUpdate,
  'request.new': SubscriptionKind.NewRequest,
  'request.referred': SubscriptionKind.NewRequest,
  'request.returned': SubscriptionKind.NewRequest,
  'concern.new': SubscriptionKind.NewRequest,
  'feedback.new': SubscriptionKind.NewRequest,
  'roster.care_due': SubscriptionKind.NewRequest,
  'request.escalated': SubscriptionKind.Escalation,
  'activity.reminder': SubscriptionKind.ActivityReminder,
  'activity.changed': SubscriptionKind.ActivityReminder,
  'activity.cancelled': SubscriptionKind.ActivityReminder,
  'activity.promoted': SubscriptionKind.SeatFreed,
};

export function kindOfTopic(topic: string): SubscriptionKind | null {
  return KIND_OF_TOPIC[topic] ?? null;
}

/**
 * A short state word per topic, for a phrase field (at most 5 Chinese characters). None names a
 * category, so they stay as they are for sensitive requests.
 */
const STATE_OF_TOPIC: Record<string, string> = {
  'request.new': '待受理',
  'request.referred': '待受理',
  'request.returned': '已退回',
  'request.escalated': '待处理',
  'request.moved_up': '已转上级',
  'request.moved': '已转办',
  'request.replied': '已回复',
  'request.resolved': '已办结',
  'activity.reminder': '即将开始',
  'activity.promoted': '候补成功',
  'activity.changed': '有变动',
  'activity.cancelled': '已取消',
  'concern.new': '待审核',
  'concern.published': '已发布',
  'concern.declined': '未发布',
  'concern.merged': '已合并',
  'concern.answered': '有新进展',
  'roster.care_due': '待联系',
  'feedback.new': '待答复',
  'feedback.answered': '已答复',
};
const NEUTRAL_STATE = '有新消息';

/** The state word of a topic; the SMS templates fill a variable with it too. */
export function stateOf(topic: string): string {
  return STATE_OF_TOPIC[topic] ?? NEUTRAL_STATE;
}

/** Every state word there is, to check a setting against. */
export const STATE_WORDS: readonly string[] = [...new Set([...Object.values(STATE_OF_TOPIC), NEUTRAL_STATE])];

/** What the worker knows of a message when it fills a template. */
export interface TemplateMessage {
  topic: string;
  payload: Record<string, string>;
  createdAt: Date;
}

/** "2026-12-07 15:01" in Shanghai time: WeChat's time and date fields both take it. */
export function shanghaiMinute(at: Date): string {
  return new Date(at.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * What can be put in a field. `free` text has no bound WeChat would accept except by cutting it, so
 * it only goes into a thing field (cut to 20). Bounded sources list every shape of value they make
 * (`samples`), and each must pass the field's rule at start.
 */
interface Source {
  label: string;
  kinds: readonly SubscriptionKind[];
  free?: { maxLength: number };
  samples?: readonly string[];
  value(message: TemplateMessage): string;
}

const ACTIVITY_KINDS = [SubscriptionKind.ActivityReminder, SubscriptionKind.SeatFreed] as const;

export const SOURCES: Record<string, Source> = {
  text: {
    label: 'the message text',
    kinds: SUBSCRIPTION_KINDS,
    free: { maxLength: 40 },
    value: (m) => wordingOf(m.topic, m.payload),
  },
  state: {
    label: 'the state word',
    kinds: SUBSCRIPTION_KINDS,
    samples: STATE_WORDS,
    value: (m) => stateOf(m.topic),
  },
  time: {
    label: 'when it happened',
    kinds: SUBSCRIPTION_KINDS,
    samples: ['2026-12-07 15:01'],
    value: (m) => shanghaiMinute(m.createdAt),
  },
  title: {
    label: "the activity's title",
    kinds: ACTIVITY_KINDS,
    free: { maxLength: 40 },
    value: (m) => m.payload.title || '活动',
  },
  start: {
    label: 'when the activity starts',
    kinds: ACTIVITY_KINDS,
    samples: ['2026-12-07 15:01'],
    // Rows written before the start was in the payload carry only their own time.
    value: (m) => {
      const startsAt = new Date(m.payload.startsAt ?? '');
      return shanghaiMinute(Number.isNaN(startsAt.getTime()) ? m.createdAt : startsAt);
    },
  },
};

export interface TemplateField {
  key: string;
  type: FieldType;
  source: string;
}

export interface SubscribeTemplate {
  kind: SubscriptionKind;
  templateId: string;
  fields: TemplateField[];
}

/** The environment variable that configures each kind's template. */
export const TEMPLATE_ENV: Record<SubscriptionKind, string> = {
  [SubscriptionKind.RequestUpdate]: 'WECHAT_TEMPLATE_REQUEST_UPDATE',
  [SubscriptionKind.NewRequest]: 'WECHAT_TEMPLATE_NEW_REQUEST',
  [SubscriptionKind.Escalation]: 'WECHAT_TEMPLATE_ESCALATION',
  [SubscriptionKind.ActivityReminder]: 'WECHAT_TEMPLATE_ACTIVITY_REMINDER',
  [SubscriptionKind.SeatFreed]: 'WECHAT_TEMPLATE_SEAT_FREED',
};

const FORMAT = 'template-id|field=source,… e.g. abc123|thing1=text,phrase2=state,time3=time';

function fieldProblem(kind: SubscriptionKind, key: string, sourceName: string): string | null {
  const type = fieldTypeOf(key);
  if (!type) return `${key}: not a WeChat field key (a type such as thing, phrase, time, character_string followed by its number, e.g. thing1)`;
  const source = SOURCES[sourceName];
  const usable = Object.keys(SOURCES).filter((name) => SOURCES[name]!.kinds.includes(kind));
  if (!source || !source.kinds.includes(kind)) return `${key}=${sourceName}: unknown source for this template (one of ${usable.join(', ')})`;
  if (source.free) {
    if (type === 'thing') return null;
    return `${key}=${sourceName}: ${source.label} is free text of up to ${source.free.maxLength} characters; a ${type} field takes ${ruleOf(type)} (use a thing field)`;
  }
  const broken = source.samples!.find((sample) => fieldValueProblem(type, sample) !== null);
  return broken === undefined ? null : `${key}=${sourceName}: ${source.label} can be "${broken}"; a ${type} field takes ${ruleOf(type)}`;
}

/**
 * Reads one kind's setting. Every problem names the variable and the field, so that a wrong setting
 * stops the server before WeChat would refuse (47003) and lose the messages.
 */
export function parseTemplateSetting(kind: SubscriptionKind, setting: string): { template: SubscribeTemplate } | { problems: string[] } {
  const env = TEMPLATE_ENV[kind];
  const bar = setting.indexOf('|');
  const templateId = (bar < 0 ? setting : setting.slice(0, bar)).trim();
  const mapping = bar < 0 ? '' : setting.slice(bar + 1).trim();
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(templateId)) return { problems: [`${env}: "${templateId}" is not a WeChat template id (${FORMAT})`] };
  if (!mapping) return { problems: [`${env}: no fields after the template id (${FORMAT})`] };
  const problems: string[] = [];
  const fields: TemplateField[] = [];
  for (const pair of mapping.split(',').map((p) => p.trim())) {
    const [key, source, extra] = pair.split('=').map((p) => p.trim());
    if (!key || !source || extra !== undefined) {
      problems.push(`${env}: "${pair}" is not field=source (${FORMAT})`);
      continue;
    }
    if (fields.some((f) => f.key === key)) {
      problems.push(`${env}: ${key} is mapped twice`);
      continue;
    }
    const problem = fieldProblem(kind, key, source);
    if (problem) problems.push(`${env}: ${problem}`);
    else fields.push({ key, type: fieldTypeOf(key)!, source });
  }
  return problems.length > 0 ? { problems } : { template: { kind, templateId, fields } };
}

/** Reads every kind's variable; kinds left unset have no template. */
export function parseTemplates(env: Record<string, string | undefined>): { templates: Partial<Record<SubscriptionKind, SubscribeTemplate>>; problems: string[] } {
  const templates: Partial<Record<SubscriptionKind, SubscribeTemplate>> = {};
  const problems: string[] = [];
  for (const kind of SUBSCRIPTION_KINDS) {
    const setting = env[TEMPLATE_ENV[kind]];
    if (!setting) continue;
    const parsed = parseTemplateSetting(kind, setting);
    if ('problems' in parsed) problems.push(...parsed.problems);
    else templates[kind] = parsed.template;
  }
  const ids = Object.values(templates).map((t) => t!.templateId);
  const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
  // One template for two kinds would let a grant she gave for one be spent on the other.
  if (repeated.length > 0) problems.push(`WECHAT_TEMPLATE_*: template ${[...new Set(repeated)].join(', ')} is set for more than one kind; each kind needs its own`);
  return { templates, problems };
}

/** Cuts free text to what a thing field shows, marking the cut. */
function fit(type: FieldType, value: string): string {
  const chars = [...value];
  return type === 'thing' && chars.length > 20 ? `${chars.slice(0, 19).join('')}…` : value;
}

export function templateData(template: SubscribeTemplate, message: TemplateMessage): Record<string, { value: string }> {
  return Object.fromEntries(template.fields.map((f) => [f.key, { value: fit(f.type, SOURCES[f.source]!.value(message)) }]));
}

/** The page a message opens, with the id of what it is about; WeChat wants no leading slash. */
export function pageOf(topic: string, payload: Record<string, string>): string {
  const withId = (page: string, id: string | undefined) => (id ? `${page}?id=${encodeURIComponent(id)}` : page);
  switch (topic) {
    case 'request.new':
    case 'request.referred':
    case 'request.returned':
    case 'request.escalated':
      return withId('packages/workbench/request', payload.requestId);
    case 'request.moved_up':
    case 'request.moved':
    case 'request.replied':
    case 'request.resolved':
      return payload.requestId ? withId('packages/requests/detail', payload.requestId) : 'packages/requests/mine';
    case 'feedback.new':
      return 'packages/admin/index';
    case 'feedback.answered':
      return 'packages/public/feedback';
    case 'roster.care_due':
      return 'packages/workbench/index';
  }
  if (topic.startsWith('activity.')) return payload.activityId ? withId('packages/activities/detail', payload.activityId) : 'packages/activities/mine';
  if (topic.startsWith('concern.') && payload.concernId) return withId('packages/voices/concern', payload.concernId);
  return 'pages/me/index';
}
