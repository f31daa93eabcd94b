import {
  ActivityCategory,
  ApiPaths,
  CareTag,
  ErrorCode,
  RoleKind,
  pathOf,
  type ConcernDetail,
  type ConcernSummary,
  type CouncilMeetingView,
  type RosterEntryDetail,
  type RosterEntryView,
  type RosterInvitationView,
  type VoicesBoard,
} from '@wfh/shared';
import { OutboxEntity } from '../../src/modules/notifications/outbox.entity';
import { CareRemindersSweeper } from '../../src/modules/voices/care-reminders.sweeper';
import { TREE } from '../factories/bodies';
import { expectApiError, expectFieldErrors } from '../support/api-expect';
import { useTreeApp } from '../support/tree-app';

/** Tuesday 1 December 2026, 10:00 in Asia/Shanghai. */
const START = new Date('2026-12-01T02:00:00Z');
const DAY = 24 * 3600_000;

const lighting = { title: '上学路上的路灯坏了', description: '村东头到小学那段路三盏路灯不亮，孩子冬天放学天黑，很不安全。' };

describe("women's voices over HTTP", () => {
  const { clock, app, api } = useTreeApp(START, [
    ['anna', { key: 'anna', displayName: '张桂英', home: TREE.village }],
    ['bea', { key: 'bea', displayName: '李秀兰', home: TREE.village }],
    ['cai', { key: 'cai', displayName: '王凤芝', home: TREE.village }],
    ['dora', { key: 'dora', displayName: '赵淑珍', home: TREE.siblingVillage }],
    ['chair', { key: 'chair', displayName: '张春梅', role: { role: RoleKind.Chair, federationId: TREE.village } }],
    ['siblingChair', { key: 'siblingChair', role: { role: RoleKind.Chair, federationId: TREE.siblingVillage } }],
    ['staff', { key: 'staff', role: { role: RoleKind.Staff, federationId: TREE.township } }],
    ['admin', { key: 'admin', role: { role: RoleKind.Admin, federationId: TREE.county } }],
    ['exec', { key: 'exec', displayName: '孙执委', role: { role: RoleKind.Executive, federationId: TREE.village } }],
    ['exec2', { key: 'exec2', displayName: '周执委', role: { role: RoleKind.Executive, federationId: TREE.village } }],
  ]);

  const raise = (who: string, body: unknown, federationId: string = TREE.village) =>
    api<ConcernDetail>(who, 'POST', pathOf(ApiPaths.federationConcerns, { id: federationId }), body);
  const concernAction = (who: string, path: string, id: string, body?: unknown) => api<ConcernDetail>(who, 'POST', pathOf(path, { id }), body);
  const cosign = (who: string, id: string) => api<ConcernDetail>(who, 'POST', pathOf(ApiPaths.concernCosign, { id }));
  const board = () => api<VoicesBoard>(null, 'GET', pathOf(ApiPaths.federationVoices, { id: TREE.village }));
  const published = async (who = 'anna', body: Record<string, unknown> = lighting) => {
    const raised = await raise(who, body);
    expect(raised.status).toBe(201);
    expect((await concernAction('chair', ApiPaths.concernPublish, raised.body.id)).status).toBe(201);
    return raised.body.id;
  };
  const outbox = (topic: string) => app().dataSource.getRepository(OutboxEntity).findBy({ topic });

  it('keeps a new concern between its author and the chair until published, then shows it on the board without her name', async () => {
    const raised = await raise('anna', lighting);
    expect(raised.body).toMatchObject({ status: 'pending', authorLabel: '一位村民', isMine: true, canCosign: false });
    expect((await outbox('concern.new')).map((m) => m.payload.title)).toEqual(['上学路上的路灯坏了']);
    expectApiError(await api('bea', 'GET', pathOf(ApiPaths.concern, { id: raised.body.id })), 404, ErrorCode.ConcernNotFound);
    expectApiError(await cosign('bea', raised.body.id), 404, ErrorCode.ConcernNotFound);
    expect((await board()).body.concerns).toEqual([]);
    expect((await api<ConcernSummary[]>('chair', 'GET', pathOf(ApiPaths.federationConcerns, { id: TREE.village }))).body).toHaveLength(1);

    await concernAction('chair', ApiPaths.concernPublish, raised.body.id);
    const shown = await board();
    expect(shown.body.concerns).toEqual([expect.objectContaining({ title: '上学路上的路灯坏了', status: 'published', cosignCount: 0, authorLabel: '一位村民' })]);
    expect(JSON.stringify(shown.body)).not.toMatch(/张桂英|authorUserId|userId/);
    expect((await api<ConcernDetail>('bea', 'GET', pathOf(ApiPaths.concern, { id: raised.body.id }))).body).toMatchObject({ canCosign: true, isMine: false });

    const named = await published('bea', { title: '想要一个手工品集市', description: '大家做的编织品没地方卖，希望村里每月有一次集市。', showMyName: true });
    expect((await board()).body.concerns.find((c) => c.id === named)!.authorLabel).toBe('李秀兰');
  });

  it('points a personal case to 我要求助, and lets her go on when she says it concerns everyone', async () => {
    const personal = await raise('anna', { title: '我老公喝了酒就打我', description: '不知道该怎么办' });
    expectFieldErrors(personal, 422, ErrorCode.ConcernLooksPersonal, ['description']);
    const shared = await raise('anna', { title: '希望开一次离婚纠纷法律讲座', description: '村里好几家在闹离婚，想请律师讲讲', notPersonal: true });
    expect(shared.status).toBe(201);
    expectApiError(await raise('dora', lighting), 403, ErrorCode.ConcernNotInBody);
    expectFieldErrors(await raise('anna', { title: '', description: '长'.repeat(1001) }), 400, ErrorCode.ValidationFailed, ['title', 'description']);
    expect((await api<ConcernSummary[]>('anna', 'GET', ApiPaths.myConcerns)).body).toHaveLength(1);
  });

  it('takes one co-signature per woman of the village, even when she taps many times at once', async () => {
    const id = await published();
    const taps = await Promise.all(Array.from({ length: 12 }, () => cosign('bea', id)));
    expect(taps.filter((r) => r.status === 201)).toHaveLength(1);
    for (const refused of taps.filter((r) => r.status !== 201)) expectApiError(refused, 409, ErrorCode.AlreadyCosigned);
    await Promise.all([cosign('cai', id), cosign('chair', id).then(() => undefined)]);
    const detail = await api<ConcernDetail>('bea', 'GET', pathOf(ApiPaths.concern, { id }));
    expect(detail.body).toMatchObject({ cosignCount: 2, cosignedByMe: true, canCosign: false });

    expectApiError(await cosign('anna', id), 409, ErrorCode.OwnConcern);
    expectApiError(await cosign('dora', id), 403, ErrorCode.ConcernNotInBody);
    const withdrawn = await api<ConcernDetail>('bea', 'DELETE', pathOf(ApiPaths.concernCosign, { id }));
    expect(withdrawn.body).toMatchObject({ cosignCount: 1, cosignedByMe: false, canCosign: true });
    expectApiError(await api('bea', 'DELETE', pathOf(ApiPaths.concernCosign, { id })), 409, ErrorCode.NotCosigned);
  });

  it('declines with a reason only the author and the chair see, and merges a duplicate with its supporters', async () => {
    const raised = await raise('anna', { title: '路边垃圾没人收', description: '村口垃圾堆了一周' });
    const declined = await concernAction('chair', ApiPaths.concernDecline, raised.body.id, { reason: '已转村委会环境卫生组，这周内清运' });
    expect(declined.body.status).toBe('declined');
    expect((await api<ConcernDetail>('anna', 'GET', pathOf(ApiPaths.concern, { id: raised.body.id }))).body.declineReason).toBe('已转村委会环境卫生组，这周内清运');
    expectApiError(await api('bea', 'GET', pathOf(ApiPaths.concern, { id: raised.body.id })), 404, ErrorCode.ConcernNotFound);
    expectApiError(await cosign('bea', raised.body.id), 404, ErrorCode.ConcernNotFound);
    expectApiError(await concernAction('chair', ApiPaths.concernPublish, raised.body.id), 409, ErrorCode.ConcernStateConflict);
    expect((await board()).body.concerns).toEqual([]);

    const original = await published('anna');
    const duplicate = await published('bea', { title: '路灯不亮', description: '去学校的路太黑了' });
    await cosign('cai', duplicate);
    const merged = await concernAction('chair', ApiPaths.concernMerge, duplicate, { intoConcernId: original });
    expect(merged.body).toMatchObject({ status: 'merged', mergedInto: { id: original, title: '上学路上的路灯坏了' }, canCosign: false });
    expect((await api<ConcernDetail>(null, 'GET', pathOf(ApiPaths.concern, { id: original }))).body.cosignCount).toBe(2);
    expectApiError(await cosign('anna', duplicate), 409, ErrorCode.ConcernNotOpen);
    expectApiError(await concernAction('siblingChair', ApiPaths.concernPublish, original), 403, ErrorCode.Forbidden);
  });

  it('puts concerns on a council agenda, records minutes after the meeting, and tells author and co-signers of each answer once', async () => {
    const id = await published('anna');
    await cosign('bea', id);
    await cosign('cai', id);
    const meeting = await api('chair', 'POST', pathOf(ApiPaths.federationActivities, { id: TREE.village }), {
      title: '十二月妇女议事会',
      description: '议一议大家提的事',
      category: ActivityCategory.Council,
      address: '懿路村村委会会议室',
      latitude: 42.2,
      longitude: 123.5,
      startsAt: '2026-12-10T06:00:00.000Z',
      endsAt: '2026-12-10T08:00:00.000Z',
      signupOpensAt: '2026-12-01T02:00:00.000Z',
      signupClosesAt: '2026-12-10T06:00:00.000Z',
      capacity: 30,
    });
    await api('chair', 'POST', pathOf(ApiPaths.activityPublish, { id: meeting.body.id }));
    const agenda = await api<CouncilMeetingView>('chair', 'PUT', pathOf(ApiPaths.councilAgenda, { id: meeting.body.id }), { concernIds: [id] });
    expect(agenda.body).toMatchObject({ status: 'upcoming', agenda: [{ concernId: id, title: '上学路上的路灯坏了' }], minutes: null });
    expectFieldErrors(
      await api('chair', 'PUT', pathOf(ApiPaths.councilMinutes, { id: meeting.body.id }), { minutes: '提前写好' }),
      400,
      ErrorCode.ValidationFailed,
      ['minutes'],
    );

    clock.at = new Date('2026-12-10T08:30:00Z');
    await api('chair', 'PUT', pathOf(ApiPaths.councilMinutes, { id: meeting.body.id }), { minutes: '到会22人。议定：路灯由村委会本月内修好。' });
    const answered = await concernAction('chair', ApiPaths.concernUpdates, id, { status: 'accepted', text: '村委会同意本月内修好三盏路灯', meetingId: meeting.body.id });
    expect(answered.body).toMatchObject({ status: 'accepted', latestUpdate: { meetingTitle: '十二月妇女议事会', text: '村委会同意本月内修好三盏路灯' } });
    const told = await outbox('concern.answered');
    expect(told).toHaveLength(3);
    expect(new Set(told.map((m) => m.recipientUserId)).size).toBe(3);
    clock.at = new Date('2026-12-20T02:00:00Z');
    await concernAction('chair', ApiPaths.concernUpdates, id, { status: 'done', text: '三盏路灯已经修好' });
    expect(await outbox('concern.answered')).toHaveLength(6);
    expectApiError(await cosign('chair', id), 409, ErrorCode.ConcernNotOpen);
    expectApiError(await concernAction('chair', ApiPaths.concernUpdates, id, { status: 'in_progress', text: '再看看' }), 409, ErrorCode.ConcernStateConflict);

    const shown = await board();
    expect(shown.body.counts).toEqual({ raised: 1, answered: 1, done: 1 });
    expect(shown.body.meetings).toEqual([
      expect.objectContaining({ title: '十二月妇女议事会', status: 'held', minutes: '到会22人。议定：路灯由村委会本月内修好。' }),
    ]);
    const detail = await api<ConcernDetail>(null, 'GET', pathOf(ApiPaths.concern, { id }));
    expect(detail.body.updates.map((u) => u.status)).toEqual(['accepted', 'done']);
    const notCouncil = await api('chair', 'POST', pathOf(ApiPaths.federationActivities, { id: TREE.village }), {
      title: '法律讲座', description: '', category: ActivityCategory.LegalTalk, address: '村委会', latitude: 42.2, longitude: 123.5,
      startsAt: '2026-12-20T06:00:00.000Z', endsAt: '2026-12-20T08:00:00.000Z', signupOpensAt: '2026-12-10T09:00:00.000Z', signupClosesAt: '2026-12-20T06:00:00.000Z', capacity: 30,
    });
    expectApiError(await api('chair', 'PUT', pathOf(ApiPaths.councilAgenda, { id: notCouncil.body.id }), { concernIds: [id] }), 422, ErrorCode.NotACouncilMeeting);
  });

  it('shows answers given in the same instant in the order they were given, and loses none given at once', async () => {
    const id = await published('anna');
    // The clock stands still: every answer below carries the very same time.
    const steps = [
      { status: 'accepted', text: '议事会同意修路灯' },
      { status: 'in_progress', text: '已联系供电所' },
      { status: 'in_progress', text: '灯杆已运到村口' },
      { status: 'accepted', text: '改由村委会自己修' },
    ];
    for (const step of steps) expect((await concernAction('chair', ApiPaths.concernUpdates, id, step)).status).toBe(201);
    const inOrder = await api<ConcernDetail>(null, 'GET', pathOf(ApiPaths.concern, { id }));
    expect(inOrder.body.updates.map((u) => u.text)).toEqual(steps.map((s) => s.text));
    expect(new Set(inOrder.body.updates.map((u) => u.at))).toEqual(new Set([START.toISOString()]));
    expect(inOrder.body).toMatchObject({ status: 'accepted', latestUpdate: { text: '改由村委会自己修' } });
    expect((await board()).body.concerns.find((c) => c.id === id)!.latestUpdate).toMatchObject({ text: '改由村委会自己修' });

    // The chair and the county's admin answer at once: each answer takes its own place in the timeline.
    const atOnce = ['第一处已修好', '第二处已修好', '第三处已修好'];
    const replies = await Promise.all(atOnce.map((text, i) => concernAction(i % 2 ? 'admin' : 'chair', ApiPaths.concernUpdates, id, { status: 'in_progress', text })));
    expect(replies.map((r) => r.status)).toEqual([201, 201, 201]);
    const after = await api<ConcernDetail>(null, 'GET', pathOf(ApiPaths.concern, { id }));
    expect(after.body.updates.slice(0, steps.length).map((u) => u.text)).toEqual(steps.map((s) => s.text));
    expect(after.body.updates.slice(steps.length).map((u) => u.text).sort()).toEqual([...atOnce].sort());
    expect(after.body.latestUpdate).toEqual(after.body.updates.at(-1));
  });

  it('keeps roster entries and their care tags to the member, the chair and county admins', async () => {
    const roster = pathOf(ApiPaths.federationRoster, { id: TREE.village });
    expectFieldErrors(
      await api('exec', 'POST', roster, { name: '刘奶奶', phone: '13900000000', tags: [CareTag.Elderly], consentRecorded: false }),
      400,
      ErrorCode.ConsentRequired,
      ['consentRecorded'],
    );
    const added = await api<RosterEntryView>('exec', 'POST', roster, { name: '刘奶奶', phone: '13900000000', tags: [CareTag.Elderly, CareTag.Disabled], consentRecorded: true });
    expect(added.body).toMatchObject({ name: '刘奶奶', phone: '13900000000', tags: ['elderly', 'disabled'], careDue: false, joinedBy: 'recorded' });
    expectApiError(await api('exec', 'POST', roster, { name: '刘奶奶', phone: '139 0000 0000', consentRecorded: true }), 409, ErrorCode.AlreadyOnRoster);
    await api('exec2', 'POST', roster, { name: '吴大姐', phone: '13900000001', tags: [CareTag.SingleMother], consentRecorded: true });

    expect((await api<RosterEntryView[]>('exec', 'GET', roster)).body.map((e) => e.name)).toEqual(['刘奶奶']);
    const asChair = await api<RosterEntryView[]>('chair', 'GET', roster);
    expect(asChair.body.map((e) => [e.name, e.phone, e.tags]).sort()).toEqual([
      ['刘奶奶', '139****0000', ['elderly', 'disabled']],
      ['吴大姐', '139****0001', ['single_mother']],
    ]);
    expect((await api<RosterEntryView[]>('admin', 'GET', roster)).body).toHaveLength(2);
    for (const who of ['staff', 'anna', 'siblingChair']) expectApiError(await api(who, 'GET', roster), 403, ErrorCode.Forbidden);
    expectApiError(await api('exec2', 'GET', pathOf(ApiPaths.rosterEntry, { id: added.body.id })), 404, ErrorCode.RosterEntryNotFound);
    expectApiError(await api('chair', 'PATCH', pathOf(ApiPaths.rosterEntry, { id: added.body.id }), { tags: [] }), 404, ErrorCode.RosterEntryNotFound);
    // Nothing of the roster reaches the public board or the raw table in plain text.
    expect(JSON.stringify((await board()).body)).not.toMatch(/刘奶奶|elderly|残疾/);
    const [row] = await app().dataSource.query('SELECT name_enc, phone_enc, tags_enc FROM roster_entry WHERE id = ?', [added.body.id]);
    expect(JSON.stringify(row)).not.toMatch(/刘奶奶|13900000000|elderly/);
  });

  it('reminds the member, without naming the woman, when someone needing care has gone too long without contact', async () => {
    const roster = pathOf(ApiPaths.federationRoster, { id: TREE.village });
    const entry = await api<RosterEntryView>('exec', 'POST', roster, { name: '刘奶奶', phone: '13900000000', tags: [CareTag.Elderly], consentRecorded: true, careEveryWeeks: 2 });
    const logged = await api<RosterEntryDetail>('exec', 'POST', pathOf(ApiPaths.rosterEntryContacts, { id: entry.body.id }), {
      date: '2026-12-01', method: 'visit', note: '腿脚不好，想办残疾证', requestFiled: true,
    });
    expect(logged.body).toMatchObject({ lastContactDate: '2026-12-01', contacts: [{ method: 'visit', note: '腿脚不好，想办残疾证', requestFiled: true }] });
    expectFieldErrors(
      await api('exec', 'POST', pathOf(ApiPaths.rosterEntryContacts, { id: entry.body.id }), { date: '2026-12-02', method: 'visit' }),
      400,
      ErrorCode.ValidationFailed,
      ['date'],
    );
    const sweeper = app().app.get(CareRemindersSweeper);
    clock.at = new Date(START.getTime() + 13 * DAY);
    expect(await sweeper.runOnce()).toBe(0);
    clock.at = new Date(START.getTime() + 15 * DAY);
    expect(await sweeper.runOnce()).toBe(1);
    expect(await sweeper.runOnce()).toBe(0);
    const [reminder] = await outbox('roster.care_due');
    expect(reminder!.payload).toEqual({ weeks: '2' });
    expect((await api<RosterEntryView[]>('exec', 'GET', roster)).body[0]!.careDue).toBe(false);
  });

  it('lets a woman join a roster by accepting an invitation, once', async () => {
    const invitation = await api<RosterInvitationView>('exec', 'POST', pathOf(ApiPaths.federationRosterInvitations, { id: TREE.village }));
    expect(invitation.body).toMatchObject({ memberName: '孙执委', federationName: '懿路村妇联', code: expect.stringMatching(/^[A-Z2-9]{8}$/) });
    const seen = await api<RosterInvitationView>('anna', 'GET', pathOf(ApiPaths.rosterInvitation, { code: invitation.body.code.toLowerCase() }));
    expect(seen.body.memberName).toBe('孙执委');
    expect((await api('anna', 'POST', pathOf(ApiPaths.rosterInvitationAccept, { code: invitation.body.code }))).status).toBe(204);
    expectApiError(await api('bea', 'POST', pathOf(ApiPaths.rosterInvitationAccept, { code: invitation.body.code })), 404, ErrorCode.RosterInvitationInvalid);
    const entries = (await api<RosterEntryView[]>('exec', 'GET', pathOf(ApiPaths.federationRoster, { id: TREE.village }))).body;
    expect(entries).toEqual([expect.objectContaining({ name: '张桂英', joinedBy: 'invitation', tags: [] })]);

    const late = await api<RosterInvitationView>('exec', 'POST', pathOf(ApiPaths.federationRosterInvitations, { id: TREE.village }));
    clock.at = new Date(START.getTime() + 15 * DAY);
    expectApiError(await api('bea', 'POST', pathOf(ApiPaths.rosterInvitationAccept, { code: late.body.code })), 404, ErrorCode.RosterInvitationInvalid);
    expectApiError(await api('anna', 'POST', pathOf(ApiPaths.federationRosterInvitations, { id: TREE.village })), 403, ErrorCode.Forbidden);
  });
});
