import { ApiPaths, ErrorCode, HealthPaths, RoleKind, ServiceCategoryKey, type HealthReport } from '@wfh/shared';
import type { PoolConnection } from 'mysql2';
import { toErrorReply } from '../../src/common/filters/error-responses';
import { mysql2WithAcquireTimeout } from '../../src/database/pool-acquire-timeout';
import { createPeopleSignedIn, createTree, TREE, type PersonSpec } from '../factories/bodies';
import { expectApiError, signInAs } from '../support/api-expect';
import { startPrivateMariaDb, type PrivateMariaDb } from '../support/private-services';
import { TEST_DB_NAME } from '../support/services';
import { ask, eventually } from '../support/patience';
import { startTestApp, type TestApp } from '../support/test-app';

const WOMEN = ['w1', 'w2', 'w3', 'w4'];

const request = (n: number) => ({
  categoryKey: ServiceCategoryKey.MarriageMediation,
  description: `婆婆总是和我吵架，想请妇联帮忙说和（第${n}次）`,
  answers: { with_whom: '公婆' },
  contact: { method: 'phone', phone: '13800000001', safeTimes: '工作日上午' },
  federationId: TREE.village,
});

/**
 * The app on a MariaDB of the test's own (Redis: the machine's), which the test kills (-9) and
 * starts again while women keep submitting requests.
 */
describe('MariaDB restarted mid-run', () => {
  let db: PrivateMariaDb;
  let app: TestApp;
  let token: Record<string, string>;

  beforeAll(async () => {
    db = await startPrivateMariaDb();
    await db.createDatabase(TEST_DB_NAME);
    app = await startTestApp({ DATABASE_URL: db.url(TEST_DB_NAME) });
    await app.reset();
    await createTree(app.dataSource);
    token = await createPeopleSignedIn(
      app.dataSource,
      (key) => signInAs(app.baseUrl, key),
      [
        ...WOMEN.map((key): [string, PersonSpec] => [key, { key, home: TREE.village }]),
        ['chair', { key: 'chair', role: { role: RoleKind.Chair, federationId: TREE.village } }],
      ],
    );
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('answers 503 at once while it is down, serves again after the restart, and loses no accepted request', async () => {
    const accepted: string[] = [];
    const statuses: number[] = [];
    let sent = 0;
    let running = true;
    let lastRefusal = '';
    // A steady trickle: each woman submits one request after another, across the restart.
    const trickle = Promise.all(
      WOMEN.map(async (woman) => {
        while (running) {
          const reply = await ask(app, 'POST', ApiPaths.requests, { token: token[woman], body: request(++sent) });
          statuses.push(reply.status);
          if (reply.status === 201) accepted.push(reply.body.id);
          else lastRefusal = JSON.stringify(reply.body);
          await new Promise((r) => setTimeout(r, 20));
        }
      }),
    );
    const seen = () => JSON.stringify(statuses.reduce<Record<number, number>>((count, s) => ({ ...count, [s]: (count[s] ?? 0) + 1 }), {}));
    const acceptedSoFar = (n: number) =>
      eventually(() => `${n} requests accepted (replies so far: ${seen()}, last refusal: ${lastRefusal})`, async () => accepted.length >= n);

    try {
      await acceptedSoFar(10);
      await db.kill();

      await eventually('a submission refused while the database is down', async () => statuses.includes(503));
      const refused = await ask(app, 'POST', ApiPaths.requests, { token: token.w1, body: request(0) });
      expectApiError(refused, 503, ErrorCode.ServiceUnavailable);
      expectApiError(await ask(app, 'GET', ApiPaths.myRequests, { token: token.w2 }), 503, ErrorCode.ServiceUnavailable);
      const ready = await ask<HealthReport>(app, 'GET', HealthPaths.ready);
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ status: 'down', checks: { database: { ok: false }, redis: { ok: true } } });
      expect((await ask(app, 'GET', HealthPaths.live)).status).toBe(200);

      // The same app, not restarted, serves again once the database is back.
      const beforeRestart = accepted.length;
      await db.start();
      await acceptedSoFar(beforeRestart + 10);
    } finally {
      running = false;
      await trickle;
    }

    expect((await ask<HealthReport>(app, 'GET', HealthPaths.ready)).body.status).toBe('ok');
    const mine = await ask(app, 'GET', ApiPaths.myRequests, { token: token.w2 });
    expect(mine.status).toBe(200);
    // Every reply was an acceptance or a calm "try again": never a 500, never a hang (ask would throw).
    expect([...new Set(statuses)].sort()).toEqual([201, 503]);
    const rows: Array<{ id: string }> = await app.dataSource.query(
      `SELECT id FROM service_request WHERE id IN (${accepted.map(() => '?').join(',')})`,
      accepted,
    );
    expect(rows.map((r) => r.id).sort()).toEqual([...accepted].sort());
  });

  it('stops waiting for a free connection when the pool stays full, answered 503, and the pool keeps serving', async () => {
    const pool = mysql2WithAcquireTimeout(200).createPool({ uri: db.url(TEST_DB_NAME).replace(/^mariadb:/, 'mysql:'), connectionLimit: 1 });
    const take = () => new Promise<PoolConnection>((resolve, reject) => pool.getConnection((error, connection) => (error ? reject(error) : resolve(connection))));
    try {
      const busy = await take();
      const refused: Error & { code?: string } = await take().then(
        () => new Error('got a connection the pool did not have'),
        (error: Error) => error,
      );
      expect(refused.code).toBe('POOL_ACQUIRE_TIMEOUT');
      expect(toErrorReply(refused).status).toBe(503);
      // The connection handed over after the waiter gave up went back to the pool, not astray.
      busy.release();
      const next = await take();
      const [rows] = await next.promise().query('SELECT 1 AS one');
      expect(rows).toEqual([{ one: 1 }]);
      next.release();
    } finally {
      await new Promise((resolve) => pool.end(resolve));
    }
  });
});
