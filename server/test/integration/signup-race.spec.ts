import { createPool } from 'mysql2/promise';
import { ActivityCategory, ApiPaths, RoleKind, pathOf, type ActivityDetail, type AttendeeList, type SignupView } from '@wfh/shared';
import { unguardedSignUp } from '../../bench/signup.bench';
import { createPerson, createTree, TREE } from '../factories/bodies';
import { signInAs } from '../support/api-expect';
import { TEST_DATABASE_URL } from '../support/services';
import { call, startTestApp, type ApiReply, type TestApp } from '../support/test-app';

/**
 * Two server instances on one MariaDB and Redis, 200 different women signing up for five seats at the
 * same moment, half on each instance: the conditional UPDATE on the activity row is all that stands
 * between them and a sixth seat. Beside it, the naive read-then-write the guard replaces (kept in the
 * benchmark, never in src/) oversells under the same burst, which is what makes the first test mean
 * something.
 */
const WOMEN = 200;
const SEATS = 5;

/** Tuesday 1 December 2026, 10:00 in Asia/Shanghai; the activity is on Saturday. */
const clock = { at: new Date('2026-12-01T02:00:00Z'), now() { return this.at; } };

const screening = (title: string) => ({
  title,
  description: '县妇幼保健院医生到村里，为35至64岁妇女免费检查。',
  category: ActivityCategory.Screening,
  address: '懿路村村委会二楼',
  latitude: 42.2,
  longitude: 123.5,
  startsAt: '2026-12-05T01:00:00.000Z',
  endsAt: '2026-12-05T03:00:00.000Z',
  signupOpensAt: '2026-12-01T00:00:00.000Z',
  signupClosesAt: '2026-12-04T10:00:00.000Z',
  capacity: SEATS,
});

interface Woman {
  userId: string;
  token: string;
}

describe('sign-up burst across two instances', () => {
  let a: TestApp;
  let b: TestApp;
  let chairToken: string;
  let women: Woman[];

  beforeAll(async () => {
    [a, b] = await Promise.all([startTestApp({}, { clock }), startTestApp({}, { clock })]);
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
  });
  beforeEach(async () => {
    await a.reset();
    await createTree(a.dataSource);
    await createPerson(a.dataSource, { key: 'chair', role: { role: RoleKind.Chair, federationId: TREE.village } });
    chairToken = (await signInAs(a.baseUrl, 'chair')).accessToken;
    const users = [];
    for (let i = 0; i < WOMEN; i++) users.push(await createPerson(a.dataSource, { key: `woman-${i}`, home: TREE.village }));
    women = [];
    for (let from = 0; from < WOMEN; from += 25) {
      const batch = users.slice(from, from + 25);
      const tokens = await Promise.all(batch.map((u, i) => signInAs((from + i) % 2 === 0 ? a.baseUrl : b.baseUrl, u.demoKey!)));
      batch.forEach((u, i) => women.push({ userId: u.id, token: tokens[i]!.accessToken }));
    }
  });

  async function publishedActivity(title: string): Promise<string> {
    const draft = await call<ActivityDetail>(a.baseUrl, 'POST', pathOf(ApiPaths.federationActivities, { id: TREE.village }), {
      token: chairToken,
      body: screening(title),
    });
    expect(draft.status).toBe(201);
    expect((await call(a.baseUrl, 'POST', pathOf(ApiPaths.activityPublish, { id: draft.body.id }), { token: chairToken, body: {} })).status).toBe(201);
    return draft.body.id;
  }

  async function rowsOf(activityId: string) {
    const signups: Array<{ id: string; owner_user_id: string; state: string; seq: number; promoted_at: Date | null }> = await a.dataSource.query(
      'SELECT id, owner_user_id, state, seq, promoted_at FROM activity_signup WHERE activity_id = ? ORDER BY seq',
      [activityId],
    );
    const [activity] = await a.dataSource.query('SELECT public_taken, signup_seq FROM activity WHERE id = ?', [activityId]);
    // The waiting list's length is counted from its rows (joining it takes no lock on the activity's row): as everyone reads it.
    const seen = await call<ActivityDetail>(b.baseUrl, 'GET', pathOf(ApiPaths.activity, { id: activityId }), { token: chairToken });
    return {
      signups,
      confirmed: signups.filter((s) => s.state === 'confirmed'),
      waitlisted: signups.filter((s) => s.state === 'waitlisted'),
      publicTaken: Number(activity.public_taken),
      waitlistLength: seen.body.waitlistLength,
      signupSeq: Number(activity.signup_seq),
    };
  }

  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const instanceOf = (i: number) => (i % 2 === 0 ? a : b);

  it('confirms exactly the capacity, numbers the waiting list once each, and promotes the first waiting woman on a cancellation', async () => {
    const id = await publishedActivity('免费两癌筛查');
    const signupsPath = pathOf(ApiPaths.activitySignups, { id });

    const replies: Array<ApiReply<SignupView>> = await Promise.all(
      women.map((w, i) => call<SignupView>(instanceOf(i).baseUrl, 'POST', signupsPath, { token: w.token, body: {} })),
    );
    expect(replies.map((r) => r.status)).toEqual(women.map(() => 201));
    const views = replies.map((r) => r.body);
    const confirmedViews = views.filter((v) => v.state === 'confirmed');
    const waitlistedViews = views.filter((v) => v.state === 'waitlisted');
    expect(confirmedViews).toHaveLength(SEATS);
    expect(waitlistedViews).toHaveLength(WOMEN - SEATS);
    expect(confirmedViews.every((v) => v.waitlistPosition === null && v.checkInToken !== null)).toBe(true);
    expect(waitlistedViews.map((v) => v.waitlistPosition).sort((x, y) => x! - y!)).toEqual(range(1, WOMEN - SEATS));

    // The rows and the counters tell the same story: seats numbered 1 to 5 went to the first five to
    // hold the row lock; the women waiting hold tickets, each once, and their places follow the tickets.
    const before = await rowsOf(id);
    expect(before.confirmed.map((s) => s.seq)).toEqual(range(1, SEATS));
    expect(new Set(before.waitlisted.map((s) => s.seq)).size).toBe(WOMEN - SEATS);
    expect({ publicTaken: before.publicTaken, waitlistLength: before.waitlistLength, signupSeq: before.signupSeq }).toEqual({
      publicTaken: SEATS,
      waitlistLength: WOMEN - SEATS,
      signupSeq: SEATS,
    });
    const positionOf = new Map(waitlistedViews.map((v) => [v.id, v.waitlistPosition!]));
    before.waitlisted.forEach((row, i) => expect(positionOf.get(row.id)).toBe(i + 1));

    const list = await call<AttendeeList>(b.baseUrl, 'GET', pathOf(ApiPaths.activityAttendees, { id }), { token: chairToken });
    expect(list.body.confirmed).toHaveLength(SEATS);
    expect(list.body.waitlisted.map((w) => w.waitlistPosition)).toEqual(range(1, WOMEN - SEATS));

    // A confirmed woman (signed up on either instance) gives her seat back on instance B.
    const leaving = confirmedViews[0]!;
    const leavingWoman = women[views.indexOf(leaving)]!;
    const cancelled = await call<SignupView>(b.baseUrl, 'POST', pathOf(ApiPaths.signupCancel, { id: leaving.id }), { token: leavingWoman.token });
    expect(cancelled.status).toBe(201);
    expect(cancelled.body.state).toBe('cancelled');

    // By the time her cancellation has answered, the first woman waiting holds the seat and has been
    // told: the promotion and its message were committed with the cancellation.
    const first = waitlistedViews.find((v) => v.waitlistPosition === 1)!;
    const firstWoman = women[views.indexOf(first)]!;
    const after = await rowsOf(id);
    expect(after.confirmed.map((s) => s.id).sort()).toEqual([...confirmedViews.filter((v) => v !== leaving).map((v) => v.id), first.id].sort());
    expect(after.confirmed.find((s) => s.id === first.id)!.promoted_at).not.toBeNull();
    expect({ publicTaken: after.publicTaken, waitlistLength: after.waitlistLength }).toEqual({ publicTaken: SEATS, waitlistLength: WOMEN - SEATS - 1 });
    const promoted: Array<{ recipient_user_id: string; dedupe_key: string }> = await a.dataSource.query(
      "SELECT recipient_user_id, dedupe_key FROM outbox WHERE topic = 'activity.promoted'",
    );
    expect(promoted).toEqual([{ recipient_user_id: firstWoman.userId, dedupe_key: `act:${id}:p:${first.id}` }]);
    const [{ reminders }] = await a.dataSource.query(
      "SELECT COUNT(*) AS reminders FROM outbox WHERE topic = 'activity.reminder' AND status = 'pending' AND recipient_user_id = ?",
      [firstWoman.userId],
    );
    expect(Number(reminders)).toBeGreaterThan(0);

    // Everyone behind her moved up one place, as the chair sees it and as each woman sees it herself.
    const moved = await call<AttendeeList>(a.baseUrl, 'GET', pathOf(ApiPaths.activityAttendees, { id }), { token: chairToken });
    expect(moved.body.waitlisted).toHaveLength(WOMEN - SEATS - 1);
    for (const w of moved.body.waitlisted) expect(w.waitlistPosition).toBe(positionOf.get(w.signupId)! - 1);
    const stillWaiting = waitlistedViews.filter((v) => v !== first);
    const ownViews = await Promise.all(
      stillWaiting.map((v, i) => call<ActivityDetail>(instanceOf(i).baseUrl, 'GET', pathOf(ApiPaths.activity, { id }), { token: women[views.indexOf(v)]!.token })),
    );
    ownViews.forEach((reply, i) => {
      expect(reply.body.mySignups.map((s) => s.waitlistPosition)).toEqual([stillWaiting[i]!.waitlistPosition! - 1]);
    });
    const mine = await call<ActivityDetail>(a.baseUrl, 'GET', pathOf(ApiPaths.activity, { id }), { token: firstWoman.token });
    expect(mine.body.mySignups.map((s) => s.state)).toEqual(['confirmed']);

    // Two more seats given back at the same moment, one on each instance: the next two women waiting
    // are let in, each once.
    const [second, third] = after.confirmed.filter((s) => s.id !== first.id);
    const ownerToken = (userId: string) => women.find((w) => w.userId === userId)!.token;
    const together = await Promise.all([
      call(a.baseUrl, 'POST', pathOf(ApiPaths.signupCancel, { id: second!.id }), { token: ownerToken(second!.owner_user_id) }),
      call(b.baseUrl, 'POST', pathOf(ApiPaths.signupCancel, { id: third!.id }), { token: ownerToken(third!.owner_user_id) }),
    ]);
    expect(together.map((r) => r.status)).toEqual([201, 201]);
    const last = await rowsOf(id);
    const letIn = waitlistedViews.filter((v) => v.waitlistPosition === 2 || v.waitlistPosition === 3).map((v) => v.id);
    expect(last.confirmed.filter((s) => s.promoted_at !== null).map((s) => s.id).sort()).toEqual([first.id, ...letIn].sort());
    expect({ confirmed: last.confirmed.length, publicTaken: last.publicTaken, waitlisted: last.waitlisted.length, waitlistLength: last.waitlistLength }).toEqual({
      confirmed: SEATS,
      publicTaken: SEATS,
      waitlisted: WOMEN - SEATS - 3,
      waitlistLength: WOMEN - SEATS - 3,
    });
    const [{ messages }] = await a.dataSource.query("SELECT COUNT(*) AS messages FROM outbox WHERE topic = 'activity.promoted'");
    expect(Number(messages)).toBe(3);
  });

  it('never leaves a woman waiting beside a free seat when seats are given back during a burst of sign-ups', async () => {
    // Joining the waiting list takes no lock on the activity's row, so a cancellation's promotion may
    // not see a woman whose place is being written; after both commit, one of them sees the other
    // and promotes. Whatever the interleaving, no seat may stay free while anyone waits.
    const id = await publishedActivity('免费两癌筛查（退号）');
    const signupsPath = pathOf(ApiPaths.activitySignups, { id });
    const seated: SignupView[] = [];
    for (let i = 0; i < SEATS; i++) seated.push((await call<SignupView>(a.baseUrl, 'POST', signupsPath, { token: women[i]!.token, body: {} })).body);
    expect(seated.map((v) => v.state)).toEqual(seated.map(() => 'confirmed'));

    const joining = women.slice(SEATS, SEATS + 100);
    const replies = await Promise.all([
      ...seated.map((v, i) => call<SignupView>(instanceOf(i).baseUrl, 'POST', pathOf(ApiPaths.signupCancel, { id: v.id }), { token: women[i]!.token })),
      ...joining.map((w, i) => call<SignupView>(instanceOf(i + 1).baseUrl, 'POST', signupsPath, { token: w.token, body: {} })),
    ]);
    expect(replies.map((r) => r.status)).toEqual(replies.map(() => 201));

    const after = await rowsOf(id);
    expect({ confirmed: after.confirmed.length, publicTaken: after.publicTaken, waitlisted: after.waitlisted.length, waitlistLength: after.waitlistLength }).toEqual({
      confirmed: SEATS,
      publicTaken: SEATS,
      waitlisted: joining.length - SEATS,
      waitlistLength: joining.length - SEATS,
    });
    // Seat numbers and check-in codes are never handed out twice, promotions included.
    expect(new Set(after.confirmed.map((s) => s.seq)).size).toBe(SEATS);
    const list = await call<AttendeeList>(b.baseUrl, 'GET', pathOf(ApiPaths.activityAttendees, { id }), { token: chairToken });
    expect(list.body.waitlisted.map((w) => w.waitlistPosition)).toEqual(range(1, joining.length - SEATS));
  });

  it('the unguarded read-then-write path oversells the same burst (the race the guard closes)', async () => {
    const id = await publishedActivity('免费两癌筛查（对照）');
    const uri = TEST_DATABASE_URL.replace(/^mariadb:/, 'mysql:');
    // One pool per "instance", as large as a server's own.
    const pools = [createPool({ uri, connectionLimit: 20, timezone: 'Z' }), createPool({ uri, connectionLimit: 20, timezone: 'Z' })];
    try {
      await Promise.all(women.map((w, i) => unguardedSignUp(pools[i % 2]!, id, w.userId, i)));
    } finally {
      await Promise.all(pools.map((p) => p.end()));
    }
    const rows = await rowsOf(id);
    expect(rows.confirmed.length).toBeGreaterThan(SEATS);
    // And the counter lost updates: it no longer agrees with the rows.
    expect(rows.publicTaken).toBeLessThan(rows.confirmed.length);
  });
});
