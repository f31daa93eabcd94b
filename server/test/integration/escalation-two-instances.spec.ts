import { ApiPaths, RequestState, RoleKind, ServiceCategoryKey, pathOf, type RequestDetail } from '@wfh/shared';
import { EscalationSweeper } from '../../src/modules/requests/escalation.sweeper';
import { RequestsService } from '../../src/modules/requests/requests.service';
import { createPerson, createTree, TREE } from '../factories/bodies';
import { signInAs } from '../support/api-expect';
import { call, startTestApp, type TestApp } from '../support/test-app';

/** Two server instances on one MariaDB and Redis, both sweeping at the same moment. */
describe('escalation across two instances', () => {
  const clock = { at: new Date('2026-12-01T01:00:00Z'), now() { return this.at; } };
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    [a, b] = await Promise.all([startTestApp({}, { clock }), startTestApp({}, { clock })]);
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
  });

  it('escalates each overdue request exactly once, whichever instance sweeps', async () => {
    await a.reset();
    await createTree(a.dataSource);
    await createPerson(a.dataSource, { key: 'chair', role: { role: RoleKind.Chair, federationId: TREE.village } });
    await createPerson(a.dataSource, { key: 'staff', role: { role: RoleKind.Staff, federationId: TREE.township } });
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      await createPerson(a.dataSource, { key: `woman-${i}`, home: TREE.village });
      const { accessToken } = await signInAs(a.baseUrl, `woman-${i}`);
      const reply = await call<RequestDetail>(a.baseUrl, 'POST', ApiPaths.requests, {
        token: accessToken,
        body: {
          categoryKey: ServiceCategoryKey.Hardship,
          description: `第${i}户家里困难`,
          answers: { difficulty: '生活困难' },
          contact: { method: 'visit' },
          federationId: TREE.village,
        },
      });
      expect(reply.status).toBe(201);
      ids.push(reply.body.id);
    }
    clock.at = new Date('2026-12-03T01:00:00Z');

    // The lease lets one sweeper in; the bare sweeps below race on the rows themselves.
    const leased = await Promise.all([a.app.get(EscalationSweeper).runOnce(), b.app.get(EscalationSweeper).runOnce()]);
    expect(leased.filter((r) => r === null)).toHaveLength(1);
    await a.dataSource.query("UPDATE service_request SET next_due_at = ?, state = 'submitted', federation_id = ?", [new Date('2026-12-02T00:00:00Z'), TREE.village]);
    const raced = await Promise.all([a.app.get(RequestsService).sweep(), b.app.get(RequestsService).sweep()]);
    expect(raced[0].escalated + raced[1].escalated).toBe(20);

    const [{ events }] = await a.dataSource.query("SELECT COUNT(*) AS events FROM request_event WHERE action = 'escalate'");
    expect(Number(events)).toBe(40);
    for (const id of ids) {
      const rows = await a.dataSource.query("SELECT COUNT(*) AS n FROM request_event WHERE request_id = ? AND action = 'escalate'", [id]);
      expect(Number(rows[0].n)).toBe(2);
    }
    const { accessToken } = await signInAs(b.baseUrl, 'staff');
    const inbox = await call(b.baseUrl, 'GET', pathOf(ApiPaths.inbox, { id: TREE.township }), { token: accessToken });
    expect(inbox.body).toHaveLength(20);
    expect(new Set(inbox.body.map((r: { state: RequestState }) => r.state))).toEqual(new Set([RequestState.Escalated]));
  });
});
