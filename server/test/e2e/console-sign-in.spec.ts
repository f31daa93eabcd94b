import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import {
  ApiPaths,
  CONSOLE_SIGN_IN,
  ErrorCode,
  RoleKind,
  pathOf,
  type AuthTokens,
  type ConsolePollResult,
  type ConsoleSessionView,
  type ConsoleSignInStart,
  type ConsoleSignInView,
  type MeResponse,
} from '@wfh/shared';
import { AuditLogEntity } from '../../src/modules/audit/audit-log.entity';
import { RefreshTokenEntity } from '../../src/modules/auth/refresh-token.entity';
import { RoleAssignmentEntity } from '../../src/modules/roles/role-assignment.entity';
import { CONSOLE_ACCESS_TTL_SECONDS } from '../../src/modules/auth/token.service';
import { createPerson, createTree, TREE } from '../factories/bodies';
import { expectApiError, signInAs } from '../support/api-expect';
import { call, startTestApp, TEST_JWT_SECRET, type ApiReply, type TestApp } from '../support/test-app';
import type { FixedClock } from '../support/tree-app';

/** Tuesday 1 December 2026, 10:00 in Asia/Shanghai. */
const START = new Date('2026-12-01T02:00:00Z');
const OFFICE_PC = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
/** The township office's network, where the PC sits; her phone is on mobile data unless said otherwise. */
const OFFICE_IP = '203.0.113.7';
const PHONE_IP = '198.51.100.23';

/**
 * The PC console's QR sign-in over HTTP, on two instances of the server sharing MariaDB and Redis
 * (the PC polls one, her phone talks to the other) and a clock the test moves by hand. Both stand
 * behind a proxy on loopback, so each call says which address it comes from.
 */
describe('signing in at a PC by scanning its QR code', () => {
  const clock: FixedClock = { at: START, now() { return this.at; } };
  let pcSide: TestApp;
  let phoneSide: TestApp;
  const phone: Record<string, AuthTokens> = {};
  const userIds: Record<string, string> = {};

  const PEOPLE = {
    chair: { key: 'c-chair', displayName: '张春梅', role: { role: RoleKind.Chair, federationId: TREE.village } },
    staff: { key: 'c-staff', displayName: '孙丽', role: { role: RoleKind.Staff, federationId: TREE.township } },
    admin: { key: 'c-admin', displayName: '吴静', role: { role: RoleKind.Admin, federationId: TREE.county } },
    exec: { key: 'c-exec', displayName: '赵红', role: { role: RoleKind.Executive, federationId: TREE.village } },
    woman: { key: 'c-woman', displayName: '王秀英', home: TREE.village },
  } as const;
  type Person = keyof typeof PEOPLE;

  beforeAll(async () => {
    [pcSide, phoneSide] = await Promise.all([
      startTestApp({ TRUST_PROXY: 'loopback' }, { clock }),
      startTestApp({ TRUST_PROXY: 'loopback' }, { clock }),
    ]);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await Promise.all([pcSide?.close(), phoneSide?.close()]);
  });
  beforeEach(async () => {
    clock.at = START;
    await pcSide.reset();
    await createTree(pcSide.dataSource);
    for (const [who, spec] of Object.entries(PEOPLE) as Array<[Person, (typeof PEOPLE)[Person]]>) {
      userIds[who] = (await createPerson(pcSide.dataSource, spec)).id;
      phone[who] = await signInAs(phoneSide.baseUrl, spec.key);
    }
  });

  // ---- the two sides ----

  const pc = <T = any>(method: string, path: string, body?: unknown, extra: Record<string, string> = {}) =>
    call<T>(pcSide.baseUrl, method, path, { body, headers: { 'user-agent': OFFICE_PC, 'x-forwarded-for': OFFICE_IP, ...extra } });
  const onPhone = <T = any>(who: Person, method: string, path: string, from = PHONE_IP) =>
    call<T>(phoneSide.baseUrl, method, path, { token: phone[who]!.accessToken, headers: { 'x-forwarded-for': from } });

  const start = async (): Promise<ConsoleSignInStart> => {
    const reply = await pc<ConsoleSignInStart>('POST', ApiPaths.consoleSignIns);
    expect(reply.status).toBe(201);
    return reply.body;
  };
  const poll = (pending: ConsoleSignInStart, pollToken = pending.pollToken) =>
    pc<ConsolePollResult>('POST', pathOf(ApiPaths.consoleSignInPoll, { id: pending.id }), { pollToken });
  const look = (who: Person, id: string, from?: string) => onPhone<ConsoleSignInView>(who, 'GET', pathOf(ApiPaths.consoleSignIn, { id }), from);
  const confirm = (who: Person, id: string) => onPhone<ConsoleSignInView>(who, 'POST', pathOf(ApiPaths.consoleSignInConfirm, { id }));
  const refuse = (who: Person, id: string) => onPhone(who, 'POST', pathOf(ApiPaths.consoleSignInRefuse, { id }));
  const mySessions = (who: Person) => onPhone<ConsoleSessionView[]>(who, 'GET', ApiPaths.myConsoleSessions);
  const endSession = (who: Person, id: string) => onPhone(who, 'DELETE', pathOf(ApiPaths.myConsoleSession, { id }));
  /** A call from the PC once it is signed in. */
  const asPc = <T = any>(tokens: AuthTokens, method: string, path: string, body?: unknown) =>
    call<T>(pcSide.baseUrl, method, path, { token: tokens.accessToken, body, headers: { 'x-forwarded-for': OFFICE_IP } });
  const refreshOnPc = (refreshToken: string) => pc<AuthTokens>('POST', ApiPaths.authRefresh, { refreshToken });
  const auditActions = async () =>
    (await pcSide.dataSource.getRepository(AuditLogEntity).find({ order: { seq: 'ASC' } }))
      .filter((row) => row.action.startsWith('console.'))
      .map((row) => ({ action: row.action, actor: row.actorUserId, subject: row.subjectId }));

  /** The whole handshake for `who`: the PC's tokens, and the sign-in's id. */
  const signInPc = async (who: Person): Promise<{ id: string; tokens: AuthTokens }> => {
    const pending = await start();
    expect((await confirm(who, pending.id)).status).toBe(200);
    const answer = (await poll(pending)).body;
    if (answer.state !== 'confirmed') throw new Error(`the PC heard ${JSON.stringify(answer)}`);
    return { id: pending.id, tokens: answer.tokens };
  };

  it('pending → she sees which PC asks → confirms on the other instance → the PC collects her session once', async () => {
    const pending = await start();
    expect(pending).toEqual({ id: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/), pollToken: expect.any(String), expiresAt: '2026-12-01T02:02:00.000Z', pollSeconds: 2 });
    expect(await poll(pending)).toMatchObject({ status: 200, body: { state: 'pending', expiresAt: pending.expiresAt } });

    const seen = await look('chair', pending.id);
    expect(seen).toMatchObject({ status: 200, body: {
      id: pending.id,
      state: 'pending',
      browser: 'Windows 电脑上的 Chrome 浏览器',
      ipAddress: OFFICE_IP,
      sameNetwork: false,
      requestedAt: START.toISOString(),
      mayConfirm: true,
    } });
    // On the office Wi-Fi her phone reaches us from the same address as the PC.
    expect((await look('chair', pending.id, OFFICE_IP)).body.sameNetwork).toBe(true);

    clock.at = new Date(START.getTime() + 30_000);
    const confirmed = await confirm('chair', pending.id);
    expect(confirmed.body).toMatchObject({ state: 'confirmed', mayConfirm: false });

    const handedOver = await poll(pending);
    expect(handedOver.status).toBe(200);
    if (handedOver.body.state !== 'confirmed') throw new Error(`not handed over: ${JSON.stringify(handedOver.body)}`);
    const tokens = handedOver.body.tokens;
    expect(tokens.user.displayName).toBe('张春梅');
    expect(tokens.expiresIn).toBeLessThanOrEqual(CONSOLE_ACCESS_TTL_SECONDS);

    // Once only: the same secret again, or anyone else's guess, opens nothing.
    expectApiError(await poll(pending), 404, ErrorCode.ConsoleSignInNotFound);
    expectApiError(await poll(pending, 'a-guessed-secret'), 404, ErrorCode.ConsoleSignInNotFound);

    const me = await asPc<MeResponse>(tokens, 'GET', ApiPaths.me);
    expect(me.body.roles).toEqual([{ role: RoleKind.Chair, federationId: TREE.village, federationName: '懿路村妇联' }]);
    expect(await auditActions()).toEqual([
      { action: 'console.confirm', actor: userIds.chair, subject: pending.id },
      { action: 'console.sign_in', actor: userIds.chair, subject: pending.id },
    ]);

    const listed = await mySessions('chair');
    expect(listed.body).toEqual([{ id: pending.id, browser: 'Windows 电脑上的 Chrome 浏览器', ipAddress: OFFICE_IP, signedInAt: clock.at.toISOString(), endsAt: expect.any(String) }]);
    const hours = (Date.parse(listed.body[0]!.endsAt) - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(CONSOLE_SIGN_IN.sessionHours - 0.1);
    expect(hours).toBeLessThanOrEqual(CONSOLE_SIGN_IN.sessionHours);
    // Nobody else sees her PC, nor what it was.
    expect((await mySessions('staff')).body).toEqual([]);
    expectApiError(await look('staff', pending.id), 404, ErrorCode.ConsoleSignInNotFound);
  });

  it('the PC session reaches what her roles reach, through the same access rules, and ends on its next call when her last console role is revoked', async () => {
    const { tokens } = await signInPc('chair');
    const inbox = (id: string) => asPc(tokens, 'GET', pathOf(ApiPaths.inbox, { id }));
    expect((await inbox(TREE.village)).status).toBe(200);
    expect((await inbox(TREE.siblingVillage)).status).toBe(403);
    expect((await asPc(tokens, 'GET', pathOf(ApiPaths.federationStats, { id: TREE.township }) + '?from=2026-11-01&to=2026-12-01')).status).toBe(403);

    // Revoked on the other instance; the PC's access token has most of its ten minutes left.
    const revoked = await call(phoneSide.baseUrl, 'POST', pathOf(ApiPaths.federationRoleRevocations, { id: TREE.village }), {
      token: phone.admin!.accessToken,
      body: { userId: userIds.chair, role: RoleKind.Chair },
    });
    expect(revoked.status).toBeLessThan(300);
    expectApiError(await inbox(TREE.village), 401, ErrorCode.ConsoleRoleRevoked);
    expectApiError(await asPc(tokens, 'GET', ApiPaths.me), 401, ErrorCode.ConsoleRoleRevoked);
    // Her phone is a phone: she stays signed in there, without the role.
    const onHerPhone = await onPhone<MeResponse>('chair', 'GET', ApiPaths.me);
    expect(onHerPhone).toMatchObject({ status: 200, body: { roles: [] } });
  });

  it('a PC session cannot be renewed once her last console role is revoked: refused in words, the session gone, her phone still signed in', async () => {
    const { id, tokens } = await signInPc('chair');
    // While she is chair, the PC renews as it does every ten minutes.
    const renewed = await refreshOnPc(tokens.refreshToken);
    expect(renewed.status).toBe(200);
    const sessionTokens = () => pcSide.dataSource.getRepository(RefreshTokenEntity).countBy({ consoleSessionId: id });
    expect(await sessionTokens()).toBeGreaterThan(0);

    const revoked = await call(phoneSide.baseUrl, 'POST', pathOf(ApiPaths.federationRoleRevocations, { id: TREE.village }), {
      token: phone.admin!.accessToken,
      body: { userId: userIds.chair, role: RoleKind.Chair },
    });
    expect(revoked.status).toBeLessThan(300);
    // The PC's access token ran out and it asks for a new one: told why, in words, not renewed.
    expectApiError(await refreshOnPc(renewed.body.refreshToken), 401, ErrorCode.ConsoleRoleRevoked);
    expect(await sessionTokens()).toBe(0);
    expect((await mySessions('chair')).body).toEqual([]);
    // Asked again, the token is simply unknown: not taken for a copy, so her phone is not signed out.
    expectApiError(await refreshOnPc(renewed.body.refreshToken), 401, ErrorCode.RefreshTokenInvalid);
    expect((await onPhone('chair', 'GET', ApiPaths.me)).status).toBe(200);
    expect((await refreshOnPc(phone.chair!.refreshToken)).status).toBe(200);
  });

  it('a PC session whose person holds another console role goes on when one is revoked', async () => {
    // She is township staff as well (as a county lists a chair who works at the township office).
    await pcSide.dataSource.getRepository(RoleAssignmentEntity).insert({
      id: randomUUID(), userId: userIds.chair, federationId: TREE.township, role: RoleKind.Staff, grantedBy: null, revokedAt: null,
    });
    const { tokens } = await signInPc('chair');
    await call(phoneSide.baseUrl, 'POST', pathOf(ApiPaths.federationRoleRevocations, { id: TREE.village }), {
      token: phone.admin!.accessToken,
      body: { userId: userIds.chair, role: RoleKind.Chair },
    });
    const me = await asPc<MeResponse>(tokens, 'GET', ApiPaths.me);
    expect(me.status).toBe(200);
    expect(me.body.roles.map((grant) => grant.role)).toEqual([RoleKind.Staff]);
    // And it renews: staff still uses the console.
    const renewed = await refreshOnPc(tokens.refreshToken);
    expect(renewed.status).toBe(200);
    expect((await asPc<MeResponse>(renewed.body, 'GET', ApiPaths.me)).status).toBe(200);
  });

  it('a code left unscanned for two minutes expires: the PC hears so and confirming is refused', async () => {
    const pending = await start();
    clock.at = new Date(START.getTime() + (CONSOLE_SIGN_IN.qrSeconds - 1) * 1000);
    expect((await poll(pending)).body.state).toBe('pending');

    clock.at = new Date(START.getTime() + CONSOLE_SIGN_IN.qrSeconds * 1000);
    expect((await poll(pending)).body).toEqual({ state: 'expired' });
    expect((await look('chair', pending.id)).body).toMatchObject({ state: 'expired', mayConfirm: false });
    expectApiError(await confirm('chair', pending.id), 409, ErrorCode.ConsoleSignInExpired);
    expect(await auditActions()).toEqual([]);
  });

  it('a confirmed code the PC never collects expires a minute later, with nothing handed over', async () => {
    const pending = await start();
    expect((await confirm('chair', pending.id)).status).toBe(200);
    clock.at = new Date(START.getTime() + CONSOLE_SIGN_IN.handoverSeconds * 1000);
    expect((await poll(pending)).body).toEqual({ state: 'expired' });
    expect(await pcSide.dataSource.getRepository(RefreshTokenEntity).countBy({ userId: userIds.chair })).toBe(1);
  });

  it('a woman without a role, and an executive, see the request but are refused in Chinese; the PC keeps waiting', async () => {
    const pending = await start();
    expect((await look('woman', pending.id)).body).toMatchObject({ state: 'pending', mayConfirm: false });
    expectApiError(await confirm('woman', pending.id), 403, ErrorCode.ConsoleNeedsStaffRole);
    expectApiError(await confirm('exec', pending.id), 403, ErrorCode.ConsoleNeedsStaffRole);
    expect((await poll(pending)).body.state).toBe('pending');
    // The code still works for someone it is meant for.
    expect((await confirm('staff', pending.id)).status).toBe(200);
  });

  it('once she has confirmed, it is hers: another person confirming is refused, her own second tap is answered alike', async () => {
    const pending = await start();
    expect((await confirm('chair', pending.id)).status).toBe(200);
    expectApiError(await confirm('staff', pending.id), 404, ErrorCode.ConsoleSignInNotFound);
    expectApiError(await refuse('staff', pending.id), 404, ErrorCode.ConsoleSignInNotFound);
    expect((await confirm('chair', pending.id)).body.state).toBe('confirmed');

    const answer = (await poll(pending)).body;
    expect(answer.state === 'confirmed' && answer.tokens.user.displayName).toBe('张春梅');
    expectApiError(await confirm('staff', pending.id), 404, ErrorCode.ConsoleSignInNotFound);
  });

  it('不是我，取消: the PC hears it was refused and gets nothing; the code cannot be confirmed afterwards', async () => {
    const pending = await start();
    expect((await refuse('chair', pending.id)).status).toBe(204);
    expect((await poll(pending)).body).toEqual({ state: 'refused' });
    expectApiError(await confirm('chair', pending.id), 409, ErrorCode.ConsoleSignInClosed);
    expect(await pcSide.dataSource.getRepository(RefreshTokenEntity).countBy({ userId: userIds.chair })).toBe(1);
  });

  it('a role revoked between her confirming and the PC collecting: the PC is refused', async () => {
    const pending = await start();
    expect((await confirm('staff', pending.id)).status).toBe(200);
    await call(phoneSide.baseUrl, 'POST', pathOf(ApiPaths.federationRoleRevocations, { id: TREE.township }), {
      token: phone.admin!.accessToken,
      body: { userId: userIds.staff, role: RoleKind.Staff },
    });
    expect((await poll(pending)).body).toEqual({ state: 'refused' });
  });

  it('she ends the PC session from her phone: its next call is refused at once, it cannot renew, her phone stays signed in, and nobody else can end it', async () => {
    const { id, tokens } = await signInPc('chair');
    const second = await signInPc('chair');
    expect((await mySessions('chair')).body.map((s) => s.id).sort()).toEqual([id, second.id].sort());
    expect((await asPc(tokens, 'GET', ApiPaths.me)).status).toBe(200);

    // Someone else (another woman, staff of her township) cannot end it: it does not exist for them.
    expectApiError(await endSession('staff', id), 404, ErrorCode.ConsoleSessionNotFound);
    expectApiError(await endSession('woman', id), 404, ErrorCode.ConsoleSessionNotFound);
    expect((await asPc(tokens, 'GET', ApiPaths.me)).status).toBe(200);

    // Ended on the phone's instance; the PC asks the other one, well within its access token's life.
    expect((await endSession('chair', id)).status).toBe(204);
    expect(await auditActions()).toContainEqual({ action: 'console.end', actor: userIds.chair, subject: id });
    const claims = JSON.parse(Buffer.from(tokens.accessToken.split('.')[1]!, 'base64url').toString());
    expect(claims).toMatchObject({ sid: id });
    expect(claims.exp * 1000).toBeGreaterThan(Date.now() + 60_000);
    expectApiError(await asPc(tokens, 'GET', ApiPaths.me), 401, ErrorCode.ConsoleSessionEnded);
    expectApiError(await asPc(tokens, 'GET', pathOf(ApiPaths.inbox, { id: TREE.village })), 401, ErrorCode.ConsoleSessionEnded);
    expect((await call(phoneSide.baseUrl, 'GET', ApiPaths.me, { token: tokens.accessToken })).status).toBe(401);

    expect((await mySessions('chair')).body.map((s) => s.id)).toEqual([second.id]);
    expectApiError(await refreshOnPc(tokens.refreshToken), 401, ErrorCode.RefreshTokenInvalid);
    // The other PC, and her phone, go on.
    expect((await asPc(second.tokens, 'GET', ApiPaths.me)).status).toBe(200);
    expect((await onPhone('chair', 'GET', ApiPaths.me)).status).toBe(200);
    expect((await refreshOnPc(second.tokens.refreshToken)).status).toBe(200);
    expect((await refreshOnPc(phone.chair!.refreshToken)).status).toBe(200);
    // Her second tap on a slow signal is answered like the first.
    expect((await endSession('chair', id)).status).toBe(204);
  });

  it('signing out on the PC, or 退出所有设备 on her phone, takes the PC off her list too', async () => {
    const first = await signInPc('chair');
    const second = await signInPc('chair');
    expect((await pc('POST', ApiPaths.authSignOut, { refreshToken: first.tokens.refreshToken })).status).toBe(204);
    expect((await mySessions('chair')).body.map((s) => s.id)).toEqual([second.id]);
    // The access token it still holds (another tab of that browser) stops at once.
    expectApiError(await asPc(first.tokens, 'GET', ApiPaths.me), 401, ErrorCode.ConsoleSessionEnded);
    expect((await asPc(second.tokens, 'GET', ApiPaths.me)).status).toBe(200);

    expect((await onPhone('chair', 'POST', ApiPaths.authSignOutEverywhere)).status).toBe(204);
    phone.chair = await signInAs(phoneSide.baseUrl, PEOPLE.chair.key);
    expect((await mySessions('chair')).body).toEqual([]);
    expectApiError(await asPc(second.tokens, 'GET', ApiPaths.me), 401, ErrorCode.ConsoleSessionEnded);
  });

  it('a renewed PC session goes on under the same id, and a PC token is bound to its own person and session', async () => {
    const { id, tokens } = await signInPc('chair');
    const renewed = await refreshOnPc(tokens.refreshToken);
    expect(renewed.status).toBe(200);
    // Rotation keeps the session live: both access tokens (the old one still in its minutes) work.
    expect((await asPc(renewed.body, 'GET', ApiPaths.me)).status).toBe(200);
    expect((await asPc(tokens, 'GET', ApiPaths.me)).status).toBe(200);
    expect(JSON.parse(Buffer.from(renewed.body.accessToken.split('.')[1]!, 'base64url').toString())).toMatchObject({ sid: id });

    // Signed with the server's own key (as only the server could): her session id under someone
    // else's name, an unknown session, or a malformed id open nothing.
    const signed = (claims: object) => new JwtService({ secret: TEST_JWT_SECRET }).sign({ typ: 'access', gen: 0, ...claims }, { algorithm: 'HS256', expiresIn: 600 });
    const staffPc = (await signInPc('staff')).id;
    const meWith = (token: string) => call(pcSide.baseUrl, 'GET', ApiPaths.me, { token });
    expect((await meWith(signed({ sub: userIds.staff, sid: staffPc }))).status).toBe(200);
    expectApiError(await meWith(signed({ sub: userIds.staff, sid: id })), 401, ErrorCode.ConsoleSessionEnded);
    expectApiError(await meWith(signed({ sub: userIds.chair, sid: 'AAAAAAAAAAAAAAAAAAAAAA' })), 401, ErrorCode.ConsoleSessionEnded);
    expectApiError(await meWith(signed({ sub: userIds.chair, sid: "x' OR '1'='1" })), 401, ErrorCode.TokenInvalid);
    expectApiError(await meWith(signed({ sub: userIds.chair, sid: 42 })), 401, ErrorCode.TokenInvalid);
  });

  it('refreshing keeps the PC session to its working day: the end never moves, and after it no refresh works', async () => {
    const { id, tokens } = await signInPc('chair');
    const tokenRows = () => pcSide.dataSource.getRepository(RefreshTokenEntity).findBy({ consoleSessionId: id });
    const [first] = await tokenRows();
    expect(first!.expiresAt.getTime()).toBe(first!.sessionEndsAt!.getTime());

    const renewed = await refreshOnPc(tokens.refreshToken);
    expect(renewed.status).toBe(200);
    expect(renewed.body.expiresIn).toBeLessThanOrEqual(CONSOLE_ACCESS_TTL_SECONDS);
    const rows = await tokenRows();
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((row) => row.sessionEndsAt!.getTime()))).toEqual(new Set([first!.sessionEndsAt!.getTime()]));

    // The tokens keep the system's time: step it past the end for the one refresh.
    const end = first!.sessionEndsAt!.getTime();
    const now = jest.spyOn(Date, 'now').mockReturnValue(end + 1000);
    try {
      expectApiError(await refreshOnPc(renewed.body.refreshToken), 401, ErrorCode.RefreshTokenInvalid);
    } finally {
      now.mockRestore();
    }
    // A phone's own session is not bound by it.
    expect((await refreshOnPc(phone.chair!.refreshToken)).status).toBe(200);
  });

  it('refuses a poll without its secret, and an unknown code, in the one error shape', async () => {
    const pending = await start();
    const reply: ApiReply = await pc('POST', pathOf(ApiPaths.consoleSignInPoll, { id: pending.id }), {});
    expect(reply.status).toBe(400);
    expectApiError(await look('chair', 'AAAAAAAAAAAAAAAAAAAAAA'), 404, ErrorCode.ConsoleSignInNotFound);
    expectApiError(await poll({ ...pending, id: 'AAAAAAAAAAAAAAAAAAAAAA' }), 404, ErrorCode.ConsoleSignInNotFound);
  });
});
