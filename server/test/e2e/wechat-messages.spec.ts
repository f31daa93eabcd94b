import {
  ApiPaths,
  RequestAction,
  RoleKind,
  ServiceCategoryKey,
  SubscriptionKind,
  pathOf,
  requestActionPath,
  type AuthTokens,
  type MySubscriptions,
  type RequestDetail,
} from '@wfh/shared';
import { OutboxWorker } from '../../src/modules/notifications/outbox.worker';
import { createPerson, createTree, TREE } from '../factories/bodies';
import { answerReminders, TEST_TEMPLATES } from '../support/subscriptions';
import { call, startTestApp, type TestApp } from '../support/test-app';

/** Tuesday 1 December 2026, 10:00 in Asia/Shanghai: outside the quiet hours. */
const MORNING = new Date('2026-12-01T02:00:00Z');

const NO_SUBSCRIPTION = 'NO_SUBSCRIPTION: 她没有开通这类提醒（或次数已用完），没有发出';
const NO_CHANNEL = 'NO_CHANNEL: 她没有用微信，短信也没有开通，没有发出；请打电话告诉她';

describe('WeChat subscribe messages', () => {
  const clock = { now: () => MORNING };
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ ...TEST_TEMPLATES }, { clock });
  });
  afterAll(() => t.close());

  const wechatSignIn = async (openid: string) => {
    const signedIn = (await call<AuthTokens>(t.baseUrl, 'POST', ApiPaths.authWechat, { body: { code: `ok:${openid}` } })).body;
    return { ...signedIn, openid };
  };
  type Person = Awaited<ReturnType<typeof wechatSignIn>>;
  const ask = (woman: Person, body: Record<string, unknown>) =>
    call<RequestDetail>(t.baseUrl, 'POST', ApiPaths.requests, {
      token: woman.accessToken,
      body: { description: '需要帮助', contact: { method: 'wechat' }, federationId: TREE.village, ...body },
    });
  const hardship = (difficulty = '住房') => ({ categoryKey: ServiceCategoryKey.Hardship, answers: { difficulty } });
  const act = (who: Person, id: string, action: RequestAction, body: unknown = {}) =>
    call<RequestDetail>(t.baseUrl, 'POST', pathOf(requestActionPath(action), { id }), { token: who.accessToken, body });
  const remaining = async (who: Person, kind: SubscriptionKind) =>
    (await call<MySubscriptions>(t.baseUrl, 'GET', ApiPaths.mySubscriptions, { token: who.accessToken })).body.kinds.find((k) => k.kind === kind)!.remaining;
  const failures = () => t.dataSource.query("SELECT topic, last_error AS reason, status FROM outbox WHERE status <> 'sent' ORDER BY created_at, last_error");

  /** The chair of the village (and the county admin), signed in with WeChat, and a woman of the village. */
  const people = async (tag: string) => {
    await t.reset();
    await createTree(t.dataSource);
    const chair = await wechatSignIn(`openid-${tag}-chair`);
    const admin = await wechatSignIn(`openid-${tag}-admin`);
    const woman = await wechatSignIn(`openid-${tag}-woman`);
    await t.dataSource.query('INSERT INTO role_assignment (id, user_id, federation_id, role) VALUES (UUID(), ?, ?, ?), (UUID(), ?, ?, ?)', [
      chair.user.id, TREE.village, RoleKind.Chair, admin.user.id, TREE.county, RoleKind.Admin,
    ]);
    await t.dataSource.query('UPDATE app_user SET home_federation_id = ? WHERE id = ?', [TREE.village, woman.user.id]);
    return { chair, admin, woman };
  };

  it('reach the chair with the new-request template, opening that request, discreetly for sensitive ones; nobody is sent anything she did not allow', async () => {
    const { chair, admin, woman } = await people('new');
    await createPerson(t.dataSource, { key: 'demo-deputy', role: { role: RoleKind.Deputy, federationId: TREE.village } });
    // The chair and the county admin tapped 开通提醒 on the workbench once each.
    await answerReminders(t.baseUrl, t.wechat, chair, [SubscriptionKind.NewRequest, SubscriptionKind.Escalation]);
    await answerReminders(t.baseUrl, t.wechat, admin, [SubscriptionKind.NewRequest]);

    const first = await ask(woman, hardship());
    expect(first.status).toBe(201);
    expect((await ask(woman, { categoryKey: ServiceCategoryKey.DomesticViolence, answers: { safe_now: true }, sensitiveConsent: true })).status).toBe(201);

    const worker = t.app.get(OutboxWorker);
    // The deputy never allowed reminders (nor has WeChat): hers fails without reaching WeChat.
    expect(await worker.runOnce()).toEqual({ sent: 2, failed: 1 });
    const toChair = t.wechat.sent.find((m) => m.touser === chair.openid)!;
    expect(toChair).toMatchObject({
      template_id: 'tmpl-new-request',
      page: `packages/workbench/request?id=${first.body.id}`,
      miniprogram_state: 'developer',
      data: { thing1: { value: '有一条新的求助需要您受理' }, phrase2: { value: '待受理' }, time3: { value: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/) } },
    });
    // The county's message about the domestic-violence request names nothing.
    expect(t.wechat.sent.filter((m) => m.touser === admin.openid).map((m) => m.data.thing1!.value)).toEqual(['您有一条新的消息']);
    expect(JSON.stringify(t.wechat.sent)).not.toContain('家庭暴力');
    expect(await remaining(chair, SubscriptionKind.NewRequest)).toBe(0);
    expect(await remaining(chair, SubscriptionKind.Escalation)).toBe(1);

    // Her one grant is spent: the next request does not go to WeChat at all, and says why.
    expect((await ask(woman, hardship('看病困难'))).status).toBe(201);
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 2 });
    expect(t.wechat.sent.filter((m) => m.touser === chair.openid)).toHaveLength(1);
    expect(t.wechat.refused).toEqual([]);
    // The deputy has no WeChat and SMS is off here: hers say there is no channel at all.
    expect(await failures()).toEqual([
      { topic: 'request.new', reason: NO_CHANNEL, status: 'failed' },
      { topic: 'request.new', reason: NO_CHANNEL, status: 'failed' },
      { topic: 'request.new', reason: NO_SUBSCRIPTION, status: 'failed' },
    ]);
    expect(t.wechat.tokensIssued).toBe(1);
  });

  it('counts her grants: two 允许 give two replies, the third reply fails with the reason; 拒绝 grants nothing', async () => {
    const { chair, woman } = await people('count');
    // After sending she tapped 「有进展时通知我」 twice and allowed both; once more she refused.
    await answerReminders(t.baseUrl, t.wechat, woman, [SubscriptionKind.RequestUpdate]);
    const afterTwo = await answerReminders(t.baseUrl, t.wechat, woman, [SubscriptionKind.RequestUpdate]);
    expect(afterTwo.kinds.find((k) => k.kind === SubscriptionKind.RequestUpdate)).toEqual({ kind: SubscriptionKind.RequestUpdate, templateId: 'tmpl-request-update', remaining: 2 });
    await answerReminders(t.baseUrl, t.wechat, woman, [SubscriptionKind.RequestUpdate], 'reject');
    expect(await remaining(woman, SubscriptionKind.RequestUpdate)).toBe(2);
    expect(t.wechat.grantsOf(woman.openid, 'tmpl-request-update')).toBe(2);

    const { body } = await ask(woman, hardship());
    expect((await act(chair, body.id, RequestAction.Accept, { note: '已受理' })).status).toBe(200);
    const worker = t.app.get(OutboxWorker);
    await worker.runOnce();
    for (const message of ['明天上午我去您家', '材料已经交到镇上', '镇上说下周批']) {
      expect((await act(chair, body.id, RequestAction.Reply, { message })).status).toBe(200);
      await worker.runOnce();
    }
    const toHer = t.wechat.sent.filter((m) => m.touser === woman.openid);
    expect(toHer).toHaveLength(2);
    expect(toHer[0]).toMatchObject({
      template_id: 'tmpl-request-update',
      page: `packages/requests/detail?id=${body.id}`,
      data: { thing1: { value: '妇联回复了您的求助' }, phrase2: { value: '已回复' } },
    });
    const replies = await t.dataSource.query("SELECT status, last_error AS reason FROM outbox WHERE topic = 'request.replied' ORDER BY created_at");
    expect(replies).toEqual([
      { status: 'sent', reason: null },
      { status: 'sent', reason: null },
      { status: 'failed', reason: NO_SUBSCRIPTION },
    ]);
    expect(await remaining(woman, SubscriptionKind.RequestUpdate)).toBe(0);
  });

  it('believes WeChat over a phone that misreported: 43101 fails the message and clears the count', async () => {
    const { chair, woman } = await people('lie');
    // The phone reports an accept WeChat never saw.
    const reported = await call<MySubscriptions>(t.baseUrl, 'POST', ApiPaths.mySubscriptions, { token: woman.accessToken, body: { answers: { 'tmpl-request-update': 'accept' } } });
    expect(reported.status).toBe(200);
    const { body } = await ask(woman, hardship());
    await act(chair, body.id, RequestAction.Accept, { note: '已受理' });
    await act(chair, body.id, RequestAction.Reply, { message: '明天上午我去您家' });
    await t.app.get(OutboxWorker).runOnce();
    expect(t.wechat.refused.filter((r) => r.touser === woman.openid)).toEqual([{ touser: woman.openid, template_id: 'tmpl-request-update', errcode: 43101 }]);
    const [row] = await t.dataSource.query("SELECT status, last_error AS reason FROM outbox WHERE topic = 'request.replied'");
    expect(row).toEqual({ status: 'failed', reason: 'NOT_SUBSCRIBED: 微信说她没有开通这类提醒，没有发出' });
    expect(await remaining(woman, SubscriptionKind.RequestUpdate)).toBe(0);
  });

  it('refuses answers for a template the server does not use, in words she can act on', async () => {
    const { woman } = await people('stale');
    const reply = await call(t.baseUrl, 'POST', ApiPaths.mySubscriptions, { token: woman.accessToken, body: { answers: { 'tmpl-retired': 'accept' } } });
    expect(reply.status).toBe(400);
    expect(reply.body.message).toBe('提醒的设置刚刚更新过，请返回上一页，再点一次开通提醒');
    const tooMany = await call(t.baseUrl, 'POST', ApiPaths.mySubscriptions, {
      token: woman.accessToken,
      body: { answers: { a: 'accept', b: 'accept', c: 'accept', d: 'accept' } },
    });
    expect(tooMany.status).toBe(400);
    expect(await remaining(woman, SubscriptionKind.RequestUpdate)).toBe(0);
  });

  it('the fake WeChat answers as WeChat does: 43101 without a grant, 47003 for a value breaking its field rule', async () => {
    const token = ((await (await fetch(`${t.wechat.url}/cgi-bin/token?grant_type=client_credential&appid=wx-test-app&secret=wx-test-secret`)).json()) as { access_token: string }).access_token;
    const send = async (data: Record<string, { value: string }>) =>
      (await fetch(`${t.wechat.url}/cgi-bin/message/subscribe/send?access_token=${token}`, {
        method: 'POST',
        body: JSON.stringify({ touser: 'openid-direct', template_id: 'tmpl-x', page: 'pages/index/index', data }),
      }).then((r) => r.json())) as { errcode: number };
    expect((await send({ thing1: { value: '您有一条新的消息' } })).errcode).toBe(43101);
    t.wechat.requestSubscribeMessage('openid-direct', ['tmpl-x']);
    expect((await send({ phrase2: { value: '已转到上级妇联' } })).errcode).toBe(47003);
    expect((await send({ thing1: { value: '一二三四五六七八九十一二三四五六七八九十一' } })).errcode).toBe(47003);
    expect((await send({ time3: { value: '明天9:00' } })).errcode).toBe(47003);
    // A refused send spends no grant: the good one still goes.
    expect((await send({ thing1: { value: '您有一条新的消息' }, time3: { value: '2026年12月1日 10:00' } })).errcode).toBe(0);
    expect((await send({ thing1: { value: '您有一条新的消息' } })).errcode).toBe(43101);
  });

  it('a send whose answer is lost (the connection cut after WeChat took it) is marked unknown and never repeated', async () => {
    const { chair, woman } = await people('cut');
    await answerReminders(t.baseUrl, t.wechat, chair, [SubscriptionKind.NewRequest]);
    await answerReminders(t.baseUrl, t.wechat, chair, [SubscriptionKind.NewRequest]);
    t.wechat.cutAfterDelivery.add(chair.openid);
    expect((await ask(woman, hardship())).status).toBe(201);

    const worker = t.app.get(OutboxWorker);
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 1 });
    const [row] = await t.dataSource.query("SELECT status, attempts, last_error AS lastError FROM outbox WHERE recipient_user_id = ?", [chair.user.id]);
    expect(row).toMatchObject({ status: 'unknown', attempts: 1 });
    expect(row.lastError).toMatch(/^WeChat send, no answer/);
    // It may have reached her, so its grant stays spent, as WeChat spent it.
    expect(await remaining(chair, SubscriptionKind.NewRequest)).toBe(1);
    // WeChat has it: sending it again would put a second copy on her phone.
    t.wechat.cutAfterDelivery.clear();
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0 });
    expect(t.wechat.sent.filter((m) => m.touser === chair.openid)).toHaveLength(1);
  });
});
