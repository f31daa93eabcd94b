import { randomUUID } from 'node:crypto';
import { ApiPaths, ErrorCode, RoleKind, type AuthTokens, type MeResponse } from '@wfh/shared';
import { FieldCipher } from '../../src/infra/crypto/field-cipher';
import { PhoneDigest } from '../../src/infra/crypto/phone-digest';
import { listFirstAdmin } from '../../src/modules/listed-roles/first-admin';
import { ListedPeopleRepository } from '../../src/modules/onboarding/listed-people.repository';
import { createTree, TREE } from '../factories/bodies';
import { expectApiError } from '../support/api-expect';
import { call, startTestApp, type TestApp } from '../support/test-app';

/**
 * A chair the county listed in its people import opens the mini-program, taps 「用微信手机号登录」,
 * and works under her listed roles and name at once: no invitation code.
 */
describe('roles by the phone number she shares through WeChat', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  beforeEach(async () => {
    await t.reset();
    await createTree(t.dataSource);
  });
  afterAll(() => t.close());

  const list = async (name: string, phone: string, role: RoleKind, federationId: string) => {
    const cipher = t.app.get(FieldCipher);
    const digest = t.app.get(PhoneDigest);
    await t.dataSource.query(
      'INSERT INTO listed_person (id, name, phone_enc, phone_digest, federation_id, role, imported_by) VALUES (?, ?, ?, ?, ?, ?, NULL)',
      [randomUUID(), name, cipher.encrypt(phone), digest.of(phone), federationId, role],
    );
  };
  const signIn = async (openid: string) => (await call<AuthTokens>(t.baseUrl, 'POST', ApiPaths.authWechat, { body: { code: `ok:${openid}` } })).body;
  /** What the getPhoneNumber button hands the page: a one-time code WeChat knows the number of. */
  const sharePhone = (token: string, phone: string) => {
    const code = `phone-code-${randomUUID()}`;
    t.wechat.phoneCodes.set(code, phone);
    return call<MeResponse>(t.baseUrl, 'POST', ApiPaths.mePhone, { token, body: { code } });
  };
  const grants = async () =>
    t.dataSource.query("SELECT role, federation_id AS federationId FROM role_assignment WHERE revoked_at IS NULL ORDER BY role");

  it('a listed chair gets her roles and her listed name at once, and it is audited', async () => {
    await list('张春梅', '138 1234 5678', RoleKind.Chair, TREE.village);
    await list('张春梅', '13812345678', RoleKind.Executive, TREE.siblingVillage);
    const { accessToken } = await signIn('openid-chair');

    const reply = await sharePhone(accessToken, '13812345678');
    expect(reply.status).toBe(200);
    expect(reply.body.user.displayName).toBe('张春梅');
    expect(reply.body.roles.map((r) => [r.role, r.federationName])).toEqual([
      [RoleKind.Chair, '懿路村妇联'],
      [RoleKind.Executive, expect.any(String)],
    ]);
    // The same token works for the workbench straight away: the guard reads grants on every call.
    const inbox = await call(t.baseUrl, 'GET', ApiPaths.inbox.replace(':id', TREE.village), { token: accessToken });
    expect(inbox.status).toBe(200);
    const audits = await t.dataSource.query("SELECT action, federation_id AS federationId FROM audit_log WHERE action = 'role.grant_by_phone' ORDER BY federation_id");
    expect(audits).toHaveLength(2);
  });

  it('sharing again changes nothing: one grant per listing', async () => {
    await list('刘淑珍', '13900001111', RoleKind.Chair, TREE.village);
    const { accessToken } = await signIn('openid-again');
    expect((await sharePhone(accessToken, '13900001111')).status).toBe(200);
    expect((await sharePhone(accessToken, '13900001111')).status).toBe(200);
    expect(await grants()).toEqual([{ role: RoleKind.Chair, federationId: TREE.village }]);
  });

  it('a number on no list gets a clear message, and nothing else', async () => {
    await list('刘淑珍', '13900001111', RoleKind.Chair, TREE.village);
    const { accessToken, user } = await signIn('openid-stranger');
    const reply = await sharePhone(accessToken, '13700000000');
    expectApiError(reply, 403, ErrorCode.PhoneNotListed);
    expect((reply.body as unknown as { message: string }).message).toContain('不在县妇联登记的工作人员名单上');
    expect(await grants()).toEqual([]);
    const [row] = await t.dataSource.query('SELECT display_name AS name FROM app_user WHERE id = ?', [user.id]);
    expect(row.name).not.toBe('刘淑珍');
  });

  it('a number listed for two different people grants neither until the county corrects it', async () => {
    await list('王丽', '13600002222', RoleKind.Chair, TREE.village);
    await list('王莉', '13600002222', RoleKind.Deputy, TREE.village);
    const { accessToken } = await signIn('openid-twice');
    const reply = await sharePhone(accessToken, '13600002222');
    expectApiError(reply, 409, ErrorCode.PhoneListedTwice);
    expect(await grants()).toEqual([]);
  });

  it('a code WeChat does not know, or one used already, is refused without granting anything', async () => {
    await list('赵丽', '13500003333', RoleKind.Staff, TREE.township);
    const { accessToken } = await signIn('openid-replay');
    const code = 'phone-code-once';
    t.wechat.phoneCodes.set(code, '13500003333');
    expect((await call(t.baseUrl, 'POST', ApiPaths.mePhone, { token: accessToken, body: { code } })).status).toBe(200);
    await t.dataSource.query('DELETE FROM role_assignment');
    expectApiError(await call(t.baseUrl, 'POST', ApiPaths.mePhone, { token: accessToken, body: { code } }), 400, ErrorCode.WechatPhoneFailed);
    expectApiError(await call(t.baseUrl, 'POST', ApiPaths.mePhone, { token: accessToken, body: { code: 'made-up' } }), 400, ErrorCode.WechatPhoneFailed);
    expect(await grants()).toEqual([]);
  });

  it('needs her WeChat sign-in first', async () => {
    expectApiError(await call(t.baseUrl, 'POST', ApiPaths.mePhone, { body: { code: 'x' } }), 401, ErrorCode.Unauthenticated);
  });

  describe('the first county admin of a fresh database', () => {
    const deps = () => ({ cipher: t.app.get(FieldCipher), phoneDigest: t.app.get(PhoneDigest), listings: t.app.get(ListedPeopleRepository) });
    const first = (countyId: string, name = '陈静', phone = '13300004444') => listFirstAdmin(t.dataSource, deps(), { countyId, name, phone }, new Date());

    it('is listed by the command, and holds the county when she shares that phone', async () => {
      expect(await first(TREE.county)).toEqual({ ok: true, listed: true, countyName: '铁岭县妇联' });
      const { accessToken } = await signIn('openid-first-admin');
      const reply = await sharePhone(accessToken, '13300004444');
      expect(reply.body.roles).toEqual([{ role: RoleKind.Admin, federationId: TREE.county, federationName: '铁岭县妇联' }]);
      const audits = await t.dataSource.query("SELECT action FROM audit_log WHERE action IN ('listed_person.first_admin', 'role.grant_by_phone') ORDER BY action");
      expect(audits.map((a: { action: string }) => a.action)).toEqual(['listed_person.first_admin', 'role.grant_by_phone']);
    });

    it('run twice changes nothing; another name for the same phone is refused with nothing changed', async () => {
      await first(TREE.county);
      expect(await first(TREE.county)).toEqual({ ok: true, listed: false, countyName: '铁岭县妇联' });
      const refused = await first(TREE.county, '别人');
      expect(refused).toEqual({ ok: false, message: expect.stringContaining('已经登记为铁岭县妇联管理员「陈静」') });
      expect(await t.dataSource.query('SELECT name FROM listed_person')).toEqual([{ name: '陈静' }]);
    });

    it('refuses codes that are not a county in the database, and phones that are not phones', async () => {
      expect(await first('999999')).toEqual({ ok: false, message: expect.stringContaining('没有区划代码为 999999 的县级妇联') });
      expect(await first(TREE.township)).toEqual({ ok: false, message: expect.stringContaining('6位数字') });
      expect(await first(TREE.county.slice(0, 4) + '99')).toEqual({ ok: false, message: expect.stringContaining('没有区划代码') });
      expect(await first(TREE.county, '陈静', '12345')).toEqual({ ok: false, message: expect.stringContaining('手机号应当是11位') });
      const [{ n }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM listed_person');
      expect(Number(n)).toBe(0);
    });
  });
});
