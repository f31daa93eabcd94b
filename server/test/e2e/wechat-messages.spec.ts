import { ApiPaths, RoleKind, ServiceCategoryKey, type AuthTokens } from '@wfh/shared';
import { OutboxWorker } from '../../src/modules/notifications/outbox.worker';
import { createPerson, createTree, TREE } from '../factories/bodies';
import { call, startTestApp, type TestApp } from '../support/test-app';

/** Tuesday 1 December 2026, 10:00 in Asia/Shanghai: outside the quiet hours. */
const MORNING = new Date('2026-12-01T02:00:00Z');

describe('WeChat subscribe messages', () => {
  const clock = { now: () => MORNING };
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ WECHAT_SUBSCRIBE_TEMPLATE_ID: 'tmpl-request-update' }, { clock });
  });
  afterAll(() => t.close());

  it('reach the chair through the WeChat API, discreetly for sensitive requests; people without WeChat are not retried', async () => {
    await t.reset();
    await createTree(t.dataSource);
    // The chair and the county admin sign in with WeChat, so they have openids; the woman too.
    const wechatSignIn = async (openid: string) =>
      (await call<AuthTokens>(t.baseUrl, 'POST', ApiPaths.authWechat, { body: { code: `ok:${openid}` } })).body;
    const chair = await wechatSignIn('openid-chair');
    const admin = await wechatSignIn('openid-admin');
    const woman = await wechatSignIn('openid-woman');
    await t.dataSource.query('INSERT INTO role_assignment (id, user_id, federation_id, role) VALUES (UUID(), ?, ?, ?), (UUID(), ?, ?, ?)', [
      chair.user.id, TREE.village, RoleKind.Chair, admin.user.id, TREE.county, RoleKind.Admin,
    ]);
    await t.dataSource.query('UPDATE app_user SET home_federation_id = ? WHERE id = ?', [TREE.village, woman.user.id]);
    await createPerson(t.dataSource, { key: 'demo-deputy', role: { role: RoleKind.Deputy, federationId: TREE.village } });

    const ask = (body: Record<string, unknown>) =>
      call(t.baseUrl, 'POST', ApiPaths.requests, {
        token: woman.accessToken,
        body: { description: '需要帮助', contact: { method: 'wechat' }, federationId: TREE.village, ...body },
      });
    expect((await ask({ categoryKey: ServiceCategoryKey.Hardship, answers: { difficulty: '住房' } })).status).toBe(201);
    expect((await ask({ categoryKey: ServiceCategoryKey.DomesticViolence, answers: { safe_now: true }, sensitiveConsent: true })).status).toBe(201);

    const worker = t.app.get(OutboxWorker);
    expect(await worker.runOnce()).toEqual({ sent: 2, failed: 1 });
    const sent = (openid: string) => t.wechat.sent.filter((m) => m.touser === openid).map((m) => m.data.thing1.value);
    expect(t.wechat.sent[0]).toMatchObject({ template_id: 'tmpl-request-update', page: 'packages/requests/index', miniprogram_state: 'developer' });
    expect(sent('openid-chair')).toEqual(['有一条新的求助需要您受理']);
    // The county's message about the domestic-violence request names nothing.
    expect(sent('openid-admin')).toEqual(['您有一条新的消息']);

    t.wechat.notSubscribed.add('openid-chair');
    expect((await ask({ categoryKey: ServiceCategoryKey.Hardship, answers: { difficulty: '看病困难' } })).status).toBe(201);
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 2 });
    const failures = await t.dataSource.query("SELECT last_error AS e, status FROM outbox WHERE status <> 'sent' ORDER BY last_error");
    expect(failures).toEqual([
      { e: 'no WeChat account to send to', status: 'failed' },
      { e: 'no WeChat account to send to', status: 'failed' },
      { e: 'she has not subscribed to these messages', status: 'failed' },
    ]);
    // One access token, cached for the next deliveries.
    expect(t.wechat.tokensIssued).toBe(1);
    expect(JSON.stringify(t.wechat.sent)).not.toContain('家庭暴力');
  });

  it('a send whose answer is lost (the connection cut after WeChat took it) is marked unknown and never repeated', async () => {
    await t.reset();
    await createTree(t.dataSource);
    const wechatSignIn = async (openid: string) =>
      (await call<AuthTokens>(t.baseUrl, 'POST', ApiPaths.authWechat, { body: { code: `ok:${openid}` } })).body;
    const chair = await wechatSignIn('openid-cut-chair');
    const woman = await wechatSignIn('openid-cut-woman');
    await t.dataSource.query('INSERT INTO role_assignment (id, user_id, federation_id, role) VALUES (UUID(), ?, ?, ?)', [chair.user.id, TREE.village, RoleKind.Chair]);
    await t.dataSource.query('UPDATE app_user SET home_federation_id = ? WHERE id = ?', [TREE.village, woman.user.id]);
    t.wechat.cutAfterDelivery.add('openid-cut-chair');
    const asked = await call(t.baseUrl, 'POST', ApiPaths.requests, {
      token: woman.accessToken,
      body: { categoryKey: ServiceCategoryKey.Hardship, answers: { difficulty: '住房' }, description: '需要帮助', contact: { method: 'wechat' }, federationId: TREE.village },
    });
    expect(asked.status).toBe(201);

    const worker = t.app.get(OutboxWorker);
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 1 });
    const [row] = await t.dataSource.query('SELECT status, attempts, last_error AS lastError FROM outbox');
    expect(row).toMatchObject({ status: 'unknown', attempts: 1 });
    expect(row.lastError).toMatch(/^WeChat send, no answer/);
    // WeChat has it: sending it again would put a second copy on her phone.
    t.wechat.cutAfterDelivery.clear();
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0 });
    expect(t.wechat.sent.filter((m) => m.touser === 'openid-cut-chair')).toHaveLength(1);
  });
});
