import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  ActivityCategory,
  ApiPaths,
  CareTag,
  Rating,
  RequestAction,
  RoleKind,
  ServiceCategoryKey,
  pathOf,
  requestActionPath,
  type ActivityDetail,
  type AttendeeList,
  type AuthTokens,
  type FeedbackView,
  type MySignup,
  type OnBehalfCreated,
  type RequestDetail,
  type RosterEntryView,
} from '@wfh/shared';
import { TREE } from '../factories/bodies';
import { TEST_DB_NAME } from '../support/services';
import { call, type ApiReply } from '../support/test-app';
import { useTreeApp } from '../support/tree-app';

const run = promisify(execFile);

/** Tuesday 1 December 2026, 10:00 in Asia/Shanghai. */
const START = new Date('2026-12-01T02:00:00Z');

/**
 * One marker per sensitive field. Each is stored through the API and read back decrypted by the
 * person allowed to see it; none may appear in a dump of the database.
 */
const M = {
  description: 'MKR-DESCRIPTION-婆婆又骂我',
  safeTimes: 'MKR-SAFETIMES-上午',
  dvDescription: 'MKR-DV-DESCRIPTION-他昨晚又打我',
  withdrawReason: 'MKR-WITHDRAW-不想让他知道',
  acceptNote: 'MKR-ACCEPT-NOTE',
  referReason: 'MKR-REFER-REASON-需要镇里协调',
  reply: 'MKR-REPLY-明天上门',
  resolution: 'MKR-RESOLUTION-已调解',
  ratingComment: 'MKR-RATING-COMMENT-谢谢',
  onBehalfName: 'MKR-OBNAME-刘翠花',
  onBehalfDescription: 'MKR-OB-DESCRIPTION-邻居代为求助',
  relativeName: 'MKR-RELATIVE-王老太',
  reservedName: 'MKR-RESERVED-赵大娘',
  rosterName: 'MKR-ROSTER-孙奶奶',
  contactNote: 'MKR-CONTACT-NOTE-腿脚不便',
  feedback: 'MKR-FEEDBACK-电话没人接',
  feedbackReply: 'MKR-FEEDBACK-REPLY-已批评',
};
const PHONES = {
  request: '13911110001',
  dv: '13911110002',
  onBehalf: '13911110003',
  relative: '13911110004',
  reserved: '13911110005',
  roster: '13911110006',
  feedback: '13911110007',
};

describe('a mysqldump of a populated database', () => {
  const { app, api } = useTreeApp(START, [
    ['woman', { key: 'woman', home: TREE.village }],
    ['chair', { key: 'chair', role: { role: RoleKind.Chair, federationId: TREE.village } }],
    ['staff', { key: 'staff', role: { role: RoleKind.Staff, federationId: TREE.township } }],
    ['admin', { key: 'admin', role: { role: RoleKind.Admin, federationId: TREE.county } }],
    ['exec', { key: 'exec', role: { role: RoleKind.Executive, federationId: TREE.village } }],
  ]);
  const act = (who: string, id: string, action: RequestAction, body: unknown) =>
    api<RequestDetail>(who, 'POST', pathOf(requestActionPath(action), { id }), body);

  /** A step that must succeed; a refusal names its reason. */
  const must = async <T>(reply: Promise<ApiReply<T>>): Promise<ApiReply<T>> => {
    const answered = await reply;
    if (answered.status >= 300) throw new Error(`answered ${answered.status}: ${JSON.stringify(answered.body)}`);
    return answered;
  };

  async function populate(): Promise<{ sessionKey: string }> {
    const mediation = await must(api<RequestDetail>('woman', 'POST', ApiPaths.requests, {
      categoryKey: ServiceCategoryKey.MarriageMediation,
      description: M.description,
      // Answers are choices among the catalogue's own (public) options: encrypted, but no marker fits.
      answers: { with_whom: '公婆' },
      contact: { method: 'phone', phone: PHONES.request, safeTimes: M.safeTimes },
      federationId: TREE.village,
    }));
    const id = mediation.body.id;
    await must(act('chair', id, RequestAction.Accept, { note: M.acceptNote }));
    await must(act('chair', id, RequestAction.Refer, { toFederationId: TREE.township, reason: M.referReason }));
    await must(act('staff', id, RequestAction.Accept, {}));
    await must(act('staff', id, RequestAction.Reply, { message: M.reply }));
    await must(act('staff', id, RequestAction.Resolve, { resolution: M.resolution }));
    await must(act('woman', id, RequestAction.Rate, { rating: Rating.Satisfied, helped: true, comment: M.ratingComment }));

    const dv = await must(api<RequestDetail>('woman', 'POST', ApiPaths.requests, {
      categoryKey: ServiceCategoryKey.DomesticViolence,
      description: M.dvDescription,
      answers: { safe_now: false },
      contact: { method: 'phone', phone: PHONES.dv },
      federationId: TREE.village,
      sensitiveConsent: true,
    }));
    await must(act('woman', dv.body.id, RequestAction.Withdraw, { reason: M.withdrawReason }));

    await must(api<OnBehalfCreated>('chair', 'POST', pathOf(ApiPaths.federationRequests, { id: TREE.village }), {
      categoryKey: ServiceCategoryKey.Other,
      description: M.onBehalfDescription,
      answers: {},
      contact: { method: 'visit' },
      womanName: M.onBehalfName,
      womanPhone: PHONES.onBehalf,
      source: 'phone',
      consentRecorded: true,
    }));

    const draft = await must(api<ActivityDetail>('chair', 'POST', pathOf(ApiPaths.federationActivities, { id: TREE.village }), {
      title: '冬季健康讲座',
      description: '请县医院医生讲冬季养生。',
      category: ActivityCategory.Screening,
      address: '懿路村村委会二楼',
      latitude: 42.2,
      longitude: 123.5,
      startsAt: '2026-12-05T01:00:00.000Z',
      endsAt: '2026-12-05T03:00:00.000Z',
      signupOpensAt: '2026-12-01T02:00:00.000Z',
      signupClosesAt: '2026-12-04T10:00:00.000Z',
      capacity: 5,
      reservedSeats: 1,
      relativesAllowed: true,
    }));
    const activityId = draft.body.id;
    await must(api('chair', 'POST', pathOf(ApiPaths.activityPublish, { id: activityId })));
    await must(api('woman', 'POST', pathOf(ApiPaths.activitySignups, { id: activityId }), { attendee: { name: M.relativeName, phone: PHONES.relative } }));
    await must(api('chair', 'POST', pathOf(ApiPaths.activityAttendees, { id: activityId }), { name: M.reservedName, phone: PHONES.reserved, consentRecorded: true }));

    const entry = await must(api<RosterEntryView>('exec', 'POST', pathOf(ApiPaths.federationRoster, { id: TREE.village }), {
      name: M.rosterName,
      phone: PHONES.roster,
      tags: [CareTag.LeftBehind],
      consentRecorded: true,
    }));
    await must(api('exec', 'POST', pathOf(ApiPaths.rosterEntryContacts, { id: entry.body.id }), { date: '2026-12-01', method: 'visit', note: M.contactNote }));

    const feedback = await must(api<FeedbackView>('woman', 'POST', ApiPaths.feedback, { kind: 'complaint', federationId: TREE.village, text: M.feedback, contactPhone: PHONES.feedback }));
    await must(api('admin', 'POST', pathOf(ApiPaths.feedbackReply, { id: feedback.body.id }), { reply: M.feedbackReply }));

    const signedIn = await call<AuthTokens>(app().baseUrl, 'POST', ApiPaths.authWechat, { body: { code: 'ok:openid-dump' } });
    expect(signedIn.status).toBe(200);
    return { sessionKey: app().wechat.sessionKeys.get('openid-dump')! };
  }

  /** What each marker's rightful reader gets back: proof that the markers are in the database. */
  async function readBack(): Promise<string> {
    const mine = await api<RequestDetail[]>('woman', 'GET', ApiPaths.myRequests);
    const details = await Promise.all(mine.body.map((r) => api<RequestDetail>('woman', 'GET', pathOf(ApiPaths.request, { id: r.id }))));
    const inbox = await api<RequestDetail[]>('chair', 'GET', pathOf(ApiPaths.inbox, { id: TREE.village }));
    const recorded = await Promise.all(inbox.body.map((r) => api<RequestDetail>('chair', 'GET', pathOf(ApiPaths.request, { id: r.id }))));
    // A referral's reason is for colleagues: the chair who referred it reads it back, she does not.
    const sent = await api<RequestDetail[]>('chair', 'GET', pathOf(ApiPaths.referredOut, { id: TREE.village }));
    const referred = await Promise.all(sent.body.map((r) => api<RequestDetail>('chair', 'GET', pathOf(ApiPaths.request, { id: r.id }))));
    const signups = await api<MySignup[]>('woman', 'GET', ApiPaths.mySignups);
    const attendees = await api<AttendeeList>('chair', 'GET', `${pathOf(ApiPaths.activityAttendees, { id: signups.body[0]!.activityId })}`);
    const csv = await api<string>('chair', 'GET', `${pathOf(ApiPaths.activityAttendeesCsv, { id: signups.body[0]!.activityId })}?phones=full`);
    const roster = await api<RosterEntryView[]>('exec', 'GET', pathOf(ApiPaths.federationRoster, { id: TREE.village }));
    const entry = await api('exec', 'GET', pathOf(ApiPaths.rosterEntry, { id: roster.body[0]!.id }));
    const feedback = await api<FeedbackView[]>('woman', 'GET', ApiPaths.myFeedback);
    const myData = await api('woman', 'GET', ApiPaths.myData);
    return JSON.stringify([details.map((d) => d.body), recorded.map((d) => d.body), referred.map((d) => d.body), attendees.body, csv.body, roster.body, entry.body, feedback.body, myData.body]);
  }

  it('holds none of what women wrote, their names or their phones, which the API still gives back to the right people', async () => {
    const { sessionKey } = await populate();

    const readable = await readBack();
    const unreadable = (text: string) => Object.values(M).filter((m) => !text.includes(m));
    // Every marker comes back to someone: the on-behalf woman's name too, on her chair's request view.
    expect(unreadable(readable)).toEqual([]);
    for (const phone of Object.values(PHONES).filter((p) => p !== PHONES.onBehalf)) expect(readable).toContain(phone);
    const [stored] = await app().dataSource.query("SELECT name_enc AS nameEnc FROM app_user WHERE name_enc IS NOT NULL AND openid IS NULL AND demo_key IS NULL");
    expect(stored.nameEnc).toMatch(/^v1\./);

    const { stdout: dump } = await run(
      '/usr/bin/mysqldump',
      ['-uroot', '-h127.0.0.1', '--protocol=TCP', '--default-character-set=utf8mb4', '--single-transaction', '--skip-comments', '--triggers', TEST_DB_NAME],
      { maxBuffer: 256 * 1024 * 1024 },
    );
    // The dump is real and complete: public things are there in plain text, the audit triggers too.
    expect(dump).toContain('冬季健康讲座');
    expect(dump).toContain('懿路村妇联');
    expect(dump).toContain('audit_log_no_update');
    expect(dump).toMatch(/INSERT INTO `service_request`/);
    expect(dump).toMatch(/INSERT INTO `roster_contact`/);

    const leaked = [...Object.values(M), ...Object.values(PHONES), sessionKey].filter((secret) => dump.includes(secret));
    expect(leaked).toEqual([]);
    // Nor any part of a marker on its own (the Chinese words), nor any mobile number at all. A number
    // stands alone: eleven digits inside a UUID, a hash or a ciphertext are chance, not a phone.
    expect(dump).not.toMatch(/MKR-/);
    expect(dump.match(/(?<![0-9A-Za-z_.-])1[3-9]\d{9}(?![0-9A-Za-z_.-])/g) ?? []).toEqual([]);
  });
});
