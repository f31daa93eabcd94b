import {
  ActivityCategory,
  ApiPaths,
  RoleKind,
  ServiceCategoryKey,
  SiteKind,
  SubscriptionKind,
  pathOf,
  type ActivityDetail,
  type AuthTokens,
  type NearestResponse,
  type RequestDetail,
  type SignupView,
} from '@wfh/shared';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../src/database/data-source';
import { seedCatalogue } from '../../src/database/seed/catalogue';
import { SWEEP_INTERVAL_MS } from '../../src/modules/requests/escalation.sweeper';
import { createPerson, createTree, TREE } from '../factories/bodies';
import { startFakeWechat, type FakeWechat } from '../support/fake-wechat';
import { assertBuildIsCurrent, startServerProcess, stopAllServerProcesses, waitUntil, type ServerProcess } from '../support/server-process';
import { makeHeldMessagesDue } from '../support/outbox-due';
import { TEST_DATABASE_URL } from '../support/services';
import { grantRemindersInBulk } from '../support/subscriptions';
import { call, resetData, TEST_WECHAT } from '../support/test-app';

/**
 * Two built server processes on one MariaDB and one Redis, each with its own timers, caches and
 * connections, as two replicas behind a load balancer: overdue requests escalate once, seats are not
 * oversold, and a change made through one shows in the other's nearest-places answers.
 */
const OVERDUE = 12;
const SIGNING_UP = 60;
const SEATS = 5;
const ESCALATED_TEXT = '有一条求助已转到您这里，请及时处理';
const MOVED_UP_TEXT = '您的求助已转到上级妇联继续办理';


describe('two server processes on one MariaDB and Redis', () => {
  let db: DataSource;
  let wechat: FakeWechat;
  let a: ServerProcess;
  let b: ServerProcess;
  const tokens = new Map<string, string>();
  let overdueIds: string[] = [];
  const through = (i: number) => (i % 2 === 0 ? a : b);

  /** People with WeChat openids, so each message they get is seen at the fake WeChat API. */
  const person = async (key: string, spec: Parameters<typeof createPerson>[1]) => {
    const user = await createPerson(db, spec);
    await db.query('UPDATE app_user SET openid = ? WHERE id = ?', [`openid-${key}`, user.id]);
    return user;
  };
  const signIn = async (key: string, server: ServerProcess) => {
    const reply = await call<AuthTokens>(server.baseUrl, 'POST', ApiPaths.authDev, { body: { personKey: key } });
    if (reply.status !== 200) throw new Error(`sign-in of ${key} through ${server.name}: ${reply.status}`);
    tokens.set(key, reply.body.accessToken);
  };
  const received = (openid: string) => wechat.sent.filter((m) => m.touser === openid).map((m) => m.data.thing1.value);

  beforeAll(async () => {
    assertBuildIsCurrent();
    db = createDataSource({ kind: 'mysql', url: TEST_DATABASE_URL });
    await db.initialize();
    await resetData(db);
    await seedCatalogue(db);
    await createTree(db);
    // The sibling village's body has a place on the map, so nearest answers name it.
    await db.query('UPDATE federation SET latitude = ?, longitude = ? WHERE id = ?', [42.1003, 123.5003, TREE.siblingVillage]);
    wechat = await startFakeWechat(TEST_WECHAT);
    // The places index is built at boot from the tree above; people are read per request, so they are
    // written while the servers boot.
    // Each allowed the reminders she will get, as her tap after sending, signing up or on the workbench would.
    const people = async () => {
      const allow = async (key: string, user: { id: string }, kind: SubscriptionKind, times: number) =>
        grantRemindersInBulk(db, wechat, [{ userId: user.id, openid: `openid-${key}` }], [kind], times);
      await allow('chair', await person('chair', { key: 'chair', role: { role: RoleKind.Chair, federationId: TREE.village } }), SubscriptionKind.NewRequest, OVERDUE);
      await allow('staff', await person('staff', { key: 'staff', role: { role: RoleKind.Staff, federationId: TREE.township } }), SubscriptionKind.Escalation, OVERDUE);
      await person('admin', { key: 'admin', role: { role: RoleKind.Admin, federationId: TREE.county } });
      for (let i = 0; i < OVERDUE; i++) {
        await allow(`asking-${i}`, await person(`asking-${i}`, { key: `asking-${i}`, home: TREE.village }), SubscriptionKind.RequestUpdate, 1);
      }
      for (let i = 0; i < SIGNING_UP; i++) {
        await allow(`joining-${i}`, await person(`joining-${i}`, { key: `joining-${i}`, home: TREE.village }), SubscriptionKind.SeatFreed, 1);
      }
    };
    [a, b] = await Promise.all([startServerProcess('A', { wechatUrl: wechat.url }), startServerProcess('B', { wechatUrl: wechat.url }), people()]);

    for (const [i, key] of ['chair', 'staff', 'admin'].entries()) await signIn(key, through(i));
    // The escalation sweepers tick every 30 s from each process's start: the overdue requests are
    // made here, so that tick comes while the other tests run.
    const submitted = await Promise.all(
      Array.from({ length: OVERDUE }, async (_, i) => {
        await signIn(`asking-${i}`, through(i));
        return call<RequestDetail>(through(i).baseUrl, 'POST', ApiPaths.requests, {
          token: tokens.get(`asking-${i}`),
          body: { categoryKey: ServiceCategoryKey.Hardship, description: `第${i}户看病困难`, answers: { difficulty: '看病困难' }, contact: { method: 'visit' }, federationId: TREE.village },
        });
      }),
    );
    expect(submitted.map((r) => r.status)).toEqual(submitted.map(() => 201));
    overdueIds = submitted.map((r) => r.body.id);
    // Nobody answered in time: the first-response deadline is already behind them.
    await db.query(`UPDATE service_request SET next_due_at = ? WHERE id IN (${overdueIds.map(() => '?').join(', ')})`, [new Date(Date.now() - 60_000), ...overdueIds]);
  });
  afterAll(async () => {
    await stopAllServerProcesses();
    await wechat?.close();
    await db?.destroy();
  });

  it(`sells exactly ${SEATS} seats to ${SIGNING_UP} women signing up at once through both, and promotes one on a cancellation`, async () => {
    const now = Date.now();
    const at = (hours: number) => new Date(now + hours * 3600_000).toISOString();
    const draft = await call<ActivityDetail>(a.baseUrl, 'POST', pathOf(ApiPaths.federationActivities, { id: TREE.village }), {
      token: tokens.get('chair'),
      body: {
        title: '免费两癌筛查',
        description: '县妇幼保健院医生到村里，为35至64岁妇女免费检查。',
        category: ActivityCategory.Screening,
        address: '懿路村村委会二楼',
        latitude: 42.2,
        longitude: 123.5,
        startsAt: at(96),
        endsAt: at(98),
        signupOpensAt: at(-1),
        signupClosesAt: at(72),
        capacity: SEATS,
      },
    });
    expect(draft.status).toBe(201);
    const id = draft.body.id;
    expect((await call(b.baseUrl, 'POST', pathOf(ApiPaths.activityPublish, { id }), { token: tokens.get('chair'), body: {} })).status).toBe(201);
    await Promise.all(Array.from({ length: SIGNING_UP }, (_, i) => signIn(`joining-${i}`, through(i))));

    const replies = await Promise.all(
      Array.from({ length: SIGNING_UP }, (_, i) =>
        call<SignupView>(through(i).baseUrl, 'POST', pathOf(ApiPaths.activitySignups, { id }), { token: tokens.get(`joining-${i}`), body: {} }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(replies.map(() => 201));
    const confirmed = replies.filter((r) => r.body.state === 'confirmed');
    expect(confirmed).toHaveLength(SEATS);
    expect(replies.filter((r) => r.body.state === 'waitlisted')).toHaveLength(SIGNING_UP - SEATS);
    // Both processes handed out seats and places on the list.
    expect(new Set(replies.map((r, i) => `${through(i).name}:${r.body.state}`)).size).toBeGreaterThanOrEqual(3);

    const counters = async () => {
      const rows: Array<{ state: string; n: number }> = await db.query('SELECT state, COUNT(*) AS n FROM activity_signup WHERE activity_id = ? GROUP BY state', [id]);
      const [activity] = await db.query('SELECT public_taken AS taken FROM activity WHERE id = ?', [id]);
      const count = (state: string) => Number(rows.find((r) => r.state === state)?.n ?? 0);
      // The waiting list's length as the app shows it, counted from its rows (joining it takes no lock on the activity's row).
      const seen = await call<ActivityDetail>(through(0).baseUrl, 'GET', pathOf(ApiPaths.activity, { id }), {});
      return { confirmed: count('confirmed'), waitlisted: count('waitlisted'), taken: Number(activity.taken), waiting: seen.body.waitlistLength };
    };
    expect(await counters()).toEqual({ confirmed: SEATS, waitlisted: SIGNING_UP - SEATS, taken: SEATS, waiting: SIGNING_UP - SEATS });

    // A confirmed woman gives her seat back through the other process; the first on the list moves up and is told once.
    const leaving = replies.indexOf(confirmed[0]!);
    const cancelled = await call<SignupView>(through(leaving + 1).baseUrl, 'POST', pathOf(ApiPaths.signupCancel, { id: confirmed[0]!.body.id }), {
      token: tokens.get(`joining-${leaving}`),
    });
    expect(cancelled.status).toBe(201);
    expect(await counters()).toEqual({ confirmed: SEATS, waitlisted: SIGNING_UP - SEATS - 1, taken: SEATS, waiting: SIGNING_UP - SEATS - 1 });
    const first = replies.findIndex((r) => r.body.waitlistPosition === 1);
    const [promoted] = await db.query('SELECT state FROM activity_signup WHERE id = ?', [replies[first]!.body.id]);
    expect(promoted.state).toBe('confirmed');
    await waitUntil('the promotion message at WeChat', 20_000, async () => {
      await makeHeldMessagesDue(db, ['activity.reminder']);
      return received(`openid-joining-${first}`).length > 0;
    });
    expect(received(`openid-joining-${first}`)).toEqual(['候补成功：「免费两癌筛查」有位置了']);
  });

  it('shows a change made through one process in the other\'s nearest answers within a couple of seconds', async () => {
    const nearestThrough = async (server: ServerProcess) =>
      (await call<NearestResponse>(server.baseUrl, 'GET', `${ApiPaths.nearest}?latitude=42.1&longitude=123.5`)).body.items.map((p) => p.name);
    const shown = (server: ServerProcess, name: string, expected: boolean) =>
      waitUntil(`${name} ${expected ? 'shown' : 'gone'} through ${server.name}`, 2_000, async () => (await nearestThrough(server)).includes(name) === expected, 20);

    const site = await call(a.baseUrl, 'POST', pathOf(ApiPaths.federationSites, { id: TREE.village }), {
      token: tokens.get('chair'),
      body: { kind: SiteKind.WomensMicroHome, name: '懿路村第三妇女微家', address: '懿路村三组', latitude: 42.1001, longitude: 123.5001, openingHours: [], services: [ServiceCategoryKey.Counselling] },
    });
    expect(site.status).toBe(201);
    await shown(b, '懿路村第三妇女微家', true);

    const body = '东孤家子村妇联';
    await shown(a, body, true);
    const off = await call(b.baseUrl, 'PUT', pathOf(ApiPaths.federationActive, { id: TREE.siblingVillage }), { token: tokens.get('admin'), body: { active: false } });
    expect(off.status).toBe(204);
    await shown(a, body, false);
    const on = await call(a.baseUrl, 'PUT', pathOf(ApiPaths.federationActive, { id: TREE.siblingVillage }), { token: tokens.get('admin'), body: { active: true } });
    expect(on.status).toBe(204);
    await shown(b, body, true);
  });

  it('escalates each overdue request exactly once with both sweepers running, and tells each person once', async () => {
    // Both processes' sweepers come round within one interval of their start.
    const escalated = await waitUntil('the overdue requests escalated', SWEEP_INTERVAL_MS + 15_000, async () => {
      const rows: Array<{ id: string; escalations: number; state: string; federation: string }> = await db.query(
        `SELECT id, escalations, state, federation_id AS federation FROM service_request WHERE id IN (${overdueIds.map(() => '?').join(', ')})`,
        overdueIds,
      );
      return rows.every((r) => Number(r.escalations) >= 1) ? rows : null;
    }, 250);
    expect(escalated.map((r) => ({ escalations: Number(r.escalations), state: r.state, federation: r.federation }))).toEqual(
      overdueIds.map(() => ({ escalations: 1, state: 'escalated', federation: TREE.township })),
    );

    // The township's staff and each woman are told, each message once; the chair had one per request.
    await waitUntil('every message delivered', 20_000, async () => {
      await makeHeldMessagesDue(db, ['activity.reminder']);
      const [{ open }] = await db.query("SELECT COUNT(*) AS open FROM outbox WHERE status NOT IN ('sent', 'failed', 'unknown') AND topic LIKE 'request.%'");
      return Number(open) === 0;
    }, 250);
    const events: Array<{ request: string; n: number }> = await db.query(
      `SELECT request_id AS request, COUNT(*) AS n FROM request_event WHERE action = 'escalate' GROUP BY request_id`,
    );
    expect(events.map((e) => [e.request, Number(e.n)]).sort()).toEqual(overdueIds.map((id) => [id, 1]).sort());
    const [{ escalationMessages }] = await db.query("SELECT COUNT(*) AS escalationMessages FROM outbox WHERE topic IN ('request.escalated', 'request.moved_up') AND status = 'sent'");
    expect(Number(escalationMessages)).toBe(2 * OVERDUE);
    expect(received('openid-staff')).toEqual(overdueIds.map(() => ESCALATED_TEXT));
    for (let i = 0; i < OVERDUE; i++) expect(received(`openid-asking-${i}`)).toEqual([MOVED_UP_TEXT]);
    expect(received('openid-chair')).toEqual(overdueIds.map(() => '有一条新的求助需要您受理'));

    const inbox = await call<Array<{ id: string }>>(b.baseUrl, 'GET', pathOf(ApiPaths.inbox, { id: TREE.township }), { token: tokens.get('staff') });
    expect(inbox.body.map((r) => r.id).sort()).toEqual([...overdueIds].sort());
  });
});
