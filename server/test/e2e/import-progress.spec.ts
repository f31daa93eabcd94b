import { randomUUID } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import { Redis } from 'ioredis';
import { ApiPaths, ErrorCode, ImportKind, RoleKind, pathOf, type ImportProgress, type ImportReport } from '@wfh/shared';
import { CACHE_STORE, type CacheStore } from '../../src/infra/redis/coordination';
import { TREE } from '../factories/bodies';
import { expectApiError } from '../support/api-expect';
import { TEST_REDIS_PREFIX, TEST_REDIS_URL } from '../support/services';
import { call, startTestApp, type ApiReply, type TestApp } from '../support/test-app';
import { useTreeApp } from '../support/tree-app';

/** Tuesday 1 December 2026, 10:00 in Asia/Shanghai. */
const START = new Date('2026-12-01T02:00:00Z');
const ROWS = 450;
const HEADER = ['名称', '类型', '乡镇（街道）', '村（社区）', '详细地址', '纬度', '经度'];
const site = (n: number) => [`懿路村妇女小组${n}`, '妇女小组', '新台子镇', '懿路村', `懿路村${n}组`, '42.1012', '123.5021'];

/**
 * A county admin importing a large sheet sees how far it has got: the console polls the progress of
 * the id it sent with the import. Each phase is recorded as the server works (every 200 rows, not
 * every row), in Redis, so a poll reaching another instance gets the same answer; only she can read
 * it, and the report itself stays what it was.
 */
describe('the progress of a large import', () => {
  const { app, token } = useTreeApp(START, [
    ['admin', { key: 'admin', role: { role: RoleKind.Admin, federationId: TREE.county } }],
    ['colleague', { key: 'colleague', role: { role: RoleKind.Admin, federationId: TREE.county } }],
    ['otherAdmin', { key: 'other-admin', role: { role: RoleKind.Admin, federationId: TREE.otherCounty } }],
    ['staff', { key: 'staff', role: { role: RoleKind.Staff, federationId: TREE.township } }],
  ]);
  /** A second instance on the same MariaDB and Redis, as behind a load balancer. */
  let other: TestApp;
  beforeAll(async () => {
    other = await startTestApp();
  });
  afterAll(() => other.close());
  afterEach(() => jest.restoreAllMocks());

  const importPath = (dryRun: boolean, progressId: string) =>
    `${pathOf(ApiPaths.countyImport, { countyId: TREE.county, kind: ImportKind.Sites })}?dryRun=${dryRun}&progressId=${progressId}`;
  const progressPath = (progressId: string, countyId: string = TREE.county) => pathOf(ApiPaths.countyImportProgress, { countyId, progressId });

  async function upload(path: string, rows: string[][]): Promise<ApiReply<ImportReport>> {
    const response = await fetch(`${app().baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${token.admin}` },
      body: Buffer.from(stringify([HEADER, ...rows]), 'utf8'),
    });
    return { status: response.status, body: (await response.json()) as ImportReport, headers: response.headers };
  }

  const poll = (baseUrl: string, who: string | null, path: string) => call<ImportProgress>(baseUrl, 'GET', path, { token: who ? token[who] : undefined });

  /**
   * Every progress record the import writes, in order. `whileWriting` runs the first time the
   * commit says it is writing, with the import held until it returns: what a poll sees mid-import.
   */
  function recordProgress(progressId: string, whileWriting?: () => Promise<void>): ImportProgress[] {
    const cache = app().app.get<CacheStore>(CACHE_STORE);
    const write = cache.set.bind(cache);
    const records: ImportProgress[] = [];
    let seenWriting = false;
    jest.spyOn(cache, 'set').mockImplementation(async (key, value, ttl) => {
      await write(key, value, ttl);
      if (!key.endsWith(progressId)) return;
      const { phase, done, total } = JSON.parse(value) as ImportProgress;
      records.push({ phase, done, total });
      if (phase === 'writing' && !seenWriting && whileWriting) {
        seenWriting = true;
        await whileWriting();
      }
    });
    return records;
  }

  const rows = Array.from({ length: ROWS }, (_, i) => site(i + 1));
  const checking = [0, 200, 400, ROWS].map((done) => ({ phase: 'checking', done, total: ROWS }));

  it('says reading, checking every 200 rows, writing every 200 changes and done, to a poll on any instance', async () => {
    // The dry run first: it only reads and checks.
    const checkId = randomUUID();
    const checkRecords = recordProgress(checkId);
    const dry = await upload(importPath(true, checkId), rows);
    expect(dry.status).toBe(200);
    expect(dry.body.counts).toMatchObject({ rows: ROWS, create: ROWS, badRows: 0 });
    expect(checkRecords).toEqual([{ phase: 'reading', done: 0, total: 0 }, ...checking, { phase: 'done', done: ROWS, total: ROWS }]);
    jest.restoreAllMocks();

    const commitId = randomUUID();
    const seenMidway: Record<string, ApiReply> = {};
    const commitRecords = recordProgress(commitId, async () => {
      seenMidway.otherInstance = await poll(other.baseUrl, 'admin', progressPath(commitId));
      seenMidway.colleague = await poll(app().baseUrl, 'colleague', progressPath(commitId));
    });
    const committed = await upload(importPath(false, commitId), rows);
    expect(committed.status).toBe(200);
    // The report is the same with or without a progress id.
    expect(committed.body).toMatchObject({ committed: true, problems: [], counts: { rows: ROWS, create: ROWS } });
    expect(commitRecords).toEqual([
      { phase: 'reading', done: 0, total: 0 },
      // A commit checks again inside its transaction, then writes.
      ...checking,
      ...[0, 200, 400, ROWS].map((done) => ({ phase: 'writing', done, total: ROWS })),
      { phase: 'done', done: ROWS, total: ROWS },
    ]);
    expect(Number((await app().dataSource.query('SELECT COUNT(*) AS n FROM site'))[0].n)).toBe(ROWS);

    // While it wrote, the other instance answered her poll from Redis; her colleague got nothing.
    expect(seenMidway.otherInstance).toMatchObject({ status: 200, body: { phase: 'writing', done: 0, total: ROWS } });
    expectApiError(seenMidway.colleague!, 404, ErrorCode.ImportProgressNotFound);

    // Afterwards: done, every row, for a few minutes only.
    for (const baseUrl of [app().baseUrl, other.baseUrl]) {
      expect(await poll(baseUrl, 'admin', progressPath(commitId))).toMatchObject({ status: 200, body: { phase: 'done', done: ROWS, total: ROWS } });
    }
    const redis = new Redis(TEST_REDIS_URL);
    try {
      const keys = await redis.keys(`${TEST_REDIS_PREFIX}*import-progress:*:${commitId}`);
      expect(keys).toHaveLength(1);
      const ttl = await redis.ttl(keys[0]!);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(300);
    } finally {
      redis.disconnect();
    }
  });

  it('is done, every row read, when a commit is refused for a bad row, and writes nothing', async () => {
    const progressId = randomUUID();
    const records = recordProgress(progressId);
    const bad = rows.map((row, i) => (i === 300 ? [...row.slice(0, 5), '142.1', row[6]!] : row));
    const refused = await upload(importPath(false, progressId), bad);
    expect(refused).toMatchObject({ status: 400, body: { code: ErrorCode.ImportHasProblems, committed: false } });
    expect(refused.body.problems).toEqual([{ row: 302, column: '纬度', message: expect.stringContaining('不在中国境内') }]);
    expect(records).toEqual([{ phase: 'reading', done: 0, total: 0 }, ...checking, { phase: 'done', done: ROWS, total: ROWS }]);
    expect(Number((await app().dataSource.query('SELECT COUNT(*) AS n FROM site'))[0].n)).toBe(0);
  });

  it('answers only the admin who started it, in her own county', async () => {
    const progressId = randomUUID();
    expect((await upload(importPath(true, progressId), rows.slice(0, 3))).status).toBe(200);
    const path = progressPath(progressId);
    expect(await poll(app().baseUrl, 'admin', path)).toMatchObject({ status: 200, body: { phase: 'done', done: 3, total: 3 } });
    // Another admin of the same county: as if there were no such import.
    expectApiError(await poll(app().baseUrl, 'colleague', path), 404, ErrorCode.ImportProgressNotFound);
    // Not a county admin here at all, or no token.
    expectApiError(await poll(app().baseUrl, 'otherAdmin', path), 403, ErrorCode.Forbidden);
    expectApiError(await poll(app().baseUrl, 'staff', path), 403, ErrorCode.Forbidden);
    expect((await poll(app().baseUrl, null, path)).status).toBe(401);
    // Her own id asked of another county, an id never used, and one that is no id.
    expectApiError(await poll(app().baseUrl, 'admin', progressPath(progressId, TREE.otherCounty)), 403, ErrorCode.Forbidden);
    expectApiError(await poll(app().baseUrl, 'admin', progressPath(randomUUID())), 404, ErrorCode.ImportProgressNotFound);
    expect(await poll(app().baseUrl, 'admin', progressPath('not-a-uuid'))).toMatchObject({ status: 400, body: { code: ErrorCode.ValidationFailed } });

    // An import without an id records nothing.
    const cache = app().app.get<CacheStore>(CACHE_STORE);
    const set = jest.spyOn(cache, 'set');
    const plain = await fetch(`${app().baseUrl}${pathOf(ApiPaths.countyImport, { countyId: TREE.county, kind: ImportKind.Sites })}?dryRun=true`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${token.admin}` },
      body: Buffer.from(stringify([HEADER, ...rows.slice(0, 3)]), 'utf8'),
    });
    expect(plain.status).toBe(200);
    expect(set.mock.calls.filter(([key]) => key.includes('import-progress'))).toEqual([]);
  });
});
