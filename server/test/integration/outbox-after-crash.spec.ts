import { ApiPaths, RoleKind, ServiceCategoryKey } from '@wfh/shared';
import { NOTIFICATION_GATEWAY, OutboxWorker, type Delivery, type NotificationGateway } from '../../src/modules/notifications/outbox.worker';
import { createPerson, createTree, TREE } from '../factories/bodies';
import { signInAs } from '../support/api-expect';
import { call, startTestApp } from '../support/test-app';

/** 10:00 in Asia/Shanghai, outside the quiet hours. */
const MORNING = { now: () => new Date('2026-12-01T02:00:00Z') };

describe('a crash between commit and delivery', () => {
  it('loses no notification: the next instance delivers what the first one committed', async () => {
    const first = await startTestApp({}, { clock: MORNING });
    await first.reset();
    await createTree(first.dataSource);
    await createPerson(first.dataSource, { key: 'chair', role: { role: RoleKind.Chair, federationId: TREE.village } });
    await createPerson(first.dataSource, { key: 'woman', home: TREE.village });
    const { accessToken } = await signInAs(first.baseUrl, 'woman');
    const submitted = await call(first.baseUrl, 'POST', ApiPaths.requests, {
      token: accessToken,
      body: { categoryKey: ServiceCategoryKey.Hardship, description: '需要帮助', answers: { difficulty: '住房' }, contact: { method: 'wechat' }, federationId: TREE.village },
    });
    expect(submitted.status).toBe(201);
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
});
