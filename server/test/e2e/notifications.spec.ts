import { ApiPaths, RoleKind, ServiceCategoryKey, type RequestDetail, afterQuietHours } from '@wfh/shared';
import { NOTIFICATION_GATEWAY, OutboxWorker, type Delivery, type NotificationGateway } from '../../src/modules/notifications/outbox.worker';
import { createPerson, createTree, TREE } from '../factories/bodies';
import { signInAs } from '../support/api-expect';
import { call, startTestApp, type TestApp } from '../support/test-app';

/** 23:00 on Tuesday 1 December 2026 in Asia/Shanghai: inside the quiet hours. */
const LATE_EVENING = new Date('2026-12-01T15:00:00Z');
const NEXT_MORNING_7AM = new Date('2026-12-01T23:00:00Z');

describe('notifications through the outbox', () => {
  const clock = { at: LATE_EVENING, now() { return this.at; } };
  let t: TestApp;
  let delivered: Delivery[];
  let failNext: boolean;
  let woman: string;

  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    const gateway = t.app.get<NotificationGateway>(NOTIFICATION_GATEWAY);
    jest.spyOn(gateway, 'deliver').mockImplementation(async (delivery) => {
      if (failNext) {
        failNext = false;
        throw new Error('gateway timed out');
      }
      delivered.push(delivery);
    });
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    clock.at = LATE_EVENING;
    delivered = [];
    failNext = false;
    await t.reset();
    await createTree(t.dataSource);
    await createPerson(t.dataSource, { key: 'admin', role: { role: RoleKind.Admin, federationId: TREE.county } });
    await createPerson(t.dataSource, { key: 'chair', role: { role: RoleKind.Chair, federationId: TREE.village } });
    await createPerson(t.dataSource, { key: 'woman', home: TREE.village });
    woman = (await signInAs(t.baseUrl, 'woman')).accessToken;
  });

  const ask = (body: Record<string, unknown>) =>
    call<RequestDetail>(t.baseUrl, 'POST', ApiPaths.requests, {
      token: woman,
      body: { description: '需要帮助', contact: { method: 'wechat' }, federationId: TREE.village, ...body },
    });

  it('quiet hours hold a message until 07:00; an urgent sensitive one goes at once, worded discreetly', async () => {
    expect(afterQuietHours(LATE_EVENING)).toEqual(NEXT_MORNING_7AM);
    expect((await ask({ categoryKey: ServiceCategoryKey.Hardship, answers: { difficulty: '住房' } })).status).toBe(201);
    expect(
      (await ask({ categoryKey: ServiceCategoryKey.DomesticViolence, answers: { safe_now: false }, sensitiveConsent: true, urgent: true })).status,
    ).toBe(201);

    const worker = t.app.get(OutboxWorker);
    expect(await worker.runOnce()).toEqual({ sent: 1, failed: 0 });
    expect(delivered.map((d) => d.text)).toEqual(['您有一条新的消息']);

    clock.at = NEXT_MORNING_7AM;
    expect(await worker.runOnce()).toEqual({ sent: 1, failed: 0 });
    expect(delivered.map((d) => d.text)).toEqual(['您有一条新的消息', '有一条新的求助需要您受理']);
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0 });
  });

  it('a failed delivery is retried later, and sent once', async () => {
    clock.at = NEXT_MORNING_7AM;
    await ask({ categoryKey: ServiceCategoryKey.Hardship, answers: { difficulty: '住房' } });
    failNext = true;
    const worker = t.app.get(OutboxWorker);
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 1 });
    const [row] = await t.dataSource.query('SELECT status, attempts, last_error AS lastError FROM outbox');
    expect(row).toEqual({ status: 'pending', attempts: 1, lastError: 'gateway timed out' });
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0 });
    clock.at = new Date(NEXT_MORNING_7AM.getTime() + 61_000);
    expect(await worker.runOnce()).toEqual({ sent: 1, failed: 0 });
    expect(delivered).toHaveLength(1);
  });
});
