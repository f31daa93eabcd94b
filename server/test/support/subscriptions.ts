import { ApiPaths, type MySubscriptions, type SubscribeAnswer, type SubscriptionKind } from '@wfh/shared';
import type { DataSource } from 'typeorm';
import type { FakeWechat } from './fake-wechat';
import { call } from './test-app';

/** One template per kind, as an operator would set them: the fields a real template of each kind has. */
export const TEST_TEMPLATES = {
  WECHAT_TEMPLATE_REQUEST_UPDATE: 'tmpl-request-update|thing1=text,phrase2=state,time3=time',
  WECHAT_TEMPLATE_NEW_REQUEST: 'tmpl-new-request|thing1=text,phrase2=state,time3=time',
  WECHAT_TEMPLATE_ESCALATION: 'tmpl-escalation|thing1=text,phrase2=state,time3=time',
  WECHAT_TEMPLATE_ACTIVITY_REMINDER: 'tmpl-activity-reminder|thing1=text,thing2=title,time3=start',
  WECHAT_TEMPLATE_SEAT_FREED: 'tmpl-seat-freed|thing1=text,thing2=title,time3=start,phrase4=state',
} as const;

/**
 * Her tap on 「有进展时通知我」 (or the workbench's 开通提醒), as the mini-program makes it: it asks
 * the server which templates to request, WeChat shows its dialog and she answers each, and the
 * mini-program reports the answers. Returns the counts the server then gives.
 */
export async function answerReminders(
  baseUrl: string,
  wechat: FakeWechat,
  person: { accessToken: string; openid: string },
  kinds: SubscriptionKind[],
  answer: SubscribeAnswer = 'accept',
): Promise<MySubscriptions> {
  const mine = await call<MySubscriptions>(baseUrl, 'GET', ApiPaths.mySubscriptions, { token: person.accessToken });
  if (mine.status !== 200) throw new Error(`GET subscriptions: ${mine.status}`);
  const ids = mine.body.kinds.filter((k) => kinds.includes(k.kind)).map((k) => k.templateId!);
  const answers = wechat.requestSubscribeMessage(person.openid, ids, answer);
  const reply = await call<MySubscriptions>(baseUrl, 'POST', ApiPaths.mySubscriptions, { token: person.accessToken, body: { answers } });
  if (reply.status !== 200) throw new Error(`POST subscriptions: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

/**
 * The same grants for many people made by the test's own setup (bulk load tests): WeChat is told as
 * her phone would tell it, and the grant rows are written as POST /me/subscriptions writes them.
 */
export async function grantRemindersInBulk(db: DataSource, wechat: FakeWechat, people: Array<{ userId: string; openid: string }>, kinds: SubscriptionKind[], times = 1): Promise<void> {
  const ids = (Object.values(TEST_TEMPLATES) as string[]).map((setting) => setting.split('|')[0]!);
  const idOf = (kind: SubscriptionKind) => ids[Object.keys(TEST_TEMPLATES).findIndex((env) => env === `WECHAT_TEMPLATE_${kind.toUpperCase()}`)]!;
  for (const person of people) {
    for (let i = 0; i < times; i++) wechat.requestSubscribeMessage(person.openid, kinds.map(idOf));
    for (const kind of kinds) {
      await db.query('INSERT INTO subscription_grant (user_id, kind, remaining) VALUES (?, ?, ?)', [person.userId, kind, times]);
    }
  }
}
