import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { ApiPaths, RoleKind, pathOf } from '@wfh/shared';
import { createDataSource } from '../src/database/data-source';
import { runMigrations } from '../src/database/migrate';
import { seedCatalogue } from '../src/database/seed/catalogue';
import { importRegions } from '../src/database/regions/region-importer';
import { StatsRollupRepository } from '../src/modules/stats/stats-rollup.repository';
import { StatsRollups } from '../src/modules/stats/stats-rollups';
import { benchDatabase, devServerEnv, waitFor, writeResult } from './support';

/**
 * `pnpm bench:dashboard` on MariaDB: a township's view (GET /federations/:id/stats for a year) through
 * the real server, with 2,000,000 requests spread over 铁岭市's 1,471 villages across two years.
 * Writes bench/results/dashboard.json with {rows, p50_ms, p95_ms} and the county view for comparison.
 * The rollups (issue #18) are built before the server starts, as its job would on first boot, and
 * that first build's time is reported; the server's own job then only finds nothing changed.
 */
const ADMIN_URL = process.env.BENCH_DB_ADMIN_URL ?? 'mysql://root@127.0.0.1:3306/mysql';
const DB_NAME = process.env.BENCH_DB_NAME ?? 'wfh_bench_dashboard';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/12';
const PORT = 3985;
const ROWS = 2_000_000;
const RUNS = 60;
const TOWNSHIP = '211221101';
const COUNTY = '211221';
const RANGE = { from: '2026-01-01', to: '2026-12-31' };
const CATEGORIES = ['legal_aid', 'domestic_violence', 'marriage_mediation', 'counselling', 'family_education', 'employment', 'hardship', 'screening', 'other'];

const ENV = devServerEnv('dashboard', PORT, REDIS_URL);

/** Two million requests written by SQL alone (MariaDB's sequence engine), spread evenly over villages and two years. */
async function prepare(url: string): Promise<{ rows: number; rollupBuildSeconds: number }> {
  const ds = createDataSource({ kind: 'mysql', url });
  await ds.initialize();
  try {
    await runMigrations(ds);
    await seedCatalogue(ds);
    await importRegions(ds, { kind: 'city', code: '2112' });
    await ds.query('DELETE FROM role_assignment');
    await ds.query('DELETE FROM app_user');
    const staff = randomUUID();
    const admin = randomUUID();
    await ds.query("INSERT INTO app_user (id, display_name, demo_key) VALUES (?, '镇干部', 'bench-staff'), (?, '县管理员', 'bench-admin')", [staff, admin]);
    await ds.query('INSERT INTO role_assignment (id, user_id, federation_id, role) VALUES (?, ?, ?, ?), (?, ?, ?, ?)', [
      randomUUID(), staff, TOWNSHIP, RoleKind.Staff, randomUUID(), admin, COUNTY, RoleKind.Admin,
    ]);
    const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM service_request');
    if (Number(n) !== ROWS) {
      await ds.query('TRUNCATE TABLE service_request');
      await ds.query('DROP TABLE IF EXISTS bench_village');
      await ds.query('CREATE TABLE bench_village (n INT PRIMARY KEY, id VARCHAR(12) NOT NULL)');
      await ds.query("INSERT INTO bench_village SELECT ROW_NUMBER() OVER (ORDER BY id) - 1, id FROM federation WHERE level = 'village' AND id LIKE '2112%'");
      const [{ villages }] = await ds.query('SELECT COUNT(*) AS villages FROM bench_village');
      const minutesInTwoYears = 730 * 24 * 60;
      await ds.query(
        `INSERT INTO service_request (id, woman_user_id, category_key, \`sensitive\`, home_federation_id, federation_id, routed_federation_id,
            involved_federation_ids, state, description_enc, answers_enc, contact_enc, routing_reason, escalations,
            first_response_minutes, first_response_on_time, resolution_minutes, resolved_on_time, rating, helped,
            next_due_at, created_at, version)
         SELECT UUID(), UUID(), ELT(1 + MOD(s.seq, 9), ${CATEGORIES.map((c) => `'${c}'`).join(', ')}), MOD(s.seq, 9) = 1,
                v.id, v.id, v.id, v.id, IF(MOD(s.seq, 10) = 0, 'submitted', 'closed'), 'x', 'x', 'x', 'bench', MOD(s.seq, 7) = 0,
                IF(MOD(s.seq, 10) = 0, NULL, MOD(s.seq * 7, 960)), MOD(s.seq, 5) <> 0,
                IF(MOD(s.seq, 10) = 0, NULL, 600 + MOD(s.seq * 13, 9000)), MOD(s.seq, 4) <> 0,
                IF(MOD(s.seq, 3) = 0, NULL, ELT(1 + MOD(s.seq, 3), 'satisfied', 'partly', 'unsatisfied')), MOD(s.seq, 6) <> 0,
                IF(MOD(s.seq, 10) = 0, TIMESTAMP('2027-01-01') - INTERVAL MOD(s.seq, 90) DAY, NULL),
                TIMESTAMP('2025-01-01') + INTERVAL MOD(s.seq * 7919, ${minutesInTwoYears}) MINUTE, 1
           FROM seq_0_to_${ROWS - 1} s JOIN bench_village v ON v.n = MOD(s.seq, ${Number(villages)})`,
      );
      await ds.query('DROP TABLE bench_village');
      await ds.query('ANALYZE TABLE service_request');
    }
    const [{ total }] = await ds.query('SELECT COUNT(*) AS total FROM service_request');
    // A fresh first build each run, so its time is measured rather than left over from a run before.
    await ds.query('DELETE FROM stats_rollup_state');
    const started = process.hrtime.bigint();
    await new StatsRollups(new StatsRollupRepository(ds), { now: () => new Date() }).rebuild();
    const rollupBuildSeconds = Number((Number(process.hrtime.bigint() - started) / 1e9).toFixed(1));
    return { rows: Number(total), rollupBuildSeconds };
  } finally {
    await ds.destroy();
  }
}

async function tokenOf(personKey: string): Promise<string> {
  const reply = await fetch(`http://127.0.0.1:${PORT}${ApiPaths.authDev}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ personKey }),
  });
  return ((await reply.json()) as { accessToken: string }).accessToken;
}

/** Sequential GETs, as a member of staff opening her dashboard again and again. */
async function timeView(token: string, federationId: string): Promise<{ p50: number; p95: number; received: number }> {
  const url = `http://127.0.0.1:${PORT}${pathOf(ApiPaths.federationStats, { id: federationId })}?from=${RANGE.from}&to=${RANGE.to}`;
  const get = async () => {
    const reply = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    if (!reply.ok) throw new Error(`stats answered ${reply.status}: ${await reply.text()}`);
    return (await reply.json()) as { total: { received: number } };
  };
  for (let i = 0; i < 5; i++) await get();
  const times: number[] = [];
  let received = 0;
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    received = (await get()).total.received;
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => Number(times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!.toFixed(1));
  return { p50: at(0.5), p95: at(0.95), received };
}

async function main(): Promise<void> {
  const url = await benchDatabase(ADMIN_URL, DB_NAME);
  const { rows, rollupBuildSeconds } = await prepare(url);
  const server = spawn(process.execPath, [join(__dirname, '..', 'src', 'main.js')], {
    env: { ...process.env, ...ENV, DATABASE_URL: url },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitFor(`http://127.0.0.1:${PORT}/health/ready`, 120_000);
    const township = await timeView(await tokenOf('bench-staff'), TOWNSHIP);
    const county = await timeView(await tokenOf('bench-admin'), COUNTY);
    writeResult('dashboard', {
      rows,
      p50_ms: township.p50,
      p95_ms: township.p95,
      township_requests_in_range: township.received,
      county_p50_ms: county.p50,
      county_p95_ms: county.p95,
      county_requests_in_range: county.received,
      rollup_first_build_s: rollupBuildSeconds,
    });
  } finally {
    server.kill();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
