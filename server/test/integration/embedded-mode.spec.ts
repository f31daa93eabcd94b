import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiPaths, HealthPaths, IDEMPOTENCY_HEADER, RequestAction, RequestState, ServiceCategoryKey, pathOf, requestActionPath } from '@wfh/shared';
import { RequestsService } from '../../src/modules/requests/requests.service';
import { describeMode, loadConfig } from '../../src/config/config';
import { createApp } from '../../src/bootstrap';
import { createLogger } from '../../src/infra/logging/logger';
import { call } from '../support/test-app';

/** The README's first command: no DATABASE_URL, no REDIS_URL, a SQLite file and demo data. */
describe('the embedded default', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'wfh-embedded-'));
  const config = () => loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', H5_DIR: '/nonexistent' });

  async function start() {
    const app = await createApp(config(), createLogger('silent'));
    await app.listen({ host: '127.0.0.1', port: 0 });
    return { app, baseUrl: `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}` };
  }

  it('says which mode it runs in', () => {
    expect(describeMode(config())).toBe(
      `mode: embedded (SQLite at ${join(dataDir, 'wfh.sqlite')}; in-process cache, locks, pub/sub and rate limits instead of Redis)`,
    );
  });

  it('seeds 铁岭市, demo sites and demo people, keeps them in its file and changes nothing on restart', async () => {
    const first = await start();
    let counts;
    try {
      const ready = await call(first.baseUrl, 'GET', HealthPaths.ready);
      expect(ready.body).toEqual({ status: 'ok', mode: 'embedded', checks: { database: { ok: true }, coordination: { ok: true } } });
      const county = await call(first.baseUrl, 'GET', pathOf(ApiPaths.federation, { id: '211221' }));
      expect(county.body.name).toBe('铁岭县妇联');
      const sites = await call(first.baseUrl, 'GET', pathOf(ApiPaths.federationSites, { id: '211221101' }));
      expect(sites.body).toEqual([expect.objectContaining({ name: '新台子镇妇女之家', kind: 'womens_home', isDemo: true })]);
      const people = await call(first.baseUrl, 'GET', ApiPaths.authDevPeople);
      expect(people.body.map((p: { displayName: string }) => p.displayName)).toContain('王秀英');
      counts = await countRows(first.app);
      expect(counts.levels).toEqual({ province: 1, city: 1, county: 7, township: 106, village: 1471 });
      expect(counts.sites).toBeGreaterThan(106);
      expect(counts.realSites).toBe(0);
    } finally {
      await first.app.close();
    }

    const second = await start();
    try {
      expect(await countRows(second.app)).toEqual(counts);
      const signIn = await call(second.baseUrl, 'POST', ApiPaths.authDev, { body: { personKey: 'woman-yilu' } });
      const me = await call(second.baseUrl, 'GET', ApiPaths.me, { token: signIn.body.accessToken });
      expect(me.body.home.name).toBe('懿路村妇联');
      // Refreshing takes a row lock on MySQL; the embedded SQLite must manage without one.
      const refreshed = await call(second.baseUrl, 'POST', ApiPaths.authRefresh, { body: { refreshToken: signIn.body.refreshToken } });
      expect(refreshed.status).toBe(200);
      expect((await call(second.baseUrl, 'GET', ApiPaths.me, { token: refreshed.body.accessToken })).status).toBe(200);

      // The heart of the product works on the embedded database too: she asks, her chair accepts.
      const asked = await call(second.baseUrl, 'POST', ApiPaths.requests, {
        token: refreshed.body.accessToken,
        headers: { [IDEMPOTENCY_HEADER]: 'embedded-1' },
        body: {
          categoryKey: ServiceCategoryKey.MarriageMediation,
          description: '想请妇联帮忙调解',
          answers: { with_whom: '公婆' },
          contact: { method: 'wechat' },
          federationId: '211221101200',
        },
      });
      expect(asked.status).toBe(201);
      const chair = await call(second.baseUrl, 'POST', ApiPaths.authDev, { body: { personKey: 'chair-yilu' } });
      const accepted = await call(second.baseUrl, 'POST', pathOf(requestActionPath(RequestAction.Accept), { id: asked.body.id }), {
        token: chair.body.accessToken,
        body: {},
      });
      expect(accepted.body.state).toBe(RequestState.Accepted);
      expect(await second.app.get(RequestsService).sweep()).toEqual({ escalated: 0, closed: 0 });

      // The township's view adds up on SQLite too (its own date and list functions).
      const staff = await call(second.baseUrl, 'POST', ApiPaths.authDev, { body: { personKey: 'staff-xintaizi' } });
      const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
      const stats = await call(second.baseUrl, 'GET', `${pathOf(ApiPaths.federationStats, { id: '211221101' })}?from=${today.slice(0, 8)}01&to=${today}`, {
        token: staff.body.accessToken,
      });
      expect(stats.status).toBe(200);
      expect(stats.body.total).toMatchObject({ received: 1, firstResponseMedianMinutes: expect.any(Number) });
      expect(stats.body.children.find((c: { name: string }) => c.name === '懿路村妇联')).toMatchObject({ received: 1 });
      expect(stats.body.weeks.reduce((n: number, w: { received: number }) => n + w.received, 0)).toBe(1);

      // Demo activities are coming up; signing up takes a seat with a guarded UPDATE on SQLite too.
      const coming = await call(second.baseUrl, 'GET', `${ApiPaths.activities}?federationId=211221101200`);
      const screening = coming.body.find((a: { title: string }) => a.title === '免费两癌筛查');
      expect(screening).toMatchObject({ seatsLeft: 25, signupWindow: 'open' });
      const seat = await call(second.baseUrl, 'POST', pathOf(ApiPaths.activitySignups, { id: screening.id }), { token: refreshed.body.accessToken, body: {} });
      expect(seat.body).toMatchObject({ state: 'confirmed', shortCode: expect.stringMatching(/^\d{6}$/) });
      expect((await call(second.baseUrl, 'POST', pathOf(ApiPaths.activitySignups, { id: screening.id }), { token: refreshed.body.accessToken, body: {} })).status).toBe(409);
      const given = await call(second.baseUrl, 'POST', pathOf(ApiPaths.signupCancel, { id: seat.body.id }), { token: refreshed.body.accessToken });
      expect(given.body.state).toBe('cancelled');
      expect((await call(second.baseUrl, 'GET', pathOf(ApiPaths.activity, { id: screening.id }))).body.seatsLeft).toBe(25);
    } finally {
      await second.app.close();
    }
  });
});

async function countRows(app: Awaited<ReturnType<typeof createApp>>) {
  const { DataSource } = await import('typeorm');
  const ds = app.get(DataSource);
  const levels = await ds.query('SELECT level, COUNT(*) AS n FROM federation GROUP BY level');
  const [{ sites }] = await ds.query('SELECT COUNT(*) AS sites FROM site');
  const [{ realSites }] = await ds.query('SELECT COUNT(*) AS realSites FROM site WHERE is_demo = 0');
  const [{ people }] = await ds.query('SELECT COUNT(*) AS people FROM app_user');
  return {
    levels: Object.fromEntries(levels.map((r: { level: string; n: number }) => [r.level, Number(r.n)])),
    sites: Number(sites),
    realSites: Number(realSites),
    people: Number(people),
  };
}
