import {
  ApiPaths,
  RequestAction,
  RoleKind,
  ServiceCategoryKey,
  pathOf,
  requestActionPath,
  type AuthTokens,
  type FailedMessageView,
  type OnBehalfCreated,
  type RequestDetail,
} from '@wfh/shared';
import { randomUUID } from 'node:crypto';
import { FieldCipher } from '../../src/infra/crypto/field-cipher';
import { OutboxWorker } from '../../src/modules/notifications/outbox.worker';
import { createTree, TREE } from '../factories/bodies';
import { startFakeSms, TEST_SMS_ENV, type FakeSms } from '../support/fake-sms';
import { TEST_TEMPLATES } from '../support/subscriptions';
import { call, startTestApp, type TestApp } from '../support/test-app';

/** Tuesday 1 December 2026, 10:00 in Asia/Shanghai: outside the quiet hours. */
const MORNING = Date.parse('2026-12-01T02:00:00Z');

describe('text messages (SMS), the second channel', () => {
  let nowMs = MORNING;
  const clock = { now: () => new Date(nowMs) };
  /** Time passes for the server and Tencent alike: past Tencent's 30-second limit for the same content. */
  const later = (seconds = 31) => (nowMs += seconds * 1000);
  let t: TestApp;
  let sms: FakeSms;
  beforeAll(async () => {
    sms = await startFakeSms({ now: () => nowMs });
    t = await startTestApp({ ...TEST_TEMPLATES, ...TEST_SMS_ENV(sms.url) }, { clock });
  });
  afterAll(async () => {
    await t?.close();
    await sms?.close();
  });

  const wechatSignIn = async (openid: string) => {
    const signedIn = (await call<AuthTokens>(t.baseUrl, 'POST', ApiPaths.authWechat, { body: { code: `ok:${openid}` } })).body;
    return { ...signedIn, openid };
  };
  type Person = Awaited<ReturnType<typeof wechatSignIn>>;
  const act = (who: Person, id: string, action: RequestAction, body: unknown = {}) =>
    call<RequestDetail>(t.baseUrl, 'POST', pathOf(requestActionPath(action), { id }), { token: who.accessToken, body });
  const ask = (woman: Person, description = '需要帮助') =>
    call<RequestDetail>(t.baseUrl, 'POST', ApiPaths.requests, {
      token: woman.accessToken,
      body: { description, contact: { method: 'wechat' }, federationId: TREE.village, categoryKey: ServiceCategoryKey.Hardship, answers: { difficulty: '住房' } },
    });
  const worker = () => t.app.get(OutboxWorker);
  const rows = (topic: string) =>
    t.dataSource.query('SELECT status, channel, last_error AS reason, provider_answer AS answer FROM outbox WHERE topic = ? ORDER BY created_at, id', [topic]);
  const failuresSeenBy = async (admin: Person) => {
    const reply = await call<FailedMessageView[]>(t.baseUrl, 'GET', pathOf(ApiPaths.countyFailedMessages, { countyId: TREE.county }), { token: admin.accessToken });
    expect(reply.status).toBe(200);
    return reply.body;
  };

  /**
   * The chair of the village, signed in with WeChat and listed by the county under her phone (so the
   * server knows her number), with no reminder grants; the county admin; a woman with WeChat.
   */
  const people = async (tag: string) => {
    await t.reset();
    await createTree(t.dataSource);
    nowMs = MORNING;
    sms.reset();
    const chair = await wechatSignIn(`openid-${tag}-chair`);
    const admin = await wechatSignIn(`openid-${tag}-admin`);
    const woman = await wechatSignIn(`openid-${tag}-woman`);
    await t.dataSource.query('INSERT INTO role_assignment (id, user_id, federation_id, role) VALUES (UUID(), ?, ?, ?), (UUID(), ?, ?, ?)', [
      chair.user.id, TREE.village, RoleKind.Chair, admin.user.id, TREE.county, RoleKind.Admin,
    ]);
    await t.dataSource.query('UPDATE app_user SET display_name = ?, name_listed = 1 WHERE id = ?', ['王主任', chair.user.id]);
    await t.dataSource.query('INSERT INTO listed_person (id, name, phone_enc, phone_digest, federation_id, role) VALUES (?, ?, ?, ?, ?, ?)', [
      randomUUID(), '王主任', t.app.get(FieldCipher).encrypt('13900000002'), `digest-${tag}`, TREE.village, RoleKind.Chair,
    ]);
    await t.dataSource.query('UPDATE app_user SET home_federation_id = ? WHERE id = ?', [TREE.village, woman.user.id]);
    return { chair, admin, woman };
  };

  it("reach a woman recorded by phone with her request's reply, naming nothing of a domestic-violence request", async () => {
    const { chair, admin } = await people('recorded');
    const recorded = await call<OnBehalfCreated>(t.baseUrl, 'POST', pathOf(ApiPaths.federationRequests, { id: TREE.village }), {
      token: chair.accessToken,
      body: {
        categoryKey: ServiceCategoryKey.DomesticViolence,
        description: '她说丈夫打她，不敢在家里接电话',
        answers: { safe_now: true },
        contact: { method: 'phone', phone: '138 0000 0001', safeTimes: '上午' },
        womanName: '赵大姐',
        womanPhone: '138 0000 0001',
        source: 'phone',
        consentRecorded: true,
      },
    });
    expect(recorded.status).toBe(201);
    const { request } = recorded.body;
    await worker().runOnce();
    // The county holds it; its admin accepts and answers her.
    expect((await act(admin, request.id, RequestAction.Accept, { note: '已受理' })).status).toBe(200);
    expect((await act(admin, request.id, RequestAction.Reply, { message: '我们明天上午给您打电话' })).status).toBe(200);
    await worker().runOnce();

    const toHer = sms.sent.filter((m) => m.phone === '13800000001');
    expect(toHer).toHaveLength(1);
    expect(toHer[0]).toMatchObject({ templateId: '1000001', params: ['已回复'] });
    expect(toHer[0]!.text).toBe('【网上妇女之家】您的求助有新进展（已回复），请打开微信小程序“网上妇女之家”或拨打妇联电话查看。');
    // Nothing on her phone or in what went to Tencent says what she asked about, or what was said.
    expect(JSON.stringify(sms.sent)).not.toMatch(/家庭暴力|家暴|打她|赵大姐|明天上午/);
    const [reply] = await rows('request.replied');
    expect(reply).toMatchObject({ status: 'sent', channel: 'sms', reason: null });
    expect(reply.answer).toMatch(/^138\*\*\*\*0001 Ok 2433:/);
    expect(toHer[0]!.sessionContext).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reach staff whose WeChat grants ran out by text, at the number the county listed; never a woman who has WeChat but gave no grant', async () => {
    const { chair, admin, woman } = await people('staff');
    const { body } = await ask(woman);
    await worker().runOnce();
    expect(sms.sent.map((m) => [m.phone, m.text])).toEqual([['13900000002', '【网上妇女之家】有一条新的求助待受理，请尽快登录“网上妇女之家”工作台处理。']]);
    expect((await rows('request.new'))[0]).toMatchObject({ status: 'sent', channel: 'sms' });

    // The woman uses WeChat and allowed no reminders: the reply is not texted to her behind WeChat's back.
    await act(chair, body.id, RequestAction.Accept, { note: '已受理' });
    await act(chair, body.id, RequestAction.Reply, { message: '明天上午我去您家' });
    await worker().runOnce();
    expect(sms.sent).toHaveLength(1);
    expect(await rows('request.replied')).toEqual([{ status: 'failed', channel: null, reason: 'NO_SUBSCRIPTION: 她没有开通这类提醒（或次数已用完），没有发出', answer: null }]);
    expect((await failuresSeenBy(admin)).map((f) => [f.kindLabel, f.reason])).toEqual([['求助有进展', 'NO_SUBSCRIPTION: 她没有开通这类提醒（或次数已用完），没有发出']]);
  });

  it('send nothing to someone who said 不要短信, and show the county why', async () => {
    const { chair, admin, woman } = await people('optout');
    const off = await call(t.baseUrl, 'PUT', ApiPaths.mySms, { token: chair.accessToken, body: { enabled: false } });
    expect(off.status).toBe(200);
    expect((await call(t.baseUrl, 'GET', ApiPaths.mySms, { token: chair.accessToken })).body).toEqual({ enabled: false });
    const bad = await call(t.baseUrl, 'PUT', ApiPaths.mySms, { token: chair.accessToken, body: { enabled: 'no' } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('请选择要不要短信');

    await ask(woman);
    await worker().runOnce();
    expect(sms.sent).toEqual([]);
    expect(await rows('request.new')).toEqual([{ status: 'failed', channel: null, reason: 'OPTED_OUT: 她说过不要短信，没有发出；请打电话告诉她', answer: null }]);
    expect(await failuresSeenBy(admin)).toEqual([
      expect.objectContaining({ kindLabel: '有新的求助', recipientLabel: '王主任', maskedPhone: null, reason: 'OPTED_OUT: 她说过不要短信，没有发出；请打电话告诉她' }),
    ]);
  });

  it('the chair records 不要短信 for a woman she recorded by phone', async () => {
    const { chair, admin, woman } = await people('optout-recorded');
    const recorded = await call<OnBehalfCreated>(t.baseUrl, 'POST', pathOf(ApiPaths.federationRequests, { id: TREE.village }), {
      token: chair.accessToken,
      body: { categoryKey: ServiceCategoryKey.Hardship, description: '家里房子漏雨', answers: { difficulty: '住房' }, contact: { method: 'phone', phone: '13800000003' }, womanName: '钱大姐', womanPhone: '13800000003', source: 'visit', consentRecorded: true },
    });
    const { id } = recorded.body.request;
    // Someone else's village, or a request she made herself in WeChat, cannot be changed this way.
    expect((await call(t.baseUrl, 'PUT', pathOf(ApiPaths.requestWomanSms, { id }), { token: woman.accessToken, body: { enabled: false } })).status).toBe(404);
    const own = await ask(woman);
    const notRecorded = await call(t.baseUrl, 'PUT', pathOf(ApiPaths.requestWomanSms, { id: own.body.id }), { token: chair.accessToken, body: { enabled: false } });
    expect(notRecorded.status).toBe(400);
    expect(JSON.stringify(notRecorded.body)).toContain('请她在「我的」里自己设置');
    expect((await call(t.baseUrl, 'PUT', pathOf(ApiPaths.requestWomanSms, { id }), { token: chair.accessToken, body: { enabled: false } })).status).toBe(200);

    await worker().runOnce();
    await act(chair, id, RequestAction.Accept, { note: '已受理' });
    await act(chair, id, RequestAction.Reply, { message: '下周一来看房子' });
    await worker().runOnce();
    expect(sms.sent.filter((m) => m.phone === '13800000003')).toEqual([]);
    expect(await rows('request.replied')).toEqual([expect.objectContaining({ status: 'failed', reason: expect.stringMatching(/^OPTED_OUT: /) })]);
    const seen = (await failuresSeenBy(admin)).find((f) => f.reason.startsWith('OPTED_OUT'))!;
    expect(seen).toMatchObject({ kindLabel: '求助有进展', recipientLabel: '代为登记或未留名字的妇女' });
  });

  it('stops at five texts a day per person, whatever else goes wrong; the county sees RATE_LIMITED with the masked number', async () => {
    const { admin, woman } = await people('limit');
    for (let i = 0; i < 6; i++) {
      expect((await ask(woman, `第${i + 1}次求助`)).status).toBe(201);
      // Tencent would refuse the same text to her twice in 30 s; a minute apart, it takes five an hour.
      later(61);
      await worker().runOnce();
    }
    expect(sms.sent.filter((m) => m.phone === '13900000002')).toHaveLength(5);
    expect(sms.refused).toEqual([]);
    const statuses = (await rows('request.new')).map((r: { status: string }) => r.status);
    expect(statuses).toEqual(['sent', 'sent', 'sent', 'sent', 'sent', 'failed']);
    expect(await failuresSeenBy(admin)).toEqual([
      expect.objectContaining({ channel: 'sms', maskedPhone: '139****0002', reason: 'RATE_LIMITED: 她一天内已收到5条短信，这条没有再发；请打电话告诉她' }),
    ]);
    // A day later she can be texted again.
    later(24 * 3600);
    await ask(woman, '又一次求助');
    await worker().runOnce();
    expect(sms.sent).toHaveLength(6);
  });

  it("fails with Tencent's code when it refuses: a number that replied TD, a number over Tencent's daily limit", async () => {
    const { admin, woman } = await people('refused');
    sms.blacklist.add('13900000002');
    await ask(woman);
    await worker().runOnce();
    expect(await rows('request.new')).toEqual([
      { status: 'failed', channel: 'sms', reason: 'SMS_REFUSED: FailedOperation.PhoneNumberInBlacklist 她回复过退订（TD），短信平台不再给这个号码发短信；请改用电话联系她', answer: '139****0002' },
    ]);
    sms.blacklist.clear();
    sms.forced.set('13900000002', 'LimitExceeded.PhoneNumberDailyLimit');
    later();
    await ask(woman, '第二次');
    await worker().runOnce();
    expect((await failuresSeenBy(admin)).map((f) => f.reason.split(' ')[1])).toEqual(['LimitExceeded.PhoneNumberDailyLimit', 'FailedOperation.PhoneNumberInBlacklist']);
    expect(sms.sent).toEqual([]);
  });

  it("waits and sends again when Tencent says to wait (the same text within 30 s), sending it once", async () => {
    const { woman } = await people('wait');
    await ask(woman, '一');
    await ask(woman, '二');
    await worker().runOnce();
    expect(sms.sent).toHaveLength(1);
    expect(sms.refused).toEqual([{ phone: '+8613900000002', code: 'LimitExceeded.PhoneNumberThirtySecondLimit' }]);
    expect((await rows('request.new')).map((r: { status: string }) => r.status).sort()).toEqual(['pending', 'sent']);
    // The backoff is a minute: then it goes.
    later(61);
    await worker().runOnce();
    expect(sms.sent).toHaveLength(2);
    expect((await rows('request.new')).map((r: { status: string }) => r.status)).toEqual(['sent', 'sent']);
  });

  it('sends each text once when two instances deliver the outbox at the same time', async () => {
    const { woman } = await people('twice');
    // Four staff of the village, each listed with her own number and none with WeChat grants.
    for (let i = 0; i < 3; i++) {
      const deputy = await wechatSignIn(`openid-twice-deputy-${i}`);
      await t.dataSource.query('INSERT INTO role_assignment (id, user_id, federation_id, role) VALUES (UUID(), ?, ?, ?)', [deputy.user.id, TREE.village, RoleKind.Deputy]);
      await t.dataSource.query('UPDATE app_user SET display_name = ?, name_listed = 1 WHERE id = ?', [`副主任${i}`, deputy.user.id]);
      await t.dataSource.query('INSERT INTO listed_person (id, name, phone_enc, phone_digest, federation_id, role) VALUES (?, ?, ?, ?, ?, ?)', [
        randomUUID(), `副主任${i}`, t.app.get(FieldCipher).encrypt(`1370000001${i}`), `digest-twice-${i}`, TREE.village, RoleKind.Deputy,
      ]);
    }
    await ask(woman);
    // Both instances' passes run at once (the lease is bypassed: it only spreads the work, the claims hold).
    const sweep = (w: OutboxWorker) => (w as unknown as { sweep(): Promise<{ sent: number; failed: number }> }).sweep();
    const [a, b] = await Promise.all([sweep(worker()), sweep(worker())]);
    expect(a.sent + b.sent).toBe(4);
    expect(sms.sent.map((m) => m.phone).sort()).toEqual(['13700000010', '13700000011', '13700000012', '13900000002']);
  });
});
