import {
  ActivityCategory,
  ApiPaths,
  ErrorCode,
  Rating,
  RequestAction,
  RoleKind,
  ServiceCategoryKey,
  pathOf,
  requestActionPath,
  type AuthTokens,
  type ConcernDetail,
  type DataDeletionResult,
  type MyDataExport,
  type MySignup,
  type RequestDetail,
  type RosterInvitationView,
  type SignupView,
  type SubtreeStats,
} from '@wfh/shared';
import { FieldCipher } from '../../src/infra/crypto/field-cipher';
import { verifyAuditChain } from '../../src/modules/audit/audit-chain';
import { ERASED_TEXT } from '../../src/modules/my-data/data-deletion.service';
import { TREE } from '../factories/bodies';
import { expectApiError } from '../support/api-expect';
import { call, type ApiReply } from '../support/test-app';
import { useTreeApp } from '../support/tree-app';

/** Tuesday 1 December 2026, 10:00 in Asia/Shanghai. */
const START = new Date('2026-12-01T02:00:00Z');
/** Wednesday 2 December, 10:30: the talk below has begun, the screening is days away. */
const DURING_TALK = new Date('2026-12-02T02:30:00Z');

const activity = (title: string, startsAt: string, endsAt: string, capacity: number) => ({
  title,
  description: '欢迎参加。',
  category: ActivityCategory.Screening,
  address: '懿路村村委会二楼',
  latitude: 42.2,
  longitude: 123.5,
  startsAt,
  endsAt,
  signupOpensAt: '2026-12-01T02:00:00.000Z',
  signupClosesAt: startsAt,
  capacity,
  relativesAllowed: true,
});

describe('a woman exports and deletes her data', () => {
  const { clock, app, api } = useTreeApp(START, [
    ['anna', { key: 'anna', displayName: '张桂英', home: TREE.village }],
    ['bea', { key: 'bea', displayName: '李秀兰', home: TREE.village }],
    ['chair', { key: 'chair', role: { role: RoleKind.Chair, federationId: TREE.village } }],
    ['staff', { key: 'staff', role: { role: RoleKind.Staff, federationId: TREE.township } }],
    ['exec', { key: 'exec', displayName: '孙执委', role: { role: RoleKind.Executive, federationId: TREE.village } }],
  ]);

  const must = async <T>(reply: Promise<ApiReply<T>>): Promise<T> => {
    const answered = await reply;
    if (answered.status >= 300) throw new Error(`answered ${answered.status}: ${JSON.stringify(answered.body)}`);
    return answered.body;
  };
  const act = (who: string, id: string, action: RequestAction, body: unknown = {}) =>
    must(api<RequestDetail>(who, 'POST', pathOf(requestActionPath(action), { id }), body));
  const ask = (who: string, description: string) =>
    must(api<RequestDetail>(who, 'POST', ApiPaths.requests, {
      categoryKey: ServiceCategoryKey.MarriageMediation,
      description,
      answers: { with_whom: '公婆' },
      contact: { method: 'phone', phone: who === 'anna' ? '13922220001' : '13922220002', safeTimes: `${who.toUpperCase()}-方便的时间` },
      federationId: TREE.village,
    }));
  const exportOf = (who: string) => api<MyDataExport>(who, 'GET', ApiPaths.myData);
  const deleteMe = (who: string, body: unknown = { confirm: true }) => api<DataDeletionResult>(who, 'POST', ApiPaths.myDataDeletion, body);
  const stats = () => must(api<SubtreeStats>('staff', 'GET', `${pathOf(ApiPaths.federationStats, { id: TREE.township })}?from=2026-11-01&to=2026-12-31`));

  /** Anna's and Bea's lives in the village: requests, sign-ups, a check-in, concerns, feedback, a roster. */
  async function village() {
    const annaRequest = await ask('anna', 'ANNA-说明-婆婆不让我出门');
    const beaRequest = await ask('bea', 'BEA-说明-丈夫喝酒');
    await act('chair', annaRequest.id, RequestAction.Accept);
    await act('chair', annaRequest.id, RequestAction.Reply, { message: 'ANNA-回复-明天上门' });

    const talk = await must(api<{ id: string }>('chair', 'POST', pathOf(ApiPaths.federationActivities, { id: TREE.village }), activity('冬季讲座', '2026-12-02T02:00:00.000Z', '2026-12-02T04:00:00.000Z', 10)));
    const screening = await must(api<{ id: string }>('chair', 'POST', pathOf(ApiPaths.federationActivities, { id: TREE.village }), activity('两癌筛查', '2026-12-05T01:00:00.000Z', '2026-12-05T03:00:00.000Z', 1)));
    for (const id of [talk.id, screening.id]) await must(api('chair', 'POST', pathOf(ApiPaths.activityPublish, { id })));
    const annaTalk = await must(api<SignupView>('anna', 'POST', pathOf(ApiPaths.activitySignups, { id: talk.id }), {}));
    await must(api<SignupView>('anna', 'POST', pathOf(ApiPaths.activitySignups, { id: screening.id }), { attendee: { name: 'ANNA-母亲-王老太', phone: '13922220003' } }));
    const beaWaiting = await must(api<SignupView>('bea', 'POST', pathOf(ApiPaths.activitySignups, { id: screening.id }), {}));
    expect(beaWaiting.state).toBe('waitlisted');

    const annaConcern = await must(api<ConcernDetail>('anna', 'POST', pathOf(ApiPaths.federationConcerns, { id: TREE.village }), { title: '村口路灯坏了', description: '晚上回家看不见路', showMyName: true }));
    await must(api('chair', 'POST', pathOf(ApiPaths.concernPublish, { id: annaConcern.id })));
    await must(api<ConcernDetail>('anna', 'POST', pathOf(ApiPaths.federationConcerns, { id: TREE.village }), { title: 'ANNA-未公开议题', description: 'ANNA-未公开-想要一个活动室' }));
    const beaConcern = await must(api<ConcernDetail>('bea', 'POST', pathOf(ApiPaths.federationConcerns, { id: TREE.village }), { title: '垃圾没人清', description: 'BEA-议题-垃圾堆了一个月' }));
    await must(api('chair', 'POST', pathOf(ApiPaths.concernPublish, { id: beaConcern.id })));
    await must(api('anna', 'POST', pathOf(ApiPaths.concernCosign, { id: beaConcern.id })));
    await must(api('bea', 'POST', pathOf(ApiPaths.concernCosign, { id: annaConcern.id })));

    await must(api('anna', 'POST', ApiPaths.feedback, { kind: 'complaint', federationId: TREE.village, text: 'ANNA-投诉-电话没人接', contactPhone: '13922220004' }));
    const invitation = await must(api<RosterInvitationView>('exec', 'POST', pathOf(ApiPaths.federationRosterInvitations, { id: TREE.village })));
    await must(api('anna', 'POST', pathOf(ApiPaths.rosterInvitationAccept, { code: invitation.code })));

    clock.at = DURING_TALK;
    await must(api('chair', 'POST', pathOf(ApiPaths.activityCheckIns, { id: talk.id }), { code: annaTalk.shortCode }));
    return { annaRequest, beaRequest, talk, screening, annaConcern, beaConcern };
  }

  it('exports everything of hers, decrypted, and nothing of another woman', async () => {
    const { annaRequest, annaConcern, beaConcern } = await village();

    const reply = await exportOf('anna');

    expect(reply.status).toBe(200);
    const data = reply.body;
    expect(data.profile).toMatchObject({ displayName: '张桂英', homeFederationId: TREE.village, homeFederationName: '懿路村妇联' });
    expect(data.requests).toHaveLength(1);
    expect(data.requests[0]).toMatchObject({ id: annaRequest.id, description: 'ANNA-说明-婆婆不让我出门', contact: { phone: '13922220001' } });
    expect(data.requests[0]!.timeline.map((e) => e.note)).toContain('ANNA-回复-明天上门');
    expect(data.signups.map((s) => [s.activityTitle, s.attendee?.name ?? '本人', s.checkedInAt !== null]).sort()).toEqual([
      ['两癌筛查', 'ANNA-母亲-王老太', false],
      ['冬季讲座', '本人', true],
    ]);
    expect(data.concerns.map((c) => [c.title, c.id === annaConcern.id, c.status]).sort()).toEqual([
      ['ANNA-未公开议题', false, 'pending'],
      ['村口路灯坏了', true, 'published'],
    ]);
    expect(data.cosigns).toEqual([{ concernId: beaConcern.id, title: '垃圾没人清', at: expect.any(String) }]);
    expect(data.feedback).toEqual([expect.objectContaining({ text: 'ANNA-投诉-电话没人接', contactPhone: '13922220004' })]);
    expect(data.rosters).toEqual([expect.objectContaining({ memberName: '孙执委', federationName: '懿路村妇联', name: '张桂英' })]);
    expect(JSON.stringify(data)).not.toMatch(/BEA-|13922220002|李秀兰/);
    expectApiError(await api(null, 'GET', ApiPaths.myData), 401, ErrorCode.Unauthenticated);
  });

  it('refuses while a request of hers is open, and for someone holding a role, changing nothing', async () => {
    const { annaRequest } = await village();

    expectApiError(await deleteMe('anna'), 409, ErrorCode.OpenRequestsBlockDeletion);
    expectApiError(await deleteMe('chair'), 409, ErrorCode.RolesBlockDeletion);
    expect((await deleteMe('anna', {})).status).toBe(400);
    expect((await api<RequestDetail>('anna', 'GET', pathOf(ApiPaths.request, { id: annaRequest.id }))).body.description).toBe('ANNA-说明-婆婆不让我出门');
    expect((await api<RequestDetail>('chair', 'GET', pathOf(ApiPaths.request, { id: annaRequest.id }))).status).toBe(200);
    expect((await exportOf('anna')).body.signups).toHaveLength(2);
  });

  it('after deletion: the statistics count the same, her words are gone from every row, her tokens stop, Bea is untouched', async () => {
    const { annaRequest, beaRequest, screening, annaConcern, beaConcern } = await village();
    const anna = (await exportOf('anna')).body.profile.id;
    await act('chair', annaRequest.id, RequestAction.Resolve, { resolution: 'ANNA-办结-已调解' });
    await act('anna', annaRequest.id, RequestAction.Rate, { rating: Rating.Satisfied, helped: true, comment: 'ANNA-评价-谢谢主席' });
    const statsBefore = await stats();
    const beaBefore = await must(api<RequestDetail>('bea', 'GET', pathOf(ApiPaths.request, { id: beaRequest.id })));
    const { refreshToken } = await call<AuthTokens>(app().baseUrl, 'POST', ApiPaths.authDev, { body: { personKey: 'anna' } }).then((r) => r.body);

    const deleted = await deleteMe('anna');

    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ deletedAt: DURING_TALK.toISOString(), requestsAnonymised: 1, signupsCancelled: 1 });
    expect(await stats()).toEqual(statsBefore);
    // What must not drop: both requests, Anna's rating, her attendance and her having signed in.
    expect(statsBefore.total).toMatchObject({ received: 2, womenSignedIn: 2, satisfaction: 1, participation: 0.5 });

    // Her old tokens and her sign-in are gone.
    expectApiError(await api('anna', 'GET', ApiPaths.me), 401, ErrorCode.TokenInvalid);
    expectApiError(await api('anna', 'GET', ApiPaths.myRequests), 401, ErrorCode.TokenInvalid);
    expectApiError(await call(app().baseUrl, 'POST', ApiPaths.authRefresh, { body: { refreshToken } }), 401, ErrorCode.RefreshTokenInvalid);
    expect((await call(app().baseUrl, 'POST', ApiPaths.authDev, { body: { personKey: 'anna' } })).status).toBe(404);

    // The request is still the chair's record, without her words, her phone or her.
    const kept = await must(api<RequestDetail>('chair', 'GET', pathOf(ApiPaths.request, { id: annaRequest.id })));
    expect(kept).toMatchObject({ state: 'closed', categoryKey: ServiceCategoryKey.MarriageMediation, description: ERASED_TEXT, contact: {}, rating: { rating: Rating.Satisfied, comment: null } });
    expect(kept.timeline.map((e) => e.note)).toEqual(kept.timeline.map(() => null));

    // Her seat went to Bea; the talk she attended still counts her, by no name.
    const beaSignups = await must(api<MySignup[]>('bea', 'GET', ApiPaths.mySignups));
    expect(beaSignups.find((s) => s.activityId === screening.id)).toMatchObject({ state: 'confirmed' });
    // Her public concern stays, by nobody; her unpublished one is gone; her co-signature still counts.
    const concern = await must(api<ConcernDetail>('bea', 'GET', pathOf(ApiPaths.concern, { id: annaConcern.id })));
    expect(concern).toMatchObject({ title: '村口路灯坏了', authorLabel: '一位村民', cosignCount: 1 });
    expect((await must(api<ConcernDetail>('bea', 'GET', pathOf(ApiPaths.concern, { id: beaConcern.id })))).cosignCount).toBe(1);

    // Raw rows: nothing of hers, encrypted or not, anywhere but the public concern's text.
    const cipher = app().app.get(FieldCipher);
    const everything: string[] = [];
    for (const meta of app().dataSource.entityMetadatas) {
      for (const row of await app().dataSource.query(`SELECT * FROM ${meta.tableName}`)) {
        for (const value of Object.values(row as Record<string, unknown>)) {
          const text = value instanceof Date ? value.toISOString() : String(value);
          everything.push(/^v1\./.test(text) ? cipher.decrypt(text) : text);
        }
      }
    }
    const all = everything.join('\n');
    expect(everything.filter((v) => /ANNA-|13922220001|13922220003|13922220004|张桂英/.test(v))).toEqual([]);
    expect(all).toContain('BEA-说明-丈夫喝酒');
    expect(all).toContain('晚上回家看不见路');
    const [user] = await app().dataSource.query('SELECT openid, display_name AS name, demo_key AS demoKey, deleted_at AS deletedAt, home_federation_id AS home FROM app_user WHERE id = ?', [anna]);
    expect(user).toEqual({ openid: null, name: null, demoKey: null, deletedAt: expect.any(Date), home: TREE.village });
    for (const table of ['service_request WHERE woman_user_id', 'refresh_token WHERE user_id', 'roster_entry WHERE woman_user_id', 'concern WHERE author_user_id', 'concern_cosign WHERE user_id', 'feedback WHERE author_user_id']) {
      const [{ n }] = await app().dataSource.query(`SELECT COUNT(*) AS n FROM ${table} = ?`, [anna]);
      expect([table, Number(n)]).toEqual([table, 0]);
    }
    const audits = await app().dataSource.query("SELECT action, actor_user_id AS actor FROM audit_log WHERE subject_id = ? ORDER BY seq", [anna]);
    expect(audits.map((a: { action: string }) => a.action)).toContain('user.delete_data');
    expect(await verifyAuditChain(app().dataSource)).toMatchObject({ ok: true });

    // Bea: her request, her words, her concern, as before.
    expect(await must(api<RequestDetail>('bea', 'GET', pathOf(ApiPaths.request, { id: beaRequest.id })))).toEqual(beaBefore);
    const beaData = (await exportOf('bea')).body;
    expect(beaData.concerns.map((c) => c.description)).toEqual(['BEA-议题-垃圾堆了一个月']);
    expect(beaData.cosigns.map((c) => c.concernId)).toEqual([annaConcern.id]);
  });

  it('a WeChat user who deleted her account signs in again to a new, empty one', async () => {
    const first = await call<AuthTokens>(app().baseUrl, 'POST', ApiPaths.authWechat, { body: { code: 'ok:openid-leaving' } });
    expect((await call(app().baseUrl, 'POST', ApiPaths.myDataDeletion, { token: first.body.accessToken, body: { confirm: true } })).status).toBe(200);

    const again = await call<AuthTokens>(app().baseUrl, 'POST', ApiPaths.authWechat, { body: { code: 'ok:openid-leaving' } });

    expect(again.status).toBe(200);
    expect(again.body.user.id).not.toBe(first.body.user.id);
    const fresh = await call<MyDataExport>(app().baseUrl, 'GET', ApiPaths.myData, { token: again.body.accessToken });
    expect(fresh.body).toMatchObject({ requests: [], signups: [], concerns: [], feedback: [], rosters: [] });
  });
});
