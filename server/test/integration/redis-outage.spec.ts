import { Logger } from '@nestjs/common';
import {
  ActivityCategory,
  ApiPaths,
  ErrorCode,
  HealthPaths,
  Rating,
  RoleKind,
  ServiceCategoryKey,
  SiteKind,
  pathOf,
  type HealthReport,
  type NearestResponse,
} from '@wfh/shared';
import { DEGRADED_WITHOUT_REDIS } from '../../src/infra/redis/redis-link';
import { EscalationSweeper } from '../../src/modules/requests/escalation.sweeper';
import { PlacesIndex } from '../../src/modules/places/places-index';
import { createPeopleSignedIn, createTree, TREE } from '../factories/bodies';
import { expectApiError, signInAs } from '../support/api-expect';
import { startPrivateRedis, type PrivateRedis } from '../support/private-services';
import { ask, eventually } from '../support/patience';
import { startTestApp, type TestApp } from '../support/test-app';

const readiness = (app: TestApp) => ask<HealthReport>(app, 'GET', HealthPaths.ready);
const nearestSites = async (app: TestApp) =>
  (await ask<NearestResponse>(app, 'GET', `${ApiPaths.nearest}?latitude=42.1&longitude=123.5&type=site`)).body.items.map((p) => p.name);

const site = (name: string) => ({
  kind: SiteKind.WomensMicroHome,
  name,
  address: '懿路村二组',
  latitude: 42.1005,
  longitude: 123.5005,
  openingHours: [],
  services: [ServiceCategoryKey.Counselling],
});

const request = {
  categoryKey: ServiceCategoryKey.MarriageMediation,
  description: '婆婆总是和我吵架，想请妇联帮忙说和',
  answers: { with_whom: '公婆' },
  contact: { method: 'phone', phone: '13800000001', safeTimes: '工作日上午' },
  federationId: TREE.village,
};

const hoursFromNow = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();

/**
 * Two instances of the app on the machine's MariaDB and a Redis of the test's own, which the test
 * stops and starts again while the app runs.
 */
describe('Redis stopped mid-run', () => {
  let redis: PrivateRedis;
  let a: TestApp;
  let b: TestApp;
  let token: Record<string, string>;
  const warn = jest.spyOn(Logger.prototype, 'warn');
  const info = jest.spyOn(Logger.prototype, 'log');
  const linesLike = (spy: jest.SpyInstance, pattern: RegExp) => spy.mock.calls.map(([line]) => String(line)).filter((line) => pattern.test(line));
  const redisWarnings = () => linesLike(warn, /Redis/);

  beforeAll(async () => {
    redis = await startPrivateRedis();
    [a, b] = await Promise.all([startTestApp({ REDIS_URL: redis.url }), startTestApp({ REDIS_URL: redis.url })]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await redis?.close();
    warn.mockRestore();
    info.mockRestore();
  });

  beforeEach(async () => {
    await redis.start();
    await eventually('both instances ready', async () => (await readiness(a)).body.status === 'ok' && (await readiness(b)).body.status === 'ok');
    await a.reset();
    await createTree(a.dataSource);
    token = await createPeopleSignedIn(a.dataSource, (key) => signInAs(a.baseUrl, key), [
      ['woman', { key: 'woman', home: TREE.village }],
      ['chair', { key: 'chair', role: { role: RoleKind.Chair, federationId: TREE.village } }],
    ]);
    await b.app.get(PlacesIndex).rebuild();
    warn.mockClear();
    info.mockClear();
  });

  async function addSite(app: TestApp, name: string): Promise<string> {
    const created = await ask(app, 'POST', pathOf(ApiPaths.federationSites, { id: TREE.village }), { token: token.chair, body: site(name) });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  async function stopRedis(): Promise<void> {
    await redis.stop();
    await eventually('both instances report Redis away', async () => (await readiness(a)).body.status === 'degraded' && (await readiness(b)).body.status === 'degraded');
  }

  async function startRedis(): Promise<void> {
    await redis.start();
    await eventually('both instances say Redis is back', async () => linesLike(info, /is back/).length === 2);
  }

  it('keeps nearest, sign-in, sign-up and requests working, says what is degraded, and stays ready and live', async () => {
    await addSite(a, '懿路村妇女微家');
    await eventually('the site reaches the other instance', async () => (await nearestSites(b)).includes('懿路村妇女微家'));
    const activity = await ask(a, 'POST', pathOf(ApiPaths.federationActivities, { id: TREE.village }), {
      token: token.chair,
      body: {
        title: '家庭教育讲座',
        description: '请县里的老师讲怎样和孩子说话。',
        category: ActivityCategory.Parenting,
        address: '懿路村村委会二楼',
        latitude: 42.1,
        longitude: 123.5,
        startsAt: hoursFromNow(72),
        endsAt: hoursFromNow(74),
        signupOpensAt: hoursFromNow(-1),
        signupClosesAt: hoursFromNow(48),
        capacity: 20,
      },
    });
    expect(activity.status).toBe(201);
    expect((await ask(a, 'POST', pathOf(ApiPaths.activityPublish, { id: activity.body.id }), { token: token.chair })).status).toBe(201);

    await stopRedis();

    for (const app of [a, b]) expect(await nearestSites(app)).toContain('懿路村妇女微家');
    const again = await ask(b, 'POST', ApiPaths.authDev, { body: { personKey: 'woman' } });
    expect(again.status).toBe(200);
    const seat = await ask(a, 'POST', pathOf(ApiPaths.activitySignups, { id: activity.body.id }), { token: again.body.accessToken, body: {} });
    expect(seat.status).toBe(201);
    expect(seat.body.state).toBe('confirmed');
    const submitted = await ask(b, 'POST', ApiPaths.requests, { token: token.woman, body: request });
    expect(submitted.status).toBe(201);
    const [stored] = await a.dataSource.query('SELECT COUNT(*) AS n FROM service_request WHERE id = ?', [submitted.body.id]);
    expect(Number(stored.n)).toBe(1);
    // The rating-code limit cannot be counted: it lets her through to the code check (fails open).
    expectApiError(
      await ask(a, 'POST', pathOf(ApiPaths.rateByCode, { code: 'NOSUCHCODE' }), { body: { rating: Rating.Satisfied, helped: true } }),
      404,
      ErrorCode.RatingCodeInvalid,
    );
    // Sweeps need the lease: they skip their tick rather than risk running twice (fails closed).
    expect(await a.app.get(EscalationSweeper).runOnce()).toBeNull();

    for (const app of [a, b]) {
      const ready = await readiness(app);
      expect(ready.status).toBe(200);
      expect(ready.body).toEqual({
        status: 'degraded',
        mode: 'production',
        checks: { database: { ok: true }, redis: { ok: false, detail: expect.any(String) } },
        degraded: [...DEGRADED_WITHOUT_REDIS],
      });
      const live = await ask(app, 'GET', HealthPaths.live);
      expect({ status: live.status, body: live.body }).toEqual({ status: 200, body: { status: 'ok' } });
    }
    // One warning per instance for the whole outage, naming what is degraded; nothing per request.
    expect(redisWarnings()).toHaveLength(2);
    for (const line of redisWarnings()) {
      expect(line).toContain('unreachable');
      for (const feature of ['shared cache', 'rate limits', 'cross-instance invalidation', 'sweep leases']) expect(line).toContain(feature);
    }

    await startRedis();
    expect(linesLike(info, /is back/)).toHaveLength(2);
    for (const app of [a, b]) expect((await readiness(app)).body).toEqual({ status: 'ok', mode: 'production', checks: { database: { ok: true }, redis: { ok: true } } });
    expect(await a.app.get(EscalationSweeper).runOnce()).not.toBeNull();
    expect(redisWarnings()).toHaveLength(2);
  });

  it('rebuilds each instance’s places index once when Redis returns, and invalidation across instances resumes', async () => {
    const rebuilds = [a, b].map((app) => jest.spyOn(app.app.get(PlacesIndex), 'rebuild'));
    try {
      await stopRedis();
      // Made on a while Redis is away: a sees its own change, b cannot hear of it.
      const id = await addSite(a, '停电时新建的妇女微家');
      await a.app.get(PlacesIndex).settled();
      expect(await nearestSites(a)).toContain('停电时新建的妇女微家');
      expect(await nearestSites(b)).not.toContain('停电时新建的妇女微家');
      for (const spy of rebuilds) expect(spy).not.toHaveBeenCalled();

      await startRedis();
      await eventually('b rebuilt its index from the database', async () => (await nearestSites(b)).includes('停电时新建的妇女微家'));
      await Promise.all([a, b].map((app) => app.app.get(PlacesIndex).settled()));
      for (const spy of rebuilds) expect(spy).toHaveBeenCalledTimes(1);

      // Pub/sub works again: a change on a reaches b's answers, and one on b reaches a's.
      const off = await ask(a, 'PATCH', pathOf(ApiPaths.site, { id }), { token: token.chair, body: { active: false } });
      expect(off.status).toBe(200);
      await eventually('the site is gone from b', async () => !(await nearestSites(b)).includes('停电时新建的妇女微家'), 2000);
      await addSite(b, '恢复后新建的妇女微家');
      await eventually('the new site reaches a', async () => (await nearestSites(a)).includes('恢复后新建的妇女微家'), 2000);
      for (const spy of rebuilds) expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      for (const spy of rebuilds) spy.mockRestore();
    }
  });

  it('an instance started while Redis is away serves degraded, and joins in (subscribed, rebuilt) when Redis comes', async () => {
    await stopRedis();
    const c = await startTestApp({ REDIS_URL: redis.url });
    try {
      expect((await readiness(c)).body.status).toBe('degraded');
      await addSite(a, '懿路村妇女微家');
      await a.app.get(PlacesIndex).settled();
      // c read the database when it started; the site made on a since then waits for Redis.
      expect(await nearestSites(c)).not.toContain('懿路村妇女微家');
      expect(linesLike(warn, /unreachable/)).toHaveLength(3);

      await redis.start();
      await eventually('all three instances say Redis is back', async () => linesLike(info, /is back/).length === 3);
      await eventually('c rebuilt its index from the database', async () => (await nearestSites(c)).includes('懿路村妇女微家'));
      await addSite(a, '恢复后新建的妇女微家');
      await eventually('a change on a reaches c through Redis', async () => (await nearestSites(c)).includes('恢复后新建的妇女微家'), 2000);
      expect((await readiness(c)).body.status).toBe('ok');
    } finally {
      await c.close();
    }
  });
});
