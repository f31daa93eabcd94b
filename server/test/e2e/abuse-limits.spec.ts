import { Redis } from 'ioredis';
import { ActivityCategory, ApiPaths, ErrorCode, Rating, RoleKind, ServiceCategoryKey, pathOf, type ActivityDetail } from '@wfh/shared';
import { RATE_LIMITS } from '../../src/common/rate-limit/rate-limit.policy';
import { TREE, createPeopleSignedIn, createPerson, createTree } from '../factories/bodies';
import { expectNoInternals, signInAs } from '../support/api-expect';
import { TEST_REDIS_PREFIX, TEST_REDIS_URL } from '../support/services';
import { call, flushTestRedis, startTestApp, type ApiReply, type TestApp } from '../support/test-app';

const REQUEST_ID = /^[0-9a-f-]{36}$/;

/** A refusal as she sees it: 429, the code, when to try again in words, and the same in Retry-After. */
function expectRateLimited(reply: ApiReply, windowSeconds: number): number {
  expect({ status: reply.status, code: reply.body?.code }).toEqual({ status: 429, code: ErrorCode.RateLimited });
  const retryAfter = Number(reply.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
  expect(reply.body.message).toContain(`操作太频繁，请 ${Math.ceil(retryAfter / 60)} 分钟后再试`);
  expect(reply.body.requestId).toMatch(REQUEST_ID);
  expectNoInternals(reply);
  return retryAfter;
}

/** `count` calls, `batch` at a time (a flood, but one the test machine sends in a second or two). */
async function flood(count: number, send: (i: number) => Promise<ApiReply>, batch = 50): Promise<ApiReply[]> {
  const replies: ApiReply[] = [];
  for (let from = 0; from < count; from += batch) {
    replies.push(...(await Promise.all(Array.from({ length: Math.min(batch, count - from) }, (_, j) => send(from + j)))));
  }
  return replies;
}

const statuses = (replies: ApiReply[]) => [...new Set(replies.map((r) => r.status))].sort();

const mediation = {
  categoryKey: ServiceCategoryKey.MarriageMediation,
  description: '婆婆总是和我吵架，想请妇联帮忙说和',
  answers: { with_whom: '公婆' },
  contact: { method: 'phone', phone: '13800000001', safeTimes: '工作日上午' },
  federationId: TREE.village,
};

describe('abuse limits (RATE_LIMITS=on, the client address taken from the socket)', () => {
  let t: TestApp;
  const token: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMITS: 'on' });
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.reset();
    await createTree(t.dataSource);
    Object.assign(
      token,
      await createPeopleSignedIn(t.dataSource, (key) => signInAs(t.baseUrl, key), [
        ['woman', { key: 'woman', home: TREE.village }],
        ['neighbour', { key: 'neighbour', home: TREE.village }],
        ['chair', { key: 'chair', role: { role: RoleKind.Chair, federationId: TREE.village } }],
      ]),
    );
  });

  const submit = (who: string) => call(t.baseUrl, 'POST', ApiPaths.requests, { token: token[who], body: mediation });
  const storedRequests = async () => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM service_request'))[0].n);

  it('one woman is stopped after her allowance of requests, told when to try again and given the hotline; her neighbour on the same address is not', async () => {
    const { limit, windowSeconds } = RATE_LIMITS.submitRequest.perUser;
    const allowed = await flood(limit, () => submit('woman'), 5);
    expect(statuses(allowed)).toEqual([201]);

    const refused = await submit('woman');

    expectRateLimited(refused, windowSeconds);
    expect(refused.body.message).toContain('12338');
    expect(await storedRequests()).toBe(limit);
    expect((await submit('neighbour')).status).toBe(201);
  });

  it('sign-up: repeated taps count, the limit stops them with 429, and another woman still gets her seat', async () => {
    const hour = 3600_000;
    const now = Date.now();
    const draft = await call<ActivityDetail>(t.baseUrl, 'POST', pathOf(ApiPaths.federationActivities, { id: TREE.village }), {
      token: token.chair,
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
    expect((await call(t.baseUrl, 'POST', pathOf(ApiPaths.activityPublish, { id: draft.body.id }), { token: token.chair })).status).toBe(201);
    const signUp = (who: string) => call(t.baseUrl, 'POST', pathOf(ApiPaths.activitySignups, { id: draft.body.id }), { token: token[who], body: {} });
    const { limit, windowSeconds } = RATE_LIMITS.signUp.perUser;

    const taps = await flood(limit, () => signUp('woman'), 1);

    expect(taps.map((r) => r.status)).toEqual([201, ...Array(limit - 1).fill(409)]);
    expectRateLimited(await signUp('woman'), windowSeconds);
    expect((await signUp('neighbour')).status).toBe(201);
  });

  it('sign-in: one address is stopped after its allowance, and a made-up X-Forwarded-For does not get around it', async () => {
    await flushTestRedis(); // the sign-ins of beforeEach counted too
    const { limit, windowSeconds } = RATE_LIMITS.signIn.perIp;
    const spoofed = (i: number) => ({ 'x-forwarded-for': `198.51.100.${i % 250}, 203.0.113.${i % 250}` });

    const tries = await flood(limit, (i) => call(t.baseUrl, 'POST', ApiPaths.authDev, { body: { personKey: 'nobody' }, headers: spoofed(i) }));
    expect(statuses(tries)).toEqual([404]);

    const refused = await call(t.baseUrl, 'POST', ApiPaths.authDev, { body: { personKey: 'woman' }, headers: { 'x-forwarded-for': '192.0.2.1' } });
    expectRateLimited(refused, windowSeconds);
    expect(refused.body.message).not.toContain('12338');
    expect((await call(t.baseUrl, 'POST', ApiPaths.authRefresh, { body: { refreshToken: 'x'.repeat(40) } })).status).toBe(429);
  });

  it('every sign-in (phone and PC console included), sign-out, rating-code (looking up and rating), submission, sign-up, concern and feedback route is limited, and says so in the API document', async () => {
    const document = (await call(t.baseUrl, 'GET', '/docs/openapi.json')).body;
    const limited = Object.entries(document.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>)
      .flatMap(([path, operations]) => Object.entries(operations).filter(([, op]) => op.responses?.['429']).map(([method]) => `${method} ${path}`))
      .sort();
    const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');
    expect(limited).toEqual(
      [
        ApiPaths.authWechat,
        ApiPaths.authDev,
        ApiPaths.authRefresh,
        ApiPaths.authSignOut,
        ApiPaths.rateByCode,
        ApiPaths.requests,
        ApiPaths.federationRequests,
        ApiPaths.activitySignups,
        ApiPaths.federationConcerns,
        ApiPaths.feedback,
        ApiPaths.mePhone,
        ApiPaths.consoleSignIns,
        ApiPaths.consoleSignInPoll,
      ]
        .map((path) => `post ${openApiPath(path)}`)
        // Her rating page looks the code up first: the same allowance as rating with it.
        .concat(`get ${openApiPath(ApiPaths.rateByCode)}`)
        .sort(),
    );
  });
});

describe('the rating-code limit, which stays on with RATE_LIMITS=off (it stops codes being guessed)', () => {
  let t: TestApp;
  let redis: Redis;
  beforeAll(async () => {
    // Behind a trusted proxy, so that one test can come from two addresses.
    t = await startTestApp({ RATE_LIMITS: 'off', TRUST_PROXY: '127.0.0.1' });
    redis = new Redis(TEST_REDIS_URL);
  });
  afterAll(async () => {
    redis.disconnect();
    await t.close();
  });
  beforeEach(async () => {
    await t.reset();
    await createTree(t.dataSource);
  });

  const village = '203.0.113.7';
  const tryCode = (code: string, from = village) =>
    call(t.baseUrl, 'POST', pathOf(ApiPaths.rateByCode, { code }), { body: { rating: Rating.Satisfied, helped: true }, headers: { 'x-forwarded-for': from } });

  it('after her tries of the hour: 429 with Retry-After and when to try again in minutes; another address still tries', async () => {
    const { limit, windowSeconds } = RATE_LIMITS.ratingCode.perIp;
    const tries = await flood(limit, (i) => tryCode(`WRONGCODE${i}`), 1);
    expect(statuses(tries)).toEqual([404]);

    const refused = await tryCode('WRONGCODEX');

    const retryAfter = expectRateLimited(refused, windowSeconds);
    // The wait is what is left of the window that her first try opened, as Redis counts it.
    const ttl = await redis.ttl(`${TEST_REDIS_PREFIX}rate:limit:ratingCode:ip:${village}`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(retryAfter);
    expect(refused.body.message).toBe(`操作太频繁，请 ${Math.ceil(retryAfter / 60)} 分钟后再试`);
    expect((await tryCode('WRONGCODEY', '203.0.113.8')).status).toBe(404);
  });

  it('looking a code up on her page and rating with it draw on the same tries', async () => {
    const { limit } = RATE_LIMITS.ratingCode.perIp;
    const lookUp = (code: string) => call(t.baseUrl, 'GET', pathOf(ApiPaths.rateByCode, { code }), { headers: { 'x-forwarded-for': village } });
    const half = Math.floor(limit / 2);
    expect(statuses(await flood(half, (i) => lookUp(`1234567890123${String(i).padStart(3, '0')}`), 1))).toEqual([404]);
    expect(statuses(await flood(limit - half, (i) => tryCode(`WRONGCODE${i}`), 1))).toEqual([404]);
    expectRateLimited(await lookUp('1234567890123456'), RATE_LIMITS.ratingCode.perIp.windowSeconds);
    expectRateLimited(await tryCode('WRONGCODEX'), RATE_LIMITS.ratingCode.perIp.windowSeconds);
  });

  it('the other limits are off in this app: a sign-in is not even counted', async () => {
    await createPerson(t.dataSource, { key: 'woman', home: TREE.village });
    await call(t.baseUrl, 'POST', ApiPaths.authDev, { body: { personKey: 'woman' }, headers: { 'x-forwarded-for': village } });
    await tryCode('WRONGCODE0');

    expect(await redis.exists(`${TEST_REDIS_PREFIX}rate:limit:signIn:ip:${village}`)).toBe(0);
    expect(Number(await redis.get(`${TEST_REDIS_PREFIX}rate:limit:ratingCode:ip:${village}`))).toBe(1);
  });
});

describe('abuse limits across two instances on one Redis, behind a trusted proxy', () => {
  const apps: TestApp[] = [];
  let redis: Redis;
  beforeAll(async () => {
    for (let i = 0; i < 2; i++) apps.push(await startTestApp({ RATE_LIMITS: 'on', TRUST_PROXY: '127.0.0.1' }));
    redis = new Redis(TEST_REDIS_URL);
  });
  afterAll(async () => {
    redis.disconnect();
    await Promise.all(apps.map((app) => app.close()));
  });
  beforeEach(async () => {
    await apps[0]!.reset();
    await createTree(apps[0]!.dataSource);
  });

  const signIn = (instance: number, phone: string, personKey: string) =>
    call(apps[instance]!.baseUrl, 'POST', ApiPaths.authDev, { body: { personKey }, headers: { 'x-forwarded-for': phone } });

  it('one address counts against the same allowance on both instances (in Redis); another address behind the same proxy signs in', async () => {
    const { limit, windowSeconds } = RATE_LIMITS.signIn.perIp;
    const village = '203.0.113.7';

    const tries = await flood(limit, (i) => signIn(i % 2, village, 'nobody'));

    expect(statuses(tries)).toEqual([404]);
    expectRateLimited(await signIn(0, village, 'nobody'), windowSeconds);
    expectRateLimited(await signIn(1, village, 'nobody'), windowSeconds);
    const key = `${TEST_REDIS_PREFIX}rate:limit:signIn:ip:${village}`;
    expect(Number(await redis.get(key))).toBe(limit + 2);
    const ttl = await redis.ttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(windowSeconds);

    await createPerson(apps[0]!.dataSource, { key: 'woman', home: TREE.village });
    const other = await signIn(1, '203.0.113.8', 'woman');
    expect(other.status).toBe(200);
    expect(other.body.accessToken).toEqual(expect.any(String));
  });
});
