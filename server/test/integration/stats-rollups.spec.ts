import { randomUUID } from 'node:crypto';
import { ApiPaths, Rating, RequestState, RoleKind, ServiceCategoryKey, pathOf, type Actor, type SubtreeStats } from '@wfh/shared';
import { createDataSource } from '../../src/database/data-source';
import { runMigrations } from '../../src/database/migrate';
import { ServiceRequestEntity } from '../../src/modules/requests/service-request.entity';
import { StatsRollupRepository } from '../../src/modules/stats/stats-rollup.repository';
import { StatsRollups } from '../../src/modules/stats/stats-rollups';
import { StatsService } from '../../src/modules/stats/stats.service';
import { createTree, TREE } from '../factories/bodies';
import { useTreeApp } from '../support/tree-app';

/** Issue #18: the dashboards read rollups, and must say exactly what the raw rows say. */
const START = new Date('2026-10-20T02:00:00Z');
const BODIES = [TREE.village, TREE.village, TREE.siblingVillage, TREE.otherTownshipVillage, TREE.township, TREE.otherTownship, TREE.county, TREE.otherCounty];
const CATEGORIES = Object.values(ServiceCategoryKey);
const RATINGS = [Rating.Satisfied, Rating.Partly, Rating.Unsatisfied];
/** Asked between 2026-07-01 and 2026-10-20, Shanghai. */
const FIRST_ASKED = Date.parse('2026-06-30T16:00:00Z');
const SPAN_MS = Date.parse('2026-10-19T16:00:00Z') - FIRST_ASKED;

/** A small seeded generator, so a failure can be replayed from its seed. */
function generator(seed: number) {
  let s = seed >>> 0;
  const next = () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    chance: (p: number) => next() < p,
  };
}

type Rand = ReturnType<typeof generator>;

/** A request in a random state; small minute ranges so that ties (and even counts) are common. */
function randomRequest(r: Rand): Partial<ServiceRequestEntity> {
  const body = r.pick(BODIES);
  const answered = r.chance(0.8);
  const resolved = answered && r.chance(0.6);
  const rated = resolved && r.chance(0.7);
  return {
    id: randomUUID(), womanUserId: randomUUID(), categoryKey: r.pick(CATEGORIES), sensitive: false, urgent: false, onBehalf: false,
    homeFederationId: body, federationId: body, routedFederationId: body, involvedFederationIds: body, siteId: null,
    state: resolved ? RequestState.Closed : answered ? RequestState.InProgress : RequestState.Submitted,
    descriptionEnc: 'v1.x.y.z', answersEnc: 'v1.x.y.z', contactEnc: 'v1.x.y.z', routingReason: '按村级受理',
    firstResponseDueAt: null, resolutionDueAt: null, nextDueAt: null, firstRespondedAt: null, resolvedAt: null,
    escalations: r.chance(0.2) ? 1 + r.int(2) : 0,
    firstResponseMinutes: answered ? r.int(200) : null,
    firstResponseOnTime: answered ? r.chance(0.7) : null,
    resolutionMinutes: resolved ? 60 + r.int(3000) : null,
    resolvedOnTime: resolved ? r.chance(0.6) : null,
    rating: rated ? r.pick(RATINGS) : null,
    helped: rated ? r.chance(0.7) : null,
    ratingCommentEnc: null, ratingsGiven: rated ? 1 : 0, ratingCodeHash: null, idempotencyKey: null, idempotencyDigest: null,
    createdAt: new Date(FIRST_ASKED + r.int(SPAN_MS)),
  };
}

/** What a later step changes on a request: an answer, a resolution, a rating, an escalation. */
function randomStep(r: Rand, row: Partial<ServiceRequestEntity>): Partial<ServiceRequestEntity> {
  if (row.firstResponseMinutes === null) return { firstResponseMinutes: r.int(200), firstResponseOnTime: r.chance(0.5), state: RequestState.InProgress };
  if (row.resolutionMinutes === null) return r.chance(0.3) ? { escalations: (row.escalations ?? 0) + 1 } : { resolutionMinutes: 60 + r.int(3000), resolvedOnTime: r.chance(0.5), state: RequestState.Resolved };
  return { rating: r.pick(RATINGS), helped: r.chance(0.5), ratingsGiven: 2 };
}

function randomRange(r: Rand): { from: string; to: string } {
  const day = (offset: number) => new Date(FIRST_ASKED + 8 * 3600_000 + offset * 24 * 3600_000).toISOString().slice(0, 10);
  const a = r.int(112);
  const b = Math.min(111, a + r.int(112 - a));
  return { from: day(a), to: day(b) };
}

describe('dashboard rollups', () => {
  const { app, api } = useTreeApp(START, [
    ['staff', { key: 'staff', role: { role: RoleKind.Staff, federationId: TREE.township } }],
    ['admin', { key: 'admin', role: { role: RoleKind.Admin, federationId: TREE.county } }],
  ]);
  const viewers: Array<[string, string]> = [['staff', TREE.township], ['admin', TREE.county]];
  const county: Actor = { userId: randomUUID(), grants: [{ role: RoleKind.Admin, federationId: TREE.city }] };

  const viaApi = async (who: string, id: string, range: { from: string; to: string }) => {
    const reply = await api<SubtreeStats>(who, 'GET', `${pathOf(ApiPaths.federationStats, { id })}?from=${range.from}&to=${range.to}`);
    expect(reply.status).toBe(200);
    return { ...reply.body, generatedAt: null };
  };
  const viaRaw = async (id: string, range: { from: string; to: string }) =>
    ({ ...(await app().app.get(StatsService).subtree(county, id, range, 'raw')), generatedAt: null });

  /** Every viewer, random ranges plus the whole span: the API's answer is the raw query's, to the last digit. */
  async function expectSameAsRaw(r: Rand, ranges = 6): Promise<void> {
    const list = [{ from: '2026-07-01', to: '2026-10-20' }, ...Array.from({ length: ranges }, () => randomRange(r))];
    for (const range of list) {
      for (const [who, id] of viewers) {
        const [fromRollups, fromRaw] = await Promise.all([viaApi(who, id, range), viaRaw(id, range)]);
        expect({ who, range, stats: fromRollups }).toEqual({ who, range, stats: fromRaw });
      }
    }
  }

  const stamp = (ids: string[], at: string) =>
    app().dataSource.query(`UPDATE service_request SET updated_at = ${at} WHERE id IN (${ids.map(() => '?').join(', ')})`, ids);

  it.each([11, 2027])('match the raw query on random requests, before and after the rebuild job catches up (seed %i)', async (seed) => {
    const r = generator(seed);
    const repo = app().dataSource.getRepository(ServiceRequestEntity);
    const rows = Array.from({ length: 500 }, () => randomRequest(r));
    await repo.insert(rows);
    // Written an hour ago: the job's first pass covers them all (it takes in what is two minutes old).
    await stamp(rows.map((row) => row.id!), 'NOW(6) - INTERVAL 1 HOUR');
    const rollups = app().app.get(StatsRollups);
    const first = await rollups.rebuild();
    expect(first.ownRows).toBeGreaterThan(100);
    await expectSameAsRaw(r);

    // As if that pass ran 50 minutes ago; later steps, some half an hour ago and some just now.
    await app().dataSource.query('UPDATE stats_rollup_state SET covered_before = NOW(6) - INTERVAL 50 MINUTE');
    const stepped = rows.filter(() => r.chance(0.25));
    for (const row of stepped) await repo.update({ id: row.id! }, randomStep(r, row));
    const older = stepped.filter(() => r.chance(0.5)).map((row) => row.id!);
    if (older.length > 0) await stamp(older, 'NOW(6) - INTERVAL 30 MINUTE');
    await expectSameAsRaw(r);
    const second = await rollups.rebuild();
    expect(second.coveredBefore.getTime()).toBeGreaterThan(first.coveredBefore.getTime());
    await expectSameAsRaw(r);

    // New requests today and more steps, with no pass since: still exact, read from the raw rows.
    const today = Array.from({ length: 40 }, () => ({ ...randomRequest(r), createdAt: new Date(START.getTime() - r.int(8 * 3600_000)) }));
    await repo.insert(today);
    for (const row of rows.filter(() => r.chance(0.1))) await repo.update({ id: row.id! }, randomStep(r, row));
    await expectSameAsRaw(r);
  });

  it('reads its whole days from the rollups, not the raw rows', async () => {
    const repo = app().dataSource.getRepository(ServiceRequestEntity);
    const r = generator(5);
    const rows = Array.from({ length: 60 }, () => ({ ...randomRequest(r), routedFederationId: TREE.village, createdAt: new Date('2026-09-10T02:00:00Z') }));
    await repo.insert(rows);
    await stamp(rows.map((row) => row.id!), 'NOW(6) - INTERVAL 1 HOUR');
    await app().app.get(StatsRollups).rebuild();
    const range = { from: '2026-09-01', to: '2026-09-30' };
    expect((await viaApi('staff', TREE.township, range)).total.received).toBe(60);
    // A rollup row altered by hand shows through: proof the comparisons above were not raw against raw.
    await app().dataSource.query('UPDATE stats_tree_day SET received = received + 1000 WHERE body_id = ?', [TREE.township]);
    expect((await viaApi('staff', TREE.township, range)).total.received).toBe(1060);
    expect((await viaRaw(TREE.township, range)).total.received).toBe(60);
  });

  it('are built the same way on the embedded SQLite', async () => {
    const ds = createDataSource({ kind: 'sqljs', file: null });
    await ds.initialize();
    try {
      await runMigrations(ds);
      await createTree(ds);
      const r = generator(3);
      const rows = Array.from({ length: 80 }, () => randomRequest(r));
      await ds.getRepository(ServiceRequestEntity).insert(rows);
      const rollups = new StatsRollups(new StatsRollupRepository(ds), { now: () => new Date() });
      expect((await rollups.rebuild()).ownRows).toBeGreaterThan(10);
      // A second pass rewrites what it finds changed (all of it: stamped within the last two minutes).
      await rollups.rebuild();
      const sum = async (id: string) => Number((await ds.query('SELECT SUM(received) AS n FROM stats_tree_day WHERE body_id = ?', [id]))[0].n ?? 0);
      for (const id of [TREE.county, TREE.township, TREE.village]) {
        expect(await sum(id)).toBe(rows.filter((row) => row.routedFederationId!.startsWith(id)).length);
      }
    } finally {
      await ds.destroy();
    }
  });
});
