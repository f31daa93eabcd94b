import { ApiPaths, RoleKind, ServiceCategoryKey } from '@wfh/shared';
import { NOTIFICATION_GATEWAY, OutboxWorker, SENDING_TIMEOUT_MS, type Delivery, type NotificationGateway } from '../../src/modules/notifications/outbox.worker';
import { createPerson, createTree, TREE } from '../factories/bodies';
import { signInAs } from '../support/api-expect';
import { call, startTestApp } from '../support/test-app';

/** 10:00 in Asia/Shanghai, outside the quiet hours. */
const MORNING = { now: () => new Date('2026-12-01T02:00:00Z') };

async function submitOne(baseUrl: string): Promise<void> {
  const { accessToken } = await signInAs(baseUrl, 'woman');
  const submitted = await call(baseUrl, 'POST', ApiPaths.requests, {
    token: accessToken,
    body: { categoryKey: ServiceCategoryKey.Hardship, description: '需要帮助', answers: { difficulty: '住房' }, contact: { method: 'wechat' }, federationId: TREE.village },
  });
  expect(submitted.status).toBe(201);
}

describe('a crash between commit and delivery, or during it', () => {
  it('loses no notification: the next instance delivers what the first one committed', async () => {
    const first = await startTestApp({}, { clock: MORNING });
    await first.reset();
    await createTree(first.dataSource);
    await createPerson(first.dataSource, { key: 'chair', role: { role: RoleKind.Chair, federationId: TREE.village } });
    await createPerson(first.dataSource, { key: 'woman', home: TREE.village });
    await submitOne(first.baseUrl);
    // The instance goes away before its worker ever ran.
    await first.close();

    const second = await startTestApp({}, { clock: MORNING });
    try {
      const delivered: Delivery[] = [];
      jest.spyOn(second.app.get<NotificationGateway>(NOTIFICATION_GATEWAY), 'deliver').mockImplementation(async (d) => {
        delivered.push(d);
      });
      expect(await second.app.get(OutboxWorker).runOnce()).toEqual({ sent: 1, failed: 0 });
      expect(delivered.map((d) => d.text)).toEqual(['有一条新的求助需要您受理']);
      expect(await second.app.get(OutboxWorker).runOnce()).toEqual({ sent: 0, failed: 0 });
    } finally {
      await second.close();
    }
  });

  it('sends nothing twice: a message an instance was sending when it died ends as unknown, not sent again', async () => {
    const clock = { at: MORNING.now(), now() { return this.at; } };
    const t = await startTestApp({}, { clock });
    try {
      await t.reset();
      await createTree(t.dataSource);
      await createPerson(t.dataSource, { key: 'chair', role: { role: RoleKind.Chair, federationId: TREE.village } });
      await createPerson(t.dataSource, { key: 'woman', home: TREE.village });
      await submitOne(t.baseUrl);
      // Another instance claimed it a minute ago and was killed before WeChat answered (the kill -9
      // test does this with real processes): it may be on her phone already.
      await t.dataSource.query("UPDATE outbox SET status = 'sending', claimed_at = ?, claimed_by = 'host-b#4242'", [new Date(clock.at.getTime() - 60_000)]);
      const delivered: Delivery[] = [];
      jest.spyOn(t.app.get<NotificationGateway>(NOTIFICATION_GATEWAY), 'deliver').mockImplementation(async (d) => {
        delivered.push(d);
      });
      const worker = t.app.get(OutboxWorker);
      expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0 });
      expect((await t.dataSource.query('SELECT status FROM outbox'))[0].status).toBe('sending');

      clock.at = new Date(clock.at.getTime() + SENDING_TIMEOUT_MS);
      expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0 });
      const [row] = await t.dataSource.query('SELECT status, last_error AS lastError, claimed_by AS claimedBy FROM outbox');
      expect(row).toEqual({ status: 'unknown', lastError: 'sending was interrupted; not sent again, it may have arrived', claimedBy: 'host-b#4242' });
      clock.at = new Date(clock.at.getTime() + 24 * 3600_000);
      expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0 });
      expect(delivered).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
