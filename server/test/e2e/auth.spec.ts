import { JwtService } from '@nestjs/jwt';
import { ActivityCategory, ApiPaths, ErrorCode, RoleKind, pathOf, type AuthTokens, type DemoPerson, type MeResponse } from '@wfh/shared';
import { FieldCipher } from '../../src/infra/crypto/field-cipher';
import { createPerson, createTree, TREE } from '../factories/bodies';
import { expectApiError, expectFieldErrors, signInAs } from '../support/api-expect';
import { call, startTestApp, TEST_JWT_SECRET, type TestApp } from '../support/test-app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

describe('auth over HTTP', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  beforeEach(async () => {
    await t.reset();
    await createTree(t.dataSource);
  });
  afterAll(() => t.close());

  const wechatSignIn = (code: unknown) => call<AuthTokens>(t.baseUrl, 'POST', ApiPaths.authWechat, { body: { code } });
  const me = (token?: string) => call<MeResponse>(t.baseUrl, 'GET', ApiPaths.me, { token });
  const refresh = (refreshToken: string) => call<AuthTokens>(t.baseUrl, 'POST', ApiPaths.authRefresh, { body: { refreshToken } });
  const countUsers = async (): Promise<number> => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM app_user'))[0].n);
  const storedSessionKey = async (openid: string): Promise<string> =>
    (await t.dataSource.query('SELECT wechat_session_key_enc AS enc FROM app_user WHERE openid = ?', [openid]))[0].enc;

  describe('WeChat sign-in', () => {
    it('first sign-in creates a person, with no invented name, and returns a working pair of tokens and her profile', async () => {
      const reply = await wechatSignIn('ok:openid-first');

      expect(reply.status).toBe(200);
      expect(reply.body.accessToken).toMatch(JWT);
      expect(reply.body.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(reply.body.expiresIn).toBe(t.config.auth.accessTtlSeconds);
      expect(reply.body.user).toEqual({ id: expect.stringMatching(UUID), displayName: null, nameListed: false, homeFederationId: null, isDemo: false });
      expect(t.wechat.codes.at(-1)).toBe('ok:openid-first');
      expect(await countUsers()).toBe(1);

      const profile = await me(reply.body.accessToken);
      expect(profile.status).toBe(200);
      expect(profile.body).toEqual({ user: reply.body.user, roles: [], home: null });
    });

    it('never sends the session_key (nor the openid) back to the phone', async () => {
      const reply = await wechatSignIn('ok:openid-secretive');

      expect(reply.status).toBe(200);
      const sessionKey = t.wechat.sessionKeys.get('openid-secretive');
      expect(sessionKey).toMatch(/^sk-openid-secretive-\d+$/);
      const text = JSON.stringify(reply.body);
      expect(text).not.toContain(sessionKey);
      expect(text).not.toContain('openid-secretive');
      const profile = await me(reply.body.accessToken);
      expect(JSON.stringify(profile.body)).not.toContain(sessionKey);
      expect(JSON.stringify(profile.body)).not.toContain('openid-secretive');
    });

    it('stores the session_key only encrypted, and decryptable with the data key', async () => {
      await wechatSignIn('ok:openid-stored');
      const sessionKey = t.wechat.sessionKeys.get('openid-stored')!;

      const enc = await storedSessionKey('openid-stored');
      expect(enc).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
      expect(enc).not.toContain(sessionKey);
      expect(enc).not.toContain(Buffer.from(sessionKey).toString('base64url'));
      expect(new FieldCipher(t.config.dataKey).decrypt(enc)).toBe(sessionKey);
    });

    it('the same openid signing in again is the same person, with her new session_key stored', async () => {
      const first = await wechatSignIn('ok:openid-again');
      const second = await wechatSignIn('ok:openid-again');

      expect(second.status).toBe(200);
      expect(second.body.user.id).toBe(first.body.user.id);
      expect(second.body.refreshToken).not.toBe(first.body.refreshToken);
      expect(await countUsers()).toBe(1);
      const latestKey = t.wechat.sessionKeys.get('openid-again')!;
      expect(new FieldCipher(t.config.dataKey).decrypt(await storedSessionKey('openid-again'))).toBe(latestKey);
    });

    it('different openids are different people', async () => {
      const a = await wechatSignIn('ok:openid-a');
      const b = await wechatSignIn('ok:openid-b');

      expect(a.status).toBe(200);
      expect(b.status).toBe(200);
      expect(a.body.user.id).not.toBe(b.body.user.id);
      expect(await countUsers()).toBe(2);
    });

    it('a code WeChat refuses → 401 WECHAT_SIGN_IN_FAILED and nobody is created', async () => {
      const reply = await wechatSignIn('expired-code');

      expectApiError(reply, 401, ErrorCode.WechatSignInFailed);
      expect(t.wechat.codes.at(-1)).toBe('expired-code');
      expect(await countUsers()).toBe(0);
    });

    it.each([
      ['missing', {}],
      ['empty', { code: '' }],
      ['not text', { code: 42 }],
    ])('code %s → 400 VALIDATION_FAILED naming code, WeChat not asked', async (_, body) => {
      const asked = t.wechat.codes.length;
      const reply = await call(t.baseUrl, 'POST', ApiPaths.authWechat, { body });

      expectFieldErrors(reply, 400, ErrorCode.ValidationFailed, ['code']);
      expect(t.wechat.codes.length).toBe(asked);
      expect(await countUsers()).toBe(0);
    });

    it('WeChat unreachable → 503 WECHAT_SIGN_IN_FAILED, nobody created', async () => {
      const cut = await startTestApp({ WECHAT_API_BASE: 'http://127.0.0.1:9' });
      try {
        const reply = await call(cut.baseUrl, 'POST', ApiPaths.authWechat, { body: { code: 'ok:openid-offline' } });
        expectApiError(reply, 503, ErrorCode.WechatSignInFailed);
        expect(await countUsers()).toBe(0);
      } finally {
        await cut.close();
      }
    });

    it('no body at all → 400 VALIDATION_FAILED naming code', async () => {
      const reply = await call(t.baseUrl, 'POST', ApiPaths.authWechat);

      expectFieldErrors(reply, 400, ErrorCode.ValidationFailed, ['code']);
    });
  });

  describe('development sign-in', () => {
    it('lists the demo people, ordered by key, and not people who signed in with WeChat', async () => {
      await createPerson(t.dataSource, { key: 'zhang', displayName: '张大姐' });
      await createPerson(t.dataSource, { key: 'chair-li', displayName: '李主席', role: { role: RoleKind.Chair, federationId: TREE.village } });
      await wechatSignIn('ok:openid-real');

      const reply = await call<DemoPerson[]>(t.baseUrl, 'GET', ApiPaths.authDevPeople);

      expect(reply.status).toBe(200);
      expect(reply.body).toEqual([
        { key: 'chair-li', displayName: '李主席', description: 'test person chair-li' },
        { key: 'zhang', displayName: '张大姐', description: 'test person zhang' },
      ]);
    });

    it('signs in as a demo person', async () => {
      const person = await createPerson(t.dataSource, { key: 'wang', displayName: '王阿姨', home: TREE.village });

      const reply = await call<AuthTokens>(t.baseUrl, 'POST', ApiPaths.authDev, { body: { personKey: 'wang' } });

      expect(reply.status).toBe(200);
      expect(reply.body.user).toEqual({ id: person.id, displayName: '王阿姨', nameListed: false, homeFederationId: TREE.village, isDemo: true });
      expect((await me(reply.body.accessToken)).body.user.id).toBe(person.id);
    });

    it('an unknown key → 404 UNKNOWN_DEMO_PERSON', async () => {
      await createPerson(t.dataSource, { key: 'wang' });

      const reply = await call(t.baseUrl, 'POST', ApiPaths.authDev, { body: { personKey: 'nobody' } });

      expectApiError(reply, 404, ErrorCode.UnknownDemoPerson);
    });

    it('with DEV_SIGN_IN=false both endpoints → 403 DEV_SIGN_IN_DISABLED, even for a real demo key', async () => {
      await createPerson(t.dataSource, { key: 'wang' });
      const locked = await startTestApp({ DEV_SIGN_IN: 'false' });
      try {
        const people = await call(locked.baseUrl, 'GET', ApiPaths.authDevPeople);
        expectApiError(people, 403, ErrorCode.DevSignInDisabled);
        expect(JSON.stringify(people.body)).not.toContain('wang');

        const signIn = await call(locked.baseUrl, 'POST', ApiPaths.authDev, { body: { personKey: 'wang' } });
        expectApiError(signIn, 403, ErrorCode.DevSignInDisabled);
        expect(signIn.body).not.toHaveProperty('accessToken');
      } finally {
        await locked.close();
      }
    });
  });

  describe('access tokens', () => {
    let personId: string;
    beforeEach(async () => {
      personId = (await createPerson(t.dataSource, { key: 'wang', home: TREE.village })).id;
    });

    it('no token on /me → 401 UNAUTHENTICATED', async () => {
      expectApiError(await me(), 401, ErrorCode.Unauthenticated);
    });

    it('a garbage bearer token → 401 TOKEN_INVALID', async () => {
      expectApiError(await me('not-a-token'), 401, ErrorCode.TokenInvalid);
    });

    it('a header that is not "Bearer <token>" → 401 TOKEN_INVALID', async () => {
      const { accessToken } = await signInAs(t.baseUrl, 'wang');
      for (const authorization of [`Basic ${accessToken}`, 'Bearer', `bearer ${accessToken}`]) {
        const reply = await call(t.baseUrl, 'GET', ApiPaths.me, { headers: { authorization } });
        expectApiError(reply, 401, ErrorCode.TokenInvalid);
      }
    });

    it('a token signed with another secret → 401 TOKEN_INVALID', async () => {
      const forged = new JwtService({ secret: 'another-secret-that-is-also-long-enough-for-hs256' }).sign(
        { sub: personId, typ: 'access', gen: 0 },
        { algorithm: 'HS256', expiresIn: 3600 },
      );

      expectApiError(await me(forged), 401, ErrorCode.TokenInvalid);
    });

    it('an unsigned token (alg "none") → 401 TOKEN_INVALID', async () => {
      const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const unsigned = `${part({ alg: 'none', typ: 'JWT' })}.${part({ sub: personId, typ: 'access', gen: 0, exp: Math.floor(Date.now() / 1000) + 3600 })}.`;

      expectApiError(await me(unsigned), 401, ErrorCode.TokenInvalid);
    });

    it('an expired token → 401 TOKEN_EXPIRED', async () => {
      const expired = t.app.get(JwtService).sign(
        { sub: personId, typ: 'access', gen: 0, exp: Math.floor(Date.now() / 1000) - 60 },
        { algorithm: 'HS256' },
      );

      expectApiError(await me(expired), 401, ErrorCode.TokenExpired);
    });

    it('a correctly signed token of another type → 401 TOKEN_INVALID', async () => {
      const wrongType = new JwtService({ secret: TEST_JWT_SECRET }).sign({ sub: personId, typ: 'refresh', gen: 0 }, { algorithm: 'HS256', expiresIn: 3600 });

      expectApiError(await me(wrongType), 401, ErrorCode.TokenInvalid);
    });

    it('a correctly signed token that never expires (no exp) → 401 TOKEN_INVALID', async () => {
      const forever = new JwtService({ secret: TEST_JWT_SECRET }).sign({ sub: personId, typ: 'access', gen: 0 }, { algorithm: 'HS256' });
      expect(JSON.parse(Buffer.from(forever.split('.')[1]!, 'base64url').toString())).not.toHaveProperty('exp');

      expectApiError(await me(forever), 401, ErrorCode.TokenInvalid);
    });

    it('a correctly signed token without a generation (it could never be ended) → 401 TOKEN_INVALID', async () => {
      const endless = new JwtService({ secret: TEST_JWT_SECRET }).sign({ sub: personId, typ: 'access' }, { algorithm: 'HS256', expiresIn: 3600 });

      expectApiError(await me(endless), 401, ErrorCode.TokenInvalid);
    });

    it('the same token as the server issues, hand-made, works: the refusals above are for what each one lacks', async () => {
      const { accessToken } = await signInAs(t.baseUrl, 'wang');
      const issued = JSON.parse(Buffer.from(accessToken.split('.')[1]!, 'base64url').toString());
      expect(issued).toEqual({ sub: personId, typ: 'access', gen: 0, iat: expect.any(Number), exp: issued.iat + t.config.auth.accessTtlSeconds });
      const handMade = new JwtService({ secret: TEST_JWT_SECRET }).sign({ sub: personId, typ: 'access', gen: 0 }, { algorithm: 'HS256', expiresIn: 3600 });

      expect((await me(handMade)).status).toBe(200);
    });

    it('a refresh token is no access token → 401 TOKEN_INVALID', async () => {
      const { refreshToken } = await signInAs(t.baseUrl, 'wang');

      expectApiError(await me(refreshToken), 401, ErrorCode.TokenInvalid);
    });

    it('the token of a person who no longer exists → 401 TOKEN_INVALID', async () => {
      const { accessToken } = await signInAs(t.baseUrl, 'wang');
      await t.dataSource.query('DELETE FROM app_user WHERE id = ?', [personId]);

      expectApiError(await me(accessToken), 401, ErrorCode.TokenInvalid);
    });
  });

  describe('refresh tokens', () => {
    beforeEach(async () => {
      await createPerson(t.dataSource, { key: 'wang' });
    });

    it('trades a refresh token for a new pair that works on /me', async () => {
      const first = await signInAs(t.baseUrl, 'wang');

      const next = await refresh(first.refreshToken);

      expect(next.status).toBe(200);
      expect(next.body.accessToken).toMatch(JWT);
      expect(next.body.refreshToken).not.toBe(first.refreshToken);
      expect(next.body.expiresIn).toBe(t.config.auth.accessTtlSeconds);
      expect(next.body.user).toEqual(first.user);
      const profile = await me(next.body.accessToken);
      expect(profile.status).toBe(200);
      expect(profile.body.user.id).toBe(first.user.id);

      const again = await refresh(next.body.refreshToken);
      expect(again.status).toBe(200);
      expect(again.body.user.id).toBe(first.user.id);
    });

    it('an unknown refresh token → 401 REFRESH_TOKEN_INVALID', async () => {
      expectApiError(await refresh('x'.repeat(43)), 401, ErrorCode.RefreshTokenInvalid);
    });

    it('an empty refresh token → 400 VALIDATION_FAILED naming refreshToken', async () => {
      expectFieldErrors(await refresh(''), 400, ErrorCode.ValidationFailed, ['refreshToken']);
    });

    it('an expired refresh token → 401 REFRESH_TOKEN_INVALID', async () => {
      const { refreshToken } = await signInAs(t.baseUrl, 'wang');
      await t.dataSource.query('UPDATE refresh_token SET expires_at = ?', [new Date(Date.now() - 1000)]);

      expectApiError(await refresh(refreshToken), 401, ErrorCode.RefreshTokenInvalid);
    });

    it('a refresh token used twice → 401, and the refresh token issued from its first use stops working too', async () => {
      const stolen = await signInAs(t.baseUrl, 'wang');
      const rotated = await refresh(stolen.refreshToken);
      expect(rotated.status).toBe(200);

      expectApiError(await refresh(stolen.refreshToken), 401, ErrorCode.RefreshTokenInvalid);
      expectApiError(await refresh(rotated.body.refreshToken), 401, ErrorCode.RefreshTokenInvalid);
    });

    it('reuse ends her other sessions too; signing in afresh still works', async () => {
      const phone = await signInAs(t.baseUrl, 'wang');
      const tablet = await signInAs(t.baseUrl, 'wang');
      expect((await refresh(phone.refreshToken)).status).toBe(200);

      expectApiError(await refresh(phone.refreshToken), 401, ErrorCode.RefreshTokenInvalid);
      expectApiError(await refresh(tablet.refreshToken), 401, ErrorCode.RefreshTokenInvalid);

      const fresh = await signInAs(t.baseUrl, 'wang');
      expect((await refresh(fresh.refreshToken)).status).toBe(200);
    });
  });

  describe('ending her sessions', () => {
    let personId: string;
    beforeEach(async () => {
      personId = (await createPerson(t.dataSource, { key: 'wang', home: TREE.village })).id;
      await createPerson(t.dataSource, { key: 'li', home: TREE.village });
    });

    const signOutEverywhere = (token?: string) => call(t.baseUrl, 'POST', ApiPaths.authSignOutEverywhere, { token });
    const signOut = (refreshToken: unknown) => call(t.baseUrl, 'POST', ApiPaths.authSignOut, { body: { refreshToken } });

    it('a refresh token used twice stops the access tokens of all her sessions at once, not when they expire', async () => {
      const phone = await signInAs(t.baseUrl, 'wang');
      const tablet = await signInAs(t.baseUrl, 'wang');
      const rotated = await refresh(phone.refreshToken);
      expect((await me(rotated.body.accessToken)).status).toBe(200);

      expectApiError(await refresh(phone.refreshToken), 401, ErrorCode.RefreshTokenInvalid);

      for (const accessToken of [phone.accessToken, rotated.body.accessToken, tablet.accessToken]) {
        expectApiError(await me(accessToken), 401, ErrorCode.TokenInvalid);
      }
      expectApiError(await refresh(tablet.refreshToken), 401, ErrorCode.RefreshTokenInvalid);
    });

    it('after reuse she signs in afresh, and the copied token presented again cannot end that new session', async () => {
      const stolen = await signInAs(t.baseUrl, 'wang');
      expect((await refresh(stolen.refreshToken)).status).toBe(200);
      expectApiError(await refresh(stolen.refreshToken), 401, ErrorCode.RefreshTokenInvalid);

      const fresh = await signInAs(t.baseUrl, 'wang');
      expectApiError(await refresh(stolen.refreshToken), 401, ErrorCode.RefreshTokenInvalid);

      expect((await me(fresh.accessToken)).status).toBe(200);
      expect((await refresh(fresh.refreshToken)).status).toBe(200);
    });

    it('退出所有设备: every access and refresh token of hers stops at once, another woman stays signed in, and a new sign-in works', async () => {
      const phone = await signInAs(t.baseUrl, 'wang');
      const tablet = await signInAs(t.baseUrl, 'wang');
      const neighbour = await signInAs(t.baseUrl, 'li');

      const reply = await signOutEverywhere(phone.accessToken);

      expect(reply.status).toBe(204);
      expectApiError(await me(phone.accessToken), 401, ErrorCode.TokenInvalid);
      expectApiError(await me(tablet.accessToken), 401, ErrorCode.TokenInvalid);
      expectApiError(await refresh(phone.refreshToken), 401, ErrorCode.RefreshTokenInvalid);
      expectApiError(await refresh(tablet.refreshToken), 401, ErrorCode.RefreshTokenInvalid);
      expect((await me(neighbour.accessToken)).status).toBe(200);
      expect((await refresh(neighbour.refreshToken)).status).toBe(200);

      const again = await signInAs(t.baseUrl, 'wang');
      expect((await me(again.accessToken)).body.user.id).toBe(personId);
      expect((await refresh(again.refreshToken)).status).toBe(200);
    });

    it('退出所有设备 needs her signed in, and a token it already ended cannot use it again', async () => {
      expectApiError(await signOutEverywhere(), 401, ErrorCode.Unauthenticated);
      const phone = await signInAs(t.baseUrl, 'wang');
      expect((await signOutEverywhere(phone.accessToken)).status).toBe(204);

      expectApiError(await signOutEverywhere(phone.accessToken), 401, ErrorCode.TokenInvalid);
    });

    it('signing out on one phone stops that refresh token only; her other phone stays signed in', async () => {
      const phone = await signInAs(t.baseUrl, 'wang');
      const tablet = await signInAs(t.baseUrl, 'wang');

      expect((await signOut(phone.refreshToken)).status).toBe(204);

      expectApiError(await refresh(phone.refreshToken), 401, ErrorCode.RefreshTokenInvalid);
      expect((await me(tablet.accessToken)).status).toBe(200);
      expect((await refresh(tablet.refreshToken)).status).toBe(200);
    });

    it('signing out with a token the server does not know (already signed out) still answers 204; an empty one is refused', async () => {
      expect((await signOut('x'.repeat(43))).status).toBe(204);
      expectFieldErrors(await signOut(''), 400, ErrorCode.ValidationFailed, ['refreshToken']);
    });

    it('signing out with a token already spent removes nothing: presented again, it still gives the copy away and ends her sessions', async () => {
      const first = await signInAs(t.baseUrl, 'wang');
      const rotated = await refresh(first.refreshToken);

      expect((await signOut(first.refreshToken)).status).toBe(204);
      expectApiError(await refresh(first.refreshToken), 401, ErrorCode.RefreshTokenInvalid);

      expectApiError(await me(rotated.body.accessToken), 401, ErrorCode.TokenInvalid);
    });

    it('she deletes her account: the access token she used stops at once', async () => {
      const { accessToken } = await signInAs(t.baseUrl, 'wang');

      const deletion = await call(t.baseUrl, 'POST', ApiPaths.myDataDeletion, { token: accessToken, body: { confirm: true } });

      expect(deletion.status).toBe(200);
      expectApiError(await me(accessToken), 401, ErrorCode.TokenInvalid);
      const [row] = await t.dataSource.query('SELECT token_generation AS gen FROM app_user WHERE id = ?', [personId]);
      expect(Number(row.gen)).toBe(1);
    });
  });

  describe('a token on a public route', () => {
    let chair: AuthTokens;
    let draftId: string;
    beforeEach(async () => {
      await createPerson(t.dataSource, { key: 'chair', role: { role: RoleKind.Chair, federationId: TREE.village } });
      chair = await signInAs(t.baseUrl, 'chair');
      const hour = 3600_000;
      const now = Date.now();
      const draft = await call(t.baseUrl, 'POST', pathOf(ApiPaths.federationActivities, { id: TREE.village }), {
        token: chair.accessToken,
        body: {
          title: '免费两癌筛查',
          description: '县妇幼保健院医生到村里，为35至64岁妇女免费检查。',
          category: ActivityCategory.Screening,
          address: '懿路村村委会二楼',
          latitude: 42.2,
          longitude: 123.5,
          startsAt: new Date(now + 72 * hour).toISOString(),
          endsAt: new Date(now + 74 * hour).toISOString(),
          signupOpensAt: new Date(now - hour).toISOString(),
          signupClosesAt: new Date(now + 48 * hour).toISOString(),
          capacity: 10,
        },
      });
      expect(draft.status).toBe(201);
      draftId = draft.body.id;
    });

    // A draft is the chair's view; to anyone signed out it does not exist.
    const draft = (options: { token?: string; headers?: Record<string, string> }) =>
      call(t.baseUrl, 'GET', pathOf(ApiPaths.activity, { id: draftId }), options);

    it('a valid token gets her view of it', async () => {
      expect((await draft({ token: chair.accessToken })).status).toBe(200);
      expectApiError(await draft({}), 404, ErrorCode.ActivityNotFound);
    });

    it.each([
      ['a garbage token', { token: 'not-a-token' }],
      ['a header that is not "Bearer <token>"', { headers: { authorization: 'Basic abc' } }],
    ])('%s gets the view of anyone signed out, not 401', async (_, options) => {
      const anonymous = await call(t.baseUrl, 'GET', ApiPaths.categories);
      const withGarbage = await call(t.baseUrl, 'GET', ApiPaths.categories, options);
      expect({ status: withGarbage.status, body: withGarbage.body }).toEqual({ status: 200, body: anonymous.body });

      expectApiError(await draft(options), 404, ErrorCode.ActivityNotFound);
    });

    it('an expired token, or one whose sessions were ended, gets the view of anyone signed out; a protected route still says 401', async () => {
      const expired = t.app.get(JwtService).sign(
        { sub: chair.user.id, typ: 'access', gen: 0, exp: Math.floor(Date.now() / 1000) - 60 },
        { algorithm: 'HS256' },
      );
      expectApiError(await draft({ token: expired }), 404, ErrorCode.ActivityNotFound);
      expectApiError(await me(expired), 401, ErrorCode.TokenExpired);

      expect((await call(t.baseUrl, 'POST', ApiPaths.authSignOutEverywhere, { token: chair.accessToken })).status).toBe(204);
      expectApiError(await draft({ token: chair.accessToken }), 404, ErrorCode.ActivityNotFound);
      expectApiError(await me(chair.accessToken), 401, ErrorCode.TokenInvalid);
    });
  });
});
