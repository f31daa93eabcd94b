import { randomUUID } from 'node:crypto';
import {
  ActivityCategory,
  ApiPaths,
  ErrorCode,
  RoleKind,
  pathOf,
  personLabel,
  type ActivityDetail,
  type AttendeeList,
  type AuthTokens,
  type BodyMember,
  type CheckInResult,
  type ErrorResponse,
  type MeResponse,
  type MySignup,
} from '@wfh/shared';
import { FieldCipher } from '../../src/infra/crypto/field-cipher';
import { PhoneDigest } from '../../src/infra/crypto/phone-digest';
import { TREE } from '../factories/bodies';
import { expectApiError, expectFieldErrors } from '../support/api-expect';
import { call, type ApiReply } from '../support/test-app';
import { useTreeApp } from '../support/tree-app';

/** Tuesday 1 December 2026, 10:00 in Asia/Shanghai. */
const START = new Date('2026-12-01T02:00:00Z');

/**
 * Real names (#14): a listed person carries her listed name, anyone else may set her own, and a
 * person with neither is shown by a neutral label, never by an invented name such as 「微信用户」.
 */
describe('names over HTTP', () => {
  const { clock, token, app, api } = useTreeApp(START, [
    ['named', { key: 'named', displayName: '张桂英', home: TREE.village }],
    ['nameless', { key: 'nameless', displayName: null, home: TREE.village }],
    ['chair', { key: 'chair', displayName: '张春梅', role: { role: RoleKind.Chair, federationId: TREE.village } }],
    ['deputy', { key: 'deputy', displayName: null, role: { role: RoleKind.Deputy, federationId: TREE.village } }],
    ['admin', { key: 'admin', displayName: '陈静', role: { role: RoleKind.Admin, federationId: TREE.county } }],
  ]);

  const me = (who: string) => api<MeResponse>(who, 'GET', ApiPaths.me);
  const setName = (who: string | null, body: unknown) => api<MeResponse>(who, 'PUT', ApiPaths.meName, body);
  const storedName = async (key: string): Promise<{ name: string | null; listed: boolean }> => {
    const [row] = await app().dataSource.query('SELECT display_name AS name, name_listed AS listed FROM app_user WHERE demo_key = ?', [key]);
    return { name: row.name, listed: Boolean(Number(row.listed)) };
  };
  /** A refused name: her field named with a message she can act on. */
  const expectRefused = (reply: ApiReply, words: string): void => {
    const body = expectFieldErrors(reply, 400, ErrorCode.ValidationFailed, ['name']);
    expect(body.fields![0]!.message).toContain(words);
  };

  describe('PUT /me/name', () => {
    it('sets her name trimmed, shows it everywhere she is, and clears it with null', async () => {
      expect((await me('nameless')).body.user).toMatchObject({ displayName: null, nameListed: false });

      const set = await setName('nameless', { name: '  王大姐 ' });
      expect(set.status).toBe(200);
      expect(set.body.user).toMatchObject({ displayName: '王大姐', nameListed: false });
      expect((await me('nameless')).body.user.displayName).toBe('王大姐');
      expect(await storedName('nameless')).toEqual({ name: '王大姐', listed: false });

      // A name she had before is hers to change too.
      expect((await setName('named', { name: '桂英🌸' })).body.user.displayName).toBe('桂英🌸');

      const cleared = await setName('nameless', { name: null });
      expect(cleared.status).toBe(200);
      expect(cleared.body.user.displayName).toBeNull();
      expect(await storedName('nameless')).toEqual({ name: null, listed: false });
    });

    it.each([
      ['', '请填写您的称呼'],
      ['　 ', '请填写您的称呼'],
      ['一二三四五六七八九十一二三四五六七八九十一', '不超过20个字'],
      ['王\n秀英', '不能有换行'],
      ['微信用户', '不是称呼'],
      ['报名者 1', '不是称呼'],
    ])('refuses %j in Chinese and keeps the name she had', async (name, words) => {
      expectRefused(await setName('named', { name }), words);
      expect(await storedName('named')).toEqual({ name: '张桂英', listed: false });
    });

    it('refuses a body that is not one name, and another person’s id: it only ever names the caller', async () => {
      expectApiError(await setName('named', {}), 400, ErrorCode.ValidationFailed);
      expectApiError(await setName('named', { name: 42 }), 400, ErrorCode.ValidationFailed);
      const chairId = (await me('chair')).body.user.id;
      expectApiError(await setName('named', { name: '王大姐', userId: chairId }), 400, ErrorCode.ValidationFailed);
      expect((await setName('named', { name: '王大姐' })).status).toBe(200);
      expect(await storedName('chair')).toEqual({ name: '张春梅', listed: false });
      expectApiError(await setName(null, { name: '王大姐' }), 401, ErrorCode.Unauthenticated);
    });

    it('keeps a listed person’s listed name: she is told to ask the county, before and after a nickname of her own', async () => {
      const cipher = app().app.get(FieldCipher);
      const digest = app().app.get(PhoneDigest);
      await app().dataSource.query(
        'INSERT INTO listed_person (id, name, phone_enc, phone_digest, federation_id, role, imported_by) VALUES (?, ?, ?, ?, ?, ?, NULL)',
        [randomUUID(), '刘淑珍', cipher.encrypt('13900001111'), digest.of('13900001111'), TREE.village, RoleKind.Executive],
      );
      const signedIn = await call<AuthTokens>(app().baseUrl, 'POST', ApiPaths.authWechat, { body: { code: 'ok:openid-listed' } });
      const listedToken = signedIn.body.accessToken;
      expect(signedIn.body.user).toMatchObject({ displayName: null, nameListed: false });
      // A nickname first (she did not share her phone yet) …
      expect((await call<MeResponse>(app().baseUrl, 'PUT', ApiPaths.meName, { token: listedToken, body: { name: '小刘' } })).body.user.displayName).toBe('小刘');
      // … then the phone the county listed: the listed name replaces it.
      const code = `phone-code-${randomUUID()}`;
      app().wechat.phoneCodes.set(code, '13900001111');
      const claimed = await call<MeResponse>(app().baseUrl, 'POST', ApiPaths.mePhone, { token: listedToken, body: { code } });
      expect(claimed.body.user).toMatchObject({ displayName: '刘淑珍', nameListed: true });

      for (const name of ['刘姐', null]) {
        const refused = await call(app().baseUrl, 'PUT', ApiPaths.meName, { token: listedToken, body: { name } });
        expectApiError(refused, 409, ErrorCode.NameIsListed);
        expect((refused.body as ErrorResponse).message).toBe('您的姓名来自县妇联名单，如需更改请联系县妇联');
      }
      expect((await call<MeResponse>(app().baseUrl, 'GET', ApiPaths.me, { token: listedToken })).body.user.displayName).toBe('刘淑珍');
    });
  });

  describe('a new WeChat user', () => {
    it('has no invented name', async () => {
      const signedIn = await call<AuthTokens>(app().baseUrl, 'POST', ApiPaths.authWechat, { body: { code: 'ok:openid-new' } });
      expect(signedIn.body.user).toMatchObject({ displayName: null, nameListed: false });
      const [row] = await app().dataSource.query('SELECT display_name AS name FROM app_user WHERE openid = ?', ['openid-new']);
      expect(row.name).toBeNull();
    });
  });

  describe("in a chair's lists", () => {
    const screening = {
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
      capacity: 10,
    };
    const published = async (): Promise<string> => {
      const draft = await api<ActivityDetail>('chair', 'POST', pathOf(ApiPaths.federationActivities, { id: TREE.village }), screening);
      expect((await api('chair', 'POST', pathOf(ApiPaths.activityPublish, { id: draft.body.id }))).status).toBe(201);
      return draft.body.id;
    };
    const attendees = async (id: string) => (await api<AttendeeList>('chair', 'GET', pathOf(ApiPaths.activityAttendees, { id }))).body;
    const labels = (list: AttendeeList) => list.confirmed.map((a) => personLabel(a.name, { as: 'attendee', number: a.number }));

    it('a woman without a name is 报名者 and her number, the same in the list, the spreadsheet and at check-in; never 微信用户', async () => {
      const id = await published();
      expect((await api('named', 'POST', pathOf(ApiPaths.activitySignups, { id }), {})).body.state).toBe('confirmed');
      expect((await api('nameless', 'POST', pathOf(ApiPaths.activitySignups, { id }), {})).body.state).toBe('confirmed');

      const list = await attendees(id);
      expect(list.confirmed.map((a) => [a.name, a.number])).toEqual([['张桂英', 1], [null, 2]]);
      expect(labels(list)).toEqual(['张桂英', '报名者 2']);
      expect(JSON.stringify(list)).not.toContain('微信用户');

      const csv = await call<string>(app().baseUrl, 'GET', pathOf(ApiPaths.activityAttendeesCsv, { id }), { token: token.chair });
      expect(csv.body).toContain('报名者 2');
      expect(csv.body).not.toContain('微信用户');

      clock.at = new Date(screening.startsAt);
      const [seat] = (await api<MySignup[]>('nameless', 'GET', ApiPaths.mySignups)).body;
      const checkIn = (code: string) => api<CheckInResult>('chair', 'POST', pathOf(ApiPaths.activityCheckIns, { id }), { code });
      const arrived = await checkIn(seat!.shortCode!);
      expect(arrived.body).toMatchObject({ name: null, number: 2 });
      const again = await api<ErrorResponse>('chair', 'POST', pathOf(ApiPaths.activityCheckIns, { id }), { code: seat!.shortCode! });
      expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: ErrorCode.AlreadyCheckedIn });
      expect(again.body.message).toMatch(/^报名者 2已经签到过了/);
    });

    it('shows the name she sets, from then on', async () => {
      const id = await published();
      await api('nameless', 'POST', pathOf(ApiPaths.activitySignups, { id }), {});
      expect(labels(await attendees(id))).toEqual(['报名者 1']);
      await setName('nameless', { name: '王大姐' });
      expect(labels(await attendees(id))).toEqual(['王大姐']);
    });

    it('a member without a name comes with the day she joined, for the label of the members list and the deputy picker', async () => {
      const members = await api<BodyMember[]>('admin', 'GET', pathOf(ApiPaths.federationMembers, { id: TREE.village }));
      expect(members.status).toBe(200);
      const deputy = members.body.find((m) => m.role === RoleKind.Deputy)!;
      expect(deputy.displayName).toBeNull();
      expect(personLabel(deputy.displayName, { as: 'member', since: deputy.since })).toMatch(/^未留姓名的成员（\d{4}年\d{1,2}月\d{1,2}日加入）$/);
      expect(members.body.find((m) => m.role === RoleKind.Chair)!.displayName).toBe('张春梅');
    });
  });

});
