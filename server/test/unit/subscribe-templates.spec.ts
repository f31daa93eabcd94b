import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SubscriptionKind } from '@wfh/shared';
import { ConfigError, loadConfig } from '../../src/config/config';
import { fieldTypeOf, fieldValueProblem, type FieldType } from '../../src/infra/wechat/subscribe-fields';
import { kindOfTopic, pageOf, parseTemplates, templateData } from '../../src/modules/notifications/message-templates';

const embedded = (env: Record<string, string>) => loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'wfh-tmpl-')), ...env });

function refusal(env: Record<string, string>): string {
  try {
    embedded(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected the server to refuse to start');
}

describe('WeChat field value rules', () => {
  const cases: Array<[FieldType, string, boolean]> = [
    ['thing', '妇联回复了您的求助', true],
    ['thing', '一二三四五六七八九十一二三四五六七八九十', true],
    ['thing', '一二三四五六七八九十一二三四五六七八九十一', false],
    ['thing', '', false],
    ['phrase', '已回复', true],
    ['phrase', '有新进展', true],
    ['phrase', '已转到上级', true],
    ['phrase', '已转到上级妇', false],
    ['phrase', 'ok', false],
    ['phrase', '已 回复', false],
    ['time', '15:01', true],
    ['time', '2026年12月7日 15:01', true],
    ['time', '2026-12-07 15:01', true],
    ['time', '2026-12-07 15:01 ~ 2026-12-07 17:00', true],
    ['time', '明天9:00', false],
    ['time', '25:00', false],
    ['date', '2026年12月7日', true],
    ['date', '2026-12-07 15:01', true],
    ['date', '15:01', false],
    ['character_string', 'REQ-2026-0001', true],
    ['character_string', '求助编号1', false],
    ['character_string', 'a'.repeat(33), false],
    ['number', '12', true],
    ['number', '3.5', true],
    ['number', '12人', false],
    ['letter', 'abc', true],
    ['letter', 'abc1', false],
    ['symbol', '★', true],
    ['symbol', '★★★★★★', false],
    ['amount', '￥100元', true],
    ['amount', '100块', false],
    ['phone_number', '024-12338', true],
    ['phone_number', '1'.repeat(18), false],
    ['car_number', '辽A12345', true],
    ['car_number', '辽A1234567', false],
    ['name', '王秀英', true],
    ['name', 'Wang', true],
    ['name', '王秀英123', false],
    ['name', '一二三四五六七八九十一', false],
  ];
  it.each(cases)('%s "%s" is accepted: %s', (type, value, accepted) => {
    expect(fieldValueProblem(type, value) === null).toBe(accepted);
  });

  it('knows a field type by its key, and nothing that is not one', () => {
    expect(fieldTypeOf('thing1')).toBe('thing');
    expect(fieldTypeOf('character_string12')).toBe('character_string');
    expect(fieldTypeOf('phone_number3')).toBe('phone_number');
    expect(fieldTypeOf('thing')).toBeNull();
    expect(fieldTypeOf('title1')).toBeNull();
  });
});

describe('template settings, checked at start', () => {
  it('reads one template per kind with its fields', () => {
    const config = embedded({
      WECHAT_TEMPLATE_REQUEST_UPDATE: 'tmplA|thing1=text,phrase2=state,time3=time',
      WECHAT_TEMPLATE_SEAT_FREED: ' tmplB | thing1=title , date2=start ',
    });
    expect(config.wechat.templates).toEqual({
      [SubscriptionKind.RequestUpdate]: {
        kind: SubscriptionKind.RequestUpdate,
        templateId: 'tmplA',
        fields: [
          { key: 'thing1', type: 'thing', source: 'text' },
          { key: 'phrase2', type: 'phrase', source: 'state' },
          { key: 'time3', type: 'time', source: 'time' },
        ],
      },
      [SubscriptionKind.SeatFreed]: {
        kind: SubscriptionKind.SeatFreed,
        templateId: 'tmplB',
        fields: [
          { key: 'thing1', type: 'thing', source: 'title' },
          { key: 'date2', type: 'date', source: 'start' },
        ],
      },
    });
  });

  it('without any template (development) sends nothing to WeChat: the log takes the messages', () => {
    expect(embedded({}).wechat.templates).toEqual({});
  });

  const refused: Array<[string, Record<string, string>, string]> = [
    ['a key WeChat has no type for', { WECHAT_TEMPLATE_NEW_REQUEST: 'tmpl|title1=text' }, 'WECHAT_TEMPLATE_NEW_REQUEST: title1: not a WeChat field key'],
    ['a key without its number', { WECHAT_TEMPLATE_NEW_REQUEST: 'tmpl|thing=text' }, 'WECHAT_TEMPLATE_NEW_REQUEST: thing: not a WeChat field key'],
    [
      'free text into a phrase',
      { WECHAT_TEMPLATE_REQUEST_UPDATE: 'tmpl|thing1=text,phrase2=text' },
      'WECHAT_TEMPLATE_REQUEST_UPDATE: phrase2=text: the message text is free text of up to 40 characters; a phrase field takes at most 5 Chinese characters, nothing else (use a thing field)',
    ],
    [
      'free text into a character_string',
      { WECHAT_TEMPLATE_ACTIVITY_REMINDER: 'tmpl|character_string1=title' },
      "WECHAT_TEMPLATE_ACTIVITY_REMINDER: character_string1=title: the activity's title is free text of up to 40 characters; a character_string field",
    ],
    ['a time into a thing-only rule', { WECHAT_TEMPLATE_ESCALATION: 'tmpl|phrase1=time' }, 'WECHAT_TEMPLATE_ESCALATION: phrase1=time: when it happened can be "2026-12-07 15:01"; a phrase field takes'],
    ['a state word into a time', { WECHAT_TEMPLATE_ESCALATION: 'tmpl|time1=state' }, 'WECHAT_TEMPLATE_ESCALATION: time1=state: the state word can be "待受理"; a time field takes'],
    ['a state word into a number', { WECHAT_TEMPLATE_ESCALATION: 'tmpl|number1=state' }, 'WECHAT_TEMPLATE_ESCALATION: number1=state'],
    ['a source this kind does not have', { WECHAT_TEMPLATE_NEW_REQUEST: 'tmpl|thing1=title' }, 'WECHAT_TEMPLATE_NEW_REQUEST: thing1=title: unknown source for this template (one of text, state, time)'],
    ['a source nobody has', { WECHAT_TEMPLATE_NEW_REQUEST: 'tmpl|thing1=category' }, 'WECHAT_TEMPLATE_NEW_REQUEST: thing1=category: unknown source'],
    ['no fields', { WECHAT_TEMPLATE_NEW_REQUEST: 'tmpl' }, 'WECHAT_TEMPLATE_NEW_REQUEST: no fields after the template id'],
    ['a field without its source', { WECHAT_TEMPLATE_NEW_REQUEST: 'tmpl|thing1' }, 'WECHAT_TEMPLATE_NEW_REQUEST: "thing1" is not field=source'],
    ['a key twice', { WECHAT_TEMPLATE_NEW_REQUEST: 'tmpl|thing1=text,thing1=state' }, 'WECHAT_TEMPLATE_NEW_REQUEST: thing1 is mapped twice'],
    ['a template id with spaces', { WECHAT_TEMPLATE_NEW_REQUEST: 'my tmpl|thing1=text' }, 'WECHAT_TEMPLATE_NEW_REQUEST: "my tmpl" is not a WeChat template id'],
    [
      'one template for two kinds',
      { WECHAT_TEMPLATE_NEW_REQUEST: 'same|thing1=text', WECHAT_TEMPLATE_ESCALATION: 'same|thing1=text' },
      'WECHAT_TEMPLATE_*: template same is set for more than one kind; each kind needs its own',
    ],
    ['the old single template', { WECHAT_SUBSCRIBE_TEMPLATE_ID: 'tmpl' }, 'WECHAT_SUBSCRIBE_TEMPLATE_ID: no longer read'],
  ];
  it.each(refused)('refuses to start with %s, naming the variable and the field', (_, env, message) => {
    expect(refusal(env)).toContain(message);
  });

  it('lists every wrong field at once, so one restart fixes them all', () => {
    const message = refusal({ WECHAT_TEMPLATE_REQUEST_UPDATE: 'tmpl|phrase1=text,time2=state', WECHAT_TEMPLATE_SEAT_FREED: 'tmpl2|title3=title' });
    expect(message).toContain('WECHAT_TEMPLATE_REQUEST_UPDATE: phrase1=text');
    expect(message).toContain('WECHAT_TEMPLATE_REQUEST_UPDATE: time2=state');
    expect(message).toContain('WECHAT_TEMPLATE_SEAT_FREED: title3');
  });
});

describe('filling a template', () => {
  const at = new Date('2026-12-01T02:05:00Z');
  const { templates } = parseTemplates({
    WECHAT_TEMPLATE_REQUEST_UPDATE: 'u|thing1=text,phrase2=state,time3=time',
    WECHAT_TEMPLATE_ACTIVITY_REMINDER: 'a|thing1=title,time2=start,thing3=text',
  });

  it('keeps sensitive requests discreet in every field', () => {
    const data = templateData(templates[SubscriptionKind.RequestUpdate]!, { topic: 'request.replied', payload: { requestId: 'r1', categoryKey: 'domestic_violence', sensitive: 'true' }, createdAt: at });
    expect(data).toEqual({ thing1: { value: '您有一条新的消息' }, phrase2: { value: '已回复' }, time3: { value: '2026-12-01 10:05' } });
  });

  it('cuts long text to what a thing field takes, and gives the activity its start time', () => {
    const payload = { activityId: 'a1', title: '免费两癌筛查…', when: '明天9:00', startsAt: '2026-12-05T01:00:00.000Z' };
    const data = templateData(templates[SubscriptionKind.ActivityReminder]!, { topic: 'activity.reminder', payload, createdAt: at });
    expect(data.thing1).toEqual({ value: '免费两癌筛查…' });
    expect(data.time2).toEqual({ value: '2026-12-05 09:00' });
    expect([...data.thing3!.value].length).toBeLessThanOrEqual(20);
    expect(fieldValueProblem('thing', data.thing3!.value)).toBeNull();
  });

  it('opens the page of what each message is about', () => {
    expect(pageOf('request.replied', { requestId: 'r1' })).toBe('packages/requests/detail?id=r1');
    expect(pageOf('request.new', { requestId: 'r1' })).toBe('packages/workbench/request?id=r1');
    expect(pageOf('request.escalated', { requestId: 'r1' })).toBe('packages/workbench/request?id=r1');
    expect(pageOf('activity.promoted', { activityId: 'a1' })).toBe('packages/activities/detail?id=a1');
    expect(pageOf('concern.answered', { concernId: 'c1' })).toBe('packages/voices/concern?id=c1');
  });

  it('opens only pages the mini-program has (WeChat refuses a send to a page it does not know)', () => {
    const appConfig = readFileSync(join(__dirname, '../../../miniapp/src/app.config.ts'), 'utf8');
    const main = JSON.parse(/pages: (\[[^\]]*\])/.exec(appConfig)![1]!.replace(/'/g, '"')) as string[];
    const sub = [...appConfig.matchAll(/root: '([^']+)', pages: (\[[^\]]*\])/g)].flatMap((m) => (JSON.parse(m[2]!.replace(/'/g, '"')) as string[]).map((p) => `${m[1]}/${p}`));
    const workbench = JSON.parse(/root: 'packages\/workbench',\s*pages: (\[[^\]]*\])/.exec(appConfig)![1]!.replace(/'/g, '"')) as string[];
    const pages = new Set([...main, ...sub, ...workbench.map((p) => `packages/workbench/${p}`)]);
    const topics = ['request.new', 'request.referred', 'request.returned', 'request.escalated', 'request.moved_up', 'request.moved', 'request.replied', 'request.resolved',
      'activity.reminder', 'activity.promoted', 'activity.changed', 'activity.cancelled', 'concern.new', 'concern.answered', 'feedback.new', 'feedback.answered', 'roster.care_due'];
    for (const topic of topics) {
      for (const payload of [{ requestId: 'r', activityId: 'a', concernId: 'c' }, {}] as Array<Record<string, string>>) expect(pages).toContain(pageOf(topic, payload).split('?')[0]);
    }
  });

  it('gives every topic the system writes a kind', () => {
    for (const topic of ['request.new', 'request.escalated', 'request.replied', 'activity.reminder', 'activity.promoted', 'concern.new', 'feedback.answered', 'roster.care_due']) {
      expect(kindOfTopic(topic)).not.toBeNull();
    }
    expect(kindOfTopic('request.escalated')).toBe(SubscriptionKind.Escalation);
    expect(kindOfTopic('activity.promoted')).toBe(SubscriptionKind.SeatFreed);
  });
});
