import {
  ActivityCategory,
  ApiPaths,
  ErrorCode,
  RoleKind,
  pathOf,
  type ActivityDetail,
  type ActivitySummary,
  type AttendeeList,
  type CheckInResult,
  type CheckInUndone,
  type ErrorResponse,
  type MeResponse,
  type MySignup,
  type SignupView,
} from '@wfh/shared';
import { OutboxEntity } from '../../src/modules/notifications/outbox.entity';
import { AuditLogEntity } from '../../src/modules/audit/audit-log.entity';
import { TREE } from '../factories/bodies';
import { CHINESE, expectApiError, expectFieldErrors } from '../support/api-expect';
import { call, type ApiReply } from '../support/test-app';
import { useTreeApp } from '../support/tree-app';

/** Tuesday 1 December 2026, 10:00 in Asia/Shanghai. */
const START = new Date('2026-12-01T02:00:00Z');
const at = (iso: string) => new Date(iso);

/** Saturday 5 December, 09:00–11:00 Shanghai; sign-up from now until Friday 18:00. */
const screening = (overrides: Record<string, unknown> = {}) => ({
  title: '免费两癌筛查',
  description: '县妇幼保健院医生到村里，为35至64岁妇女免费检查。',
  category: ActivityCategory.Screening,
  address: '懿路村村委会二楼',
  latitude: 42.2,
  longitude: 123.5,
  startsAt: '2026-12-05T01:00:00.000Z',
  endsAt: '2026-12-05T03:00:00.000Z',
  signupOpensAt: '2026-12-01T02:00:00.000Z',
  signupClosesAt: '2026-12-04T10:00:00.000Z',
  capacity: 2,
  ...overrides,
});

describe('activities over HTTP', () => {
  const { clock, token, app, api } = useTreeApp(START, [
    ['anna', { key: 'anna', displayName: '张桂英', home: TREE.village }],
    ['bea', { key: 'bea', displayName: '李秀兰', home: TREE.village }],
    ['cai', { key: 'cai', displayName: '王凤芝', home: TREE.village }],
    ['dora', { key: 'dora', displayName: '赵淑珍', home: TREE.siblingVillage }],
    ['chair', { key: 'chair', role: { role: RoleKind.Chair, federationId: TREE.village } }],
    ['siblingChair', { key: 'siblingChair', role: { role: RoleKind.Chair, federationId: TREE.siblingVillage } }],
    ['staff', { key: 'staff', role: { role: RoleKind.Staff, federationId: TREE.township } }],
    ['otherStaff', { key: 'otherStaff', role: { role: RoleKind.Staff, federationId: TREE.otherTownship } }],
  ]);

  const create = (who: string, body: unknown, federationId: string = TREE.village) =>
    api<ActivityDetail>(who, 'POST', pathOf(ApiPaths.federationActivities, { id: federationId }), body);
  const publish = (who: string, id: string) => api<ActivityDetail>(who, 'POST', pathOf(ApiPaths.activityPublish, { id }));
  const signUp = (who: string, id: string, body: unknown = {}) => api<SignupView>(who, 'POST', pathOf(ApiPaths.activitySignups, { id }), body);
  const cancelSeat = (who: string, id: string) => api<SignupView>(who, 'POST', pathOf(ApiPaths.signupCancel, { id }));
  const detail = (who: string | null, id: string) => api<ActivityDetail>(who, 'GET', pathOf(ApiPaths.activity, { id }));
  const attendees = (who: string, id: string) => api<AttendeeList>(who, 'GET', pathOf(ApiPaths.activityAttendees, { id }));
  const checkIn = (who: string, id: string, code: string) => api<CheckInResult>(who, 'POST', pathOf(ApiPaths.activityCheckIns, { id }), { code });
  const undoCheckIn = (who: string | null, id: string, signupId: string) =>
    api<CheckInUndone>(who, 'DELETE', pathOf(ApiPaths.activityCheckIn, { id, signupId }));
  const published = async (overrides: Record<string, unknown> = {}) => {
    const draft = await create('chair', screening(overrides));
    expect(draft.status).toBe(201);
    expect((await publish('chair', draft.body.id)).status).toBe(201);
    return draft.body.id;
  };
  const outbox = (topic: string) => app().dataSource.getRepository(OutboxEntity).find({ where: { topic }, order: { deliverAfter: 'ASC' } });
  /** For errors whose message names the case (a time, a woman): the code, and a Chinese sentence. */
  const expectCode = (reply: ApiReply, status: number, code: ErrorCode): ErrorResponse => {
    const body = reply.body as ErrorResponse;
    expect({ status: reply.status, code: body.code }).toEqual({ status, code });
    expect(body.message).toMatch(CHINESE);
    return body;
  };

  it('keeps a draft to its body until published, then women find it by village and by distance with seats left', async () => {
    const draft = await create('chair', screening({ capacity: 30, reservedSeats: 5 }));
    expect(draft.body).toMatchObject({ status: 'draft', federationName: '懿路村妇联', seatsLeft: 0, canManage: true });
    expectApiError(await detail('anna', draft.body.id), 404, ErrorCode.ActivityNotFound);
    expectApiError(await detail(null, draft.body.id), 404, ErrorCode.ActivityNotFound);
    expectApiError(await signUp('anna', draft.body.id), 404, ErrorCode.ActivityNotFound);

    await publish('chair', draft.body.id);
    const mine = await detail('anna', draft.body.id);
    expect(mine.body).toMatchObject({ status: 'published', signupWindow: 'open', seatsLeft: 25, waitlistLength: 0, canManage: false, mySignups: [] });

    const byVillage = await api<ActivitySummary[]>(null, 'GET', `${ApiPaths.activities}?federationId=${TREE.village}`);
    expect(byVillage.body.map((a) => a.id)).toEqual([draft.body.id]);
    const nearby = await api<ActivitySummary[]>(null, 'GET', `${ApiPaths.activities}?latitude=42.21&longitude=123.5`);
    expect(nearby.body).toHaveLength(1);
    expect(nearby.body[0]!.distanceMetres).toBeGreaterThan(1000);
    expect(nearby.body[0]!.distanceMetres).toBeLessThan(1200);
    const farAway = await api<ActivitySummary[]>(null, 'GET', `${ApiPaths.activities}?latitude=39.9&longitude=116.4`);
    expect(farAway.body).toEqual([]);
    const otherCategory = await api<ActivitySummary[]>(null, 'GET', `${ApiPaths.activities}?federationId=${TREE.village}&category=${ActivityCategory.LegalTalk}`);
    expect(otherCategory.body).toEqual([]);
    // A township's activity reaches its villages; a sibling village's does not.
    const township = await create('staff', screening({ title: '镇里的法律讲座', category: ActivityCategory.LegalTalk }), TREE.township);
    await publish('staff', township.body.id);
    const sibling = await create('siblingChair', screening({ title: '东孤家子村的活动' }), TREE.siblingVillage);
    await publish('siblingChair', sibling.body.id);
    const hers = await api<ActivitySummary[]>(null, 'GET', `${ApiPaths.activities}?federationId=${TREE.village}`);
    expect(hers.body.map((a) => a.title).sort()).toEqual(['免费两癌筛查', '镇里的法律讲座']);
  });

  it('confirms first come first served, then waitlists with positions, and refuses a second sign-up of the same woman', async () => {
    const id = await published();
    expect((await signUp('anna', id)).body).toMatchObject({ state: 'confirmed', waitlistPosition: null, attendeeName: '本人' });
    expect((await signUp('bea', id)).body.state).toBe('confirmed');
    const third = await signUp('cai', id);
    expect(third.body).toMatchObject({ state: 'waitlisted', waitlistPosition: 1, checkInToken: null });
    expect((await signUp('dora', id)).body).toMatchObject({ state: 'waitlisted', waitlistPosition: 2 });
    expectApiError(await signUp('anna', id), 409, ErrorCode.AlreadySignedUp);

    const seen = await detail(null, id);
    expect(seen.body).toMatchObject({ seatsLeft: 0, waitlistLength: 2, confirmedCount: 2 });
    const list = await attendees('chair', id);
    expect(list.body.confirmed.map((a) => a.name)).toEqual(['张桂英', '李秀兰']);
    expect(list.body.waitlisted.map((a) => [a.name, a.waitlistPosition])).toEqual([['王凤芝', 1], ['赵淑珍', 2]]);
  });

  it('lets the first woman waiting in when a seat is given back, tells her, and withdraws the reminders of the seat given up', async () => {
    const id = await published();
    const annaSeat = (await signUp('anna', id)).body;
    await signUp('bea', id);
    const caiWait = (await signUp('cai', id)).body;
    const doraWait = (await signUp('dora', id)).body;
    expect((await outbox('activity.reminder')).filter((m) => m.dedupeKey.includes(annaSeat.id))).toHaveLength(2);

    const given = await cancelSeat('anna', annaSeat.id);
    expect(given.body.state).toBe('cancelled');
    const mine = await api<MySignup[]>('cai', 'GET', ApiPaths.mySignups);
    expect(mine.body.find((s) => s.id === caiWait.id)).toMatchObject({ state: 'confirmed', shortCode: expect.stringMatching(/^\d{6}$/) });
    const dora = await api<MySignup[]>('dora', 'GET', ApiPaths.mySignups);
    expect(dora.body[0]).toMatchObject({ id: doraWait.id, state: 'waitlisted', waitlistPosition: 1 });

    const promoted = await outbox('activity.promoted');
    expect(promoted.map((m) => m.payload.title)).toEqual(['免费两癌筛查']);
    const annaReminders = (await outbox('activity.reminder')).filter((m) => m.dedupeKey.includes(annaSeat.id));
    expect(annaReminders.map((m) => m.status)).toEqual(['withdrawn', 'withdrawn']);
    expect((await outbox('activity.reminder')).filter((m) => m.dedupeKey.includes(caiWait.id) && m.status === 'pending')).toHaveLength(2);

    // Leaving the waiting list frees nothing but her place; the seat counts stay right.
    await cancelSeat('dora', doraWait.id);
    expect((await detail(null, id)).body).toMatchObject({ seatsLeft: 0, waitlistLength: 0, confirmedCount: 2 });
    expectApiError(await cancelSeat('dora', doraWait.id), 409, ErrorCode.SignupAlreadyCancelled);
    expectApiError(await cancelSeat('bea', caiWait.id), 404, ErrorCode.SignupNotFound);
    // She may sign up again after giving her place back.
    expect((await signUp('anna', id)).body).toMatchObject({ state: 'waitlisted', waitlistPosition: 1 });
  });

  it('reminds the day before and two hours before, never between 22:00 and 07:00', async () => {
    // Starts Saturday 07:30 Shanghai: a day before is Friday 07:30, two hours before would be 05:30.
    const id = await published({ startsAt: '2026-12-04T23:30:00.000Z', endsAt: '2026-12-05T01:00:00.000Z', signupClosesAt: '2026-12-04T10:00:00.000Z' });
    await signUp('anna', id);
    const times = (await outbox('activity.reminder')).map((m) => m.deliverAfter.toISOString());
    expect(times).toEqual(['2026-12-03T23:30:00.000Z', '2026-12-04T23:00:00.000Z']);
    for (const m of await outbox('activity.reminder')) {
      const hour = (m.deliverAfter.getUTCHours() + 8) % 24;
      expect(hour >= 7 && hour < 22).toBe(true);
    }
  });

  it('signs up a relative when allowed, each taking a seat, at most three per woman', async () => {
    const closed = await published({ title: '只限本人' });
    expectApiError(await signUp('anna', closed, { attendee: { name: '刘奶奶', phone: '13900000000' } }), 422, ErrorCode.RelativesNotAllowed);

    const id = await published({ capacity: 10, relativesAllowed: true });
    await signUp('anna', id);
    const mother = await signUp('anna', id, { attendee: { name: '刘奶奶', phone: '139 0000 0000' } });
    expect(mother.body).toMatchObject({ kind: 'relative', attendeeName: '刘奶奶', state: 'confirmed' });
    expectApiError(await signUp('bea', id, { attendee: { name: '刘奶奶', phone: '13900000000' } }), 409, ErrorCode.AlreadySignedUp);
    await signUp('anna', id, { attendee: { name: '孙阿姨', phone: '13900000001' } });
    expectApiError(await signUp('anna', id, { attendee: { name: '周大娘', phone: '13900000002' } }), 409, ErrorCode.SeatsPerWomanExceeded);
    // Several at once cannot slip past the limit either: the count is taken under the row lock.
    await cancelSeat('anna', mother.body.id);
    const burst = await Promise.all(['13900000003', '13900000004', '13900000005'].map((phone, i) => signUp('anna', id, { attendee: { name: `邻居${i}`, phone } })));
    expect(burst.filter((r) => r.status === 201)).toHaveLength(1);
    expect((await detail(null, id)).body.seatsLeft).toBe(7);
    const list = await attendees('chair', id);
    expect(list.body.confirmed.find((a) => a.name === '孙阿姨')!.phone).toBe('139****0001');
  });

  it('opens sign-up at its opening instant and closes it at its closing instant', async () => {
    const id = await published({ signupOpensAt: '2026-12-02T01:00:00.000Z' });
    clock.at = at('2026-12-02T00:59:59.999Z');
    expect(expectCode(await signUp('anna', id), 409, ErrorCode.SignupNotOpenYet).message).toContain('12月2日9:00');
    clock.at = at('2026-12-02T01:00:00.000Z');
    expect((await signUp('anna', id)).status).toBe(201);
    clock.at = at('2026-12-04T09:59:59.999Z');
    expect((await signUp('bea', id)).status).toBe(201);
    clock.at = at('2026-12-04T10:00:00.000Z');
    expectApiError(await signUp('cai', id), 409, ErrorCode.SignupClosed);
  });

  it('checks a woman in once by QR or six digits, and refuses codes of other activities, cancelled seats and the waiting list', async () => {
    const id = await published();
    const other = await published({ title: '家庭教育讲座', category: ActivityCategory.Parenting });
    await signUp('anna', id);
    await signUp('bea', id);
    await signUp('cai', id);
    await signUp('anna', other);
    const [annaOther, annaHere] = (await api<MySignup[]>('anna', 'GET', ApiPaths.mySignups)).body.sort((a) => (a.activityId === other ? -1 : 1));
    const bea = (await api<MySignup[]>('bea', 'GET', ApiPaths.mySignups)).body[0]!;
    const cai = (await api<MySignup[]>('cai', 'GET', ApiPaths.mySignups)).body[0]!;
    expect(annaHere!.checkInToken).toMatch(/^WFH1\./);

    expectApiError(await checkIn('chair', id, annaHere!.checkInToken!), 409, ErrorCode.CheckInNotNow);
    clock.at = at('2026-12-05T00:30:00.000Z');
    const first = await checkIn('chair', id, annaHere!.checkInToken!);
    expect(first.body).toMatchObject({ name: '张桂英' });
    const again = expectCode(await checkIn('chair', id, annaHere!.checkInToken!), 409, ErrorCode.AlreadyCheckedIn);
    expect(again.message).toContain('张桂英已经签到过了');
    expectApiError(await checkIn('chair', id, annaOther!.checkInToken!), 422, ErrorCode.CheckInWrongActivity);
    expectApiError(await checkIn('chair', id, cai.checkInToken ?? `WFH1.${cai.id}.forged-signature-xxxxxx`), 422, ErrorCode.CheckInCodeInvalid);
    expectApiError(await checkIn('chair', id, '000000'), 422, ErrorCode.CheckInCodeInvalid);
    expect((await checkIn('chair', id, bea.shortCode!)).body.name).toBe('李秀兰');

    clock.at = START;
    const annaOtherSeat = annaOther!;
    await cancelSeat('anna', annaOtherSeat.id);
    clock.at = at('2026-12-05T00:30:00.000Z');
    expectApiError(await checkIn('chair', other, annaOtherSeat.checkInToken!), 422, ErrorCode.CheckInSignupCancelled);
    // The waiting woman has no code; were one guessed from her id, the signature would not match.
    expect(cai.state).toBe('waitlisted');
    expect((await attendees('chair', id)).body.checkedIn).toBe(2);
  });

  it('lets the chair take back a check-in tapped by mistake: undo, undo again, check her in again', async () => {
    const id = await published();
    const other = await published({ title: '家庭教育讲座', category: ActivityCategory.Parenting });
    await signUp('anna', id);
    await signUp('bea', id);
    await signUp('anna', other);
    const annaOther = (await api<MySignup[]>('anna', 'GET', ApiPaths.mySignups)).body.find((s) => s.activityId === other)!;
    clock.at = at('2026-12-05T00:30:00.000Z');
    const list = async () => (await attendees('chair', id)).body;
    const [anna, bea] = (await list()).confirmed;

    // She meant to tap 李秀兰 but tapped 张桂英.
    expect((await checkIn('chair', id, anna!.signupId)).status).toBe(201);
    const undone = await undoCheckIn('chair', id, anna!.signupId);
    expect(undone.status).toBe(200);
    expect(undone.body).toEqual({ signupId: anna!.signupId, name: '张桂英', number: 1, undone: true });
    expect((await list()).checkedIn).toBe(0);
    expect((await list()).confirmed.find((a) => a.signupId === anna!.signupId)!.checkedInAt).toBeNull();
    const audited = await app().dataSource.getRepository(AuditLogEntity).findBy({ action: 'activity.undo_check_in' });
    expect(audited).toMatchObject([{ subjectType: 'activity_signup', subjectId: anna!.signupId, actorUserId: (await api<MeResponse>('chair', 'GET', ApiPaths.me)).body.user.id }]);

    // A double tap or a stale list: the same state, no error, nothing more written.
    const twice = await undoCheckIn('chair', id, anna!.signupId);
    expect(twice.status).toBe(200);
    expect(twice.body.undone).toBe(false);
    expect(await app().dataSource.getRepository(AuditLogEntity).countBy({ action: 'activity.undo_check_in' })).toBe(1);

    // When 张桂英 really arrives she is checked in again, and 李秀兰 is untouched throughout.
    expect((await checkIn('chair', id, bea!.signupId)).status).toBe(201);
    expect((await checkIn('chair', id, anna!.signupId)).body).toMatchObject({ name: '张桂英' });
    expect((await list()).checkedIn).toBe(2);

    // Another activity's sign-up, a made-up id, someone who does not run it, no token: refused.
    expectApiError(await undoCheckIn('chair', id, annaOther.id), 404, ErrorCode.SignupNotFound);
    expectApiError(await undoCheckIn('chair', id, 'not-a-sign-up'), 404, ErrorCode.SignupNotFound);
    for (const who of ['siblingChair', 'otherStaff', 'anna']) {
      expectApiError(await undoCheckIn(who, id, anna!.signupId), 404, ErrorCode.ActivityNotFound);
    }
    expect((await undoCheckIn(null, id, anna!.signupId)).status).toBe(401);
    expect((await list()).checkedIn).toBe(2);
    expect((await undoCheckIn('staff', id, bea!.signupId)).body.undone).toBe(true);
  });

  it('shows the attendee list and her codes only to those who may see them', async () => {
    const id = await published();
    await signUp('anna', id);
    for (const who of ['siblingChair', 'otherStaff', 'bea']) {
      expectApiError(await attendees(who, id), 404, ErrorCode.ActivityNotFound);
      expectApiError(await api(who, 'PATCH', pathOf(ApiPaths.activity, { id }), { title: '改个名字' }), 404, ErrorCode.ActivityNotFound);
      expectApiError(await checkIn(who, id, '123456'), 404, ErrorCode.ActivityNotFound);
    }
    expect((await attendees('staff', id)).status).toBe(200);
    expect((await api(null, 'GET', pathOf(ApiPaths.activityAttendees, { id }))).status).toBe(401);
    // Another woman sees the activity, never anna's seat or its QR token.
    const asBea = await detail('bea', id);
    expect(asBea.body.mySignups).toEqual([]);
    expect(JSON.stringify(asBea.body)).not.toContain('WFH1.');
    expect((await api<MySignup[]>('bea', 'GET', ApiPaths.mySignups)).body).toEqual([]);
    expect((await detail('anna', id)).body.mySignups[0]!.checkInToken).toMatch(/^WFH1\./);
  });

  it('exports the list as CSV with masked phones, whole numbers only on request and audited', async () => {
    const id = await published({ reservedSeats: 1 });
    const added = await api<SignupView>('chair', 'POST', pathOf(ApiPaths.activityAttendees, { id }), { name: '=HYPERLINK("x")', phone: '13712345678', consentRecorded: true });
    expect(added.body).toMatchObject({ kind: 'reserved', state: 'confirmed' });
    await signUp('anna', id);
    const masked = await call<string>(app().baseUrl, 'GET', pathOf(ApiPaths.activityAttendeesCsv, { id }), { token: token.chair });
    expect(masked.headers.get('content-type')).toContain('text/csv');
    expect(masked.body).toContain('137****5678');
    expect(masked.body).not.toContain('13712345678');
    expect(masked.body).toContain("'=HYPERLINK");
    expect(masked.body).toContain('张桂英');
    expect(await app().dataSource.getRepository(AuditLogEntity).countBy({ action: 'activity.export_phones' })).toBe(0);
    const full = await call<string>(app().baseUrl, 'GET', `${pathOf(ApiPaths.activityAttendeesCsv, { id })}?phones=full`, { token: token.chair });
    expect(full.body).toContain('13712345678');
    expect(await app().dataSource.getRepository(AuditLogEntity).countBy({ action: 'activity.export_phones', subjectId: id })).toBe(1);
    expect((await call(app().baseUrl, 'GET', pathOf(ApiPaths.activityAttendeesCsv, { id }), { token: token.siblingChair })).status).toBe(404);
  });

  it('uses reserved places for women the chair adds, then public seats, and refuses without her consent', async () => {
    const id = await published({ capacity: 3, reservedSeats: 1 });
    const add = (name: string, phone: string, consentRecorded = true) =>
      api<SignupView>('chair', 'POST', pathOf(ApiPaths.activityAttendees, { id }), { name, phone, consentRecorded });
    expectFieldErrors(await add('吴大娘', '13600000000', false), 400, ErrorCode.ConsentRequired, ['consentRecorded']);
    expect((await add('吴大娘', '13600000000')).body.state).toBe('confirmed');
    expect((await detail(null, id)).body).toMatchObject({ seatsLeft: 2, reservedTaken: 1 });
    await signUp('anna', id);
    expect((await add('郑奶奶', '13600000001')).body.state).toBe('confirmed');
    expectApiError(await add('钱阿姨', '13600000002'), 409, ErrorCode.ReservedSeatsFull);
    expect((await signUp('bea', id)).body.state).toBe('waitlisted');
  });

  it('tells everyone signed up when time or place changes, moves their reminders, and lets the waiting list in when seats are added', async () => {
    const id = await published();
    await signUp('anna', id);
    await signUp('bea', id);
    const cai = (await signUp('cai', id)).body;
    const below = await api('chair', 'PATCH', pathOf(ApiPaths.activity, { id }), { capacity: 1 });
    expectFieldErrors(below, 422, ErrorCode.CapacityBelowTaken, ['capacity']);
    expect((await detail(null, id)).body.capacity).toBe(2);

    const moved = await api<ActivityDetail>('chair', 'PATCH', pathOf(ApiPaths.activity, { id }), {
      startsAt: '2026-12-06T01:00:00.000Z',
      endsAt: '2026-12-06T03:00:00.000Z',
      capacity: 3,
    });
    expect(moved.body).toMatchObject({ capacity: 3, waitlistLength: 0, confirmedCount: 3 });
    expect((await api<MySignup[]>('cai', 'GET', ApiPaths.mySignups)).body[0]).toMatchObject({ id: cai.id, state: 'confirmed' });
    expect((await outbox('activity.changed')).length).toBe(3);
    const reminders = await outbox('activity.reminder');
    const pending = reminders.filter((m) => m.status === 'pending');
    expect(pending.every((m) => m.dedupeKey.endsWith(String(Date.parse('2026-12-06T01:00:00.000Z'))))).toBe(true);
    expect(pending).toHaveLength(6);
    expect(reminders.filter((m) => m.status === 'withdrawn')).toHaveLength(4);
  });

  it('cancels: closes sign-up, tells everyone once, withdraws reminders, and refuses to edit afterwards', async () => {
    const id = await published({ capacity: 5, relativesAllowed: true });
    await signUp('anna', id);
    await signUp('anna', id, { attendee: { name: '刘奶奶', phone: '13900000000' } });
    await signUp('bea', id);
    const cancelled = await api<ActivityDetail>('chair', 'POST', pathOf(ApiPaths.activityCancel, { id }), { reason: '医生临时有急诊，改期另行通知' });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: '医生临时有急诊，改期另行通知', seatsLeft: 0 });
    expect((await outbox('activity.cancelled')).map((m) => m.recipientUserId).length).toBe(2);
    expect((await outbox('activity.reminder')).every((m) => m.status === 'withdrawn')).toBe(true);
    expectApiError(await signUp('cai', id), 409, ErrorCode.ActivityNotOpen);
    expectApiError(await api('chair', 'PATCH', pathOf(ApiPaths.activity, { id }), { title: '新名字' }), 409, ErrorCode.ActivityNotEditable);
    expect((await api<ActivitySummary[]>(null, 'GET', `${ApiPaths.activities}?federationId=${TREE.village}`)).body).toEqual([]);
  });

  it('refuses bad input with the fields named in Chinese, storing nothing', async () => {
    expectFieldErrors(
      await create('chair', screening({ title: '长'.repeat(61), capacity: 0, category: 'party' })),
      400,
      ErrorCode.ValidationFailed,
      ['title', 'capacity', 'category'],
    );
    expectFieldErrors(
      await create('chair', screening({ endsAt: '2026-12-05T00:00:00.000Z', signupClosesAt: '2026-12-06T00:00:00.000Z' })),
      400,
      ErrorCode.ValidationFailed,
      ['endsAt', 'signupClosesAt'],
    );
    expectFieldErrors(await create('chair', screening({ reservedSeats: 3 })), 400, ErrorCode.ValidationFailed, ['reservedSeats']);
    expectFieldErrors(await create('chair', screening({ address: null, latitude: null })), 400, ErrorCode.ValidationFailed, ['address']);
    // No point on the map and nothing of the body's to place it by: she is asked to pick one.
    expectFieldErrors(await create('chair', screening({ latitude: null, longitude: null })), 400, ErrorCode.ValidationFailed, ['latitude']);
    expect((await create('siblingChair', screening())).status).toBe(403);
    const id = await published({ relativesAllowed: true });
    expectFieldErrors(await signUp('anna', id, { attendee: { name: '', phone: 'abc' } }), 400, ErrorCode.ValidationFailed, ['attendee.name', 'attendee.phone']);
    expect((await api<ActivitySummary[]>('chair', 'GET', pathOf(ApiPaths.federationActivities, { id: TREE.village }))).body).toHaveLength(1);
    expect((await detail(null, id)).body.seatsLeft).toBe(2);
  });
});
