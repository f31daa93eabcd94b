import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { JwtService } from '@nestjs/jwt';
import type { AccessTokenClaims } from '../src/common/auth/auth.guard';
import { createPool, type Pool, type RowDataPacket } from 'mysql2/promise';
import { ActivityCategory, ApiPaths, HealthPaths, RoleKind, pathOf, type ActivityDetail, type ActivityInput, type SignupView } from '@wfh/shared';
import { createDataSource } from '../src/database/data-source';
import { runMigrations } from '../src/database/migrate';
import { seedCatalogue } from '../src/database/seed/catalogue';
import { importRegions } from '../src/database/regions/region-importer';
import { benchDatabase, waitFor, writeResult } from './support';

/**
 * `pnpm bench:signup`: 2,000 different women sign up at the same moment for one activity with 50
 * seats, half of them on each of two server processes sharing one MariaDB and one Redis. Then the
 * same burst through a deliberately unguarded read-then-write path (below, and only here) to show
 * what the conditional UPDATE prevents. Writes bench/results/signup.json.
 */
const ADMIN_URL = process.env.BENCH_DB_ADMIN_URL ?? 'mysql://root@127.0.0.1:3306/mysql';
const DB_NAME = process.env.BENCH_DB_NAME ?? 'wfh_bench_signup';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/12';
const PORTS = [3981, 3982];
const WOMEN = 2_000;
const SEATS = 50;
const VILLAGE = '211221101200';
/** What each server's TypeORM pool has (data-source.ts), for the control's pools too. */
const POOL_SIZE = 20;

const JWT_SECRET = 'bench-jwt-secret-bench-jwt-secret-bench';

/** Production mode: MariaDB + Redis, no dev sign-in; WeChat is never called (tokens are minted here). */
const ENV = {
  NODE_ENV: 'production',
  REDIS_URL,
  REDIS_KEY_PREFIX: 'wfh-bench-signup:',
  JWT_SECRET,
  DATA_ENCRYPTION_KEY: Buffer.alloc(32, 5).toString('base64'),
  PHONE_DIGEST_KEY: Buffer.alloc(32, 6).toString('base64'),
  WECHAT_APPID: 'wx-bench',
  WECHAT_SECRET: 'wx-bench-secret',
  WECHAT_API_BASE: 'http://127.0.0.1:9',
  SEED_DEMO: 'false',
  DEV_SIGN_IN: 'false',
  LOG_LEVEL: 'warn',
  H5_DIR: '/nonexistent',
  // As behind nginx in production: the 2,000 women are 2,000 phones, each named in X-Forwarded-For
  // (phoneAddress), so the per-address sign-up limit applies as it would and is part of what is timed.
  TRUST_PROXY: 'loopback',
};

/** A distinct address per woman, as her own phone would have. */
const phoneAddress = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

// ---- the control: never do this ----

/**
 * The race the app's guard exists for, written the naive way on purpose: read the counter, decide,
 * write back what was read plus one. Under MariaDB's REPEATABLE READ every transaction that read
 * before the others committed sees the same free seats, so several of them take "the last" one and
 * the counter loses updates. Lives only in the benchmark (and the test that proves the race); the
 * app takes seats with `ActivitiesRepository.takePublicSeat`.
 */
export async function unguardedSignUp(pool: Pool, activityId: string, userId: string, index: number): Promise<'confirmed' | 'waitlisted'> {
  const connection = await pool.getConnection();
  try {
    await connection.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    await connection.query('START TRANSACTION');
    const [rows] = await connection.query<RowDataPacket[]>(
      'SELECT public_taken, capacity, reserved_seats FROM activity WHERE id = ?',
      [activityId],
    );
    const read = rows[0]!;
    const state = read.public_taken < read.capacity - read.reserved_seats ? 'confirmed' : 'waitlisted';
    // Unique six digits per row without a counter (the control is about seats, not codes).
    await connection.query(
      `INSERT INTO activity_signup (id, activity_id, owner_user_id, kind, state, active_key, seq, short_code, created_at)
       VALUES (?, ?, ?, 'self', ?, ?, ?, ?, NOW(6))`,
      [randomUUID(), activityId, userId, state, `self:${userId}`, index + 1, String(index).padStart(6, '0')],
    );
    if (state === 'confirmed') {
      await connection.query('UPDATE activity SET public_taken = ? WHERE id = ?', [read.public_taken + 1, activityId]);
    }
    await connection.query('COMMIT');
    return state;
  } catch (error) {
    await connection.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    connection.release();
  }
}

// ---- setup ----

interface Seeded {
  chairToken: string;
  women: Array<{ id: string; token: string }>;
}

/** Tokens exactly as the server issues them (HS256, `sub` + `typ` + `gen`), signed with the servers' secret. */
function mint(jwt: JwtService, userId: string): string {
  // Generation 0: the people below are inserted fresh, with sessions never ended.
  const claims: AccessTokenClaims = { sub: userId, typ: 'access', gen: 0 };
  return jwt.sign(claims, { expiresIn: 3600, algorithm: 'HS256' });
}

async function prepare(url: string): Promise<Seeded> {
  const ds = createDataSource({ kind: 'mysql', url });
  await ds.initialize();
  try {
    await runMigrations(ds);
    await seedCatalogue(ds);
    await importRegions(ds, { kind: 'city', code: '2112' });
    for (const table of ['activity_signup', 'activity', 'outbox', 'audit_log', 'refresh_token', 'role_assignment', 'app_user']) {
      await ds.query(`DELETE FROM ${table}`);
    }
    const chair = randomUUID();
    await ds.query("INSERT INTO app_user (id, display_name, demo_key) VALUES (?, '主席', 'bench-chair')", [chair]);
    await ds.query('INSERT INTO role_assignment (id, user_id, federation_id, role) VALUES (?, ?, ?, ?)', [randomUUID(), chair, VILLAGE, RoleKind.Chair]);
    const ids = Array.from({ length: WOMEN }, () => randomUUID());
    for (let from = 0; from < WOMEN; from += 500) {
      const batch = ids.slice(from, from + 500).map((id, i) => [id, `居民${from + i}`, VILLAGE]);
      await ds.query(`INSERT INTO app_user (id, display_name, home_federation_id) VALUES ${batch.map(() => '(?, ?, ?)').join(', ')}`, batch.flat());
    }
    const jwt = new JwtService({ secret: JWT_SECRET });
    return { chairToken: mint(jwt, chair), women: ids.map((id) => ({ id, token: mint(jwt, id) })) };
  } finally {
    await ds.destroy();
  }
}

async function api<T>(port: number, method: string, path: string, token: string, body: unknown): Promise<T> {
  const reply = await fetch(`http://127.0.0.1:${port}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (!reply.ok) throw new Error(`${method} ${path} answered ${reply.status}: ${await reply.text()}`);
  return (await reply.json()) as T;
}

/** The chair creates and publishes an activity whose sign-up is open now. */
async function publishActivity(chairToken: string, title: string): Promise<string> {
  const hour = 3600_000;
  const now = Date.now();
  const input: ActivityInput = {
    title,
    description: '社区卫生服务中心医生现场筛查，名额有限，先到先得',
    category: ActivityCategory.Screening,
    address: '懿路村村委会二楼',
    latitude: 42.1,
    longitude: 123.7,
    startsAt: new Date(now + 72 * hour).toISOString(),
    endsAt: new Date(now + 75 * hour).toISOString(),
    signupOpensAt: new Date(now - hour).toISOString(),
    signupClosesAt: new Date(now + 48 * hour).toISOString(),
    capacity: SEATS,
  };
  const created = await api<ActivityDetail>(PORTS[0]!, 'POST', pathOf(ApiPaths.federationActivities, { id: VILLAGE }), chairToken, input);
  await api<ActivityDetail>(PORTS[0]!, 'POST', pathOf(ApiPaths.activityPublish, { id: created.id }), chairToken, {});
  return created.id;
}

// ---- the burst ----

interface BurstResult {
  confirmed: number;
  waitlisted: number;
  errors: number;
  drainMs: number;
  statuses: Record<string, number>;
  perInstanceMs: number[];
}

/**
 * One keep-alive socket per woman, opened before the burst, so that what is timed is the servers
 * draining 2,000 sign-ups and not 2,000 TCP handshakes against a listen backlog of 511 (in production
 * a proxy holds warm connections to the instances).
 */
function agents(): Agent[] {
  return PORTS.map(() => new Agent({ keepAlive: true, maxSockets: WOMEN / PORTS.length, maxFreeSockets: WOMEN / PORTS.length }));
}

function send(agent: Agent, port: number, method: string, path: string, token: string | null, body: string | null, clientIp: string | null = null): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (clientIp) headers['x-forwarded-for'] = clientIp;
    const payload = body === null ? null : Buffer.from(body);
    if (payload) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = payload.length;
    }
    const request = httpRequest({ agent, host: '127.0.0.1', port, method, path, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(payload ?? undefined);
  });
}

/**
 * Opens the sockets, then fills each server's database pool (readiness checks query MariaDB): a pool
 * opening its connections in the middle of the burst has them time out (connect ETIMEDOUT after 5 s,
 * answered 503) while the event loop is saturated, which a server that has been serving is past.
 */
async function warm(pool: Agent[]): Promise<void> {
  const perInstance = WOMEN / PORTS.length;
  await Promise.all(
    PORTS.flatMap((port, i) => Array.from({ length: perInstance }, () => send(pool[i]!, port, 'GET', HealthPaths.live, null, null))),
  );
  await Promise.all(
    PORTS.flatMap((port, i) => Array.from({ length: POOL_SIZE * 5 }, () => send(pool[i]!, port, 'GET', HealthPaths.ready, null, null))),
  );
  const open = pool.map((agent) => Object.values(agent.freeSockets).reduce((n, list) => n + (list?.length ?? 0), 0));
  console.log(`warm keep-alive sockets per instance: ${open.join(', ')}`);
}

async function burst(pool: Agent[], activityId: string, women: Seeded['women']): Promise<BurstResult> {
  const path = pathOf(ApiPaths.activitySignups, { id: activityId });
  const result: BurstResult = { confirmed: 0, waitlisted: 0, errors: 0, drainMs: 0, statuses: {}, perInstanceMs: PORTS.map(() => 0) };
  const started = process.hrtime.bigint();
  await Promise.all(
    women.map(async (woman, i) => {
      const instance = i % PORTS.length;
      try {
        const reply = await send(pool[instance]!, PORTS[instance]!, 'POST', path, woman.token, '{}', phoneAddress(i));
        result.statuses[reply.status] = (result.statuses[reply.status] ?? 0) + 1;
        if (reply.status < 200 || reply.status > 299) {
          if (result.errors++ < 3) console.error(`sign-up answered ${reply.status}: ${reply.text.slice(0, 300)}`);
          return;
        }
        const view = JSON.parse(reply.text) as SignupView;
        if (view.state === 'confirmed') result.confirmed++;
        else if (view.state === 'waitlisted') result.waitlisted++;
      } catch (error) {
        if (result.errors++ < 3) console.error(`sign-up failed: ${(error as Error).message}`);
        result.statuses.network = (result.statuses.network ?? 0) + 1;
      } finally {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        result.perInstanceMs[instance] = Math.max(result.perInstanceMs[instance]!, ms);
      }
    }),
  );
  result.drainMs = Number(process.hrtime.bigint() - started) / 1e6;
  return result;
}

/** The same burst through `unguardedSignUp`, one pool per "instance" as large as a server's. */
async function controlBurst(url: string, activityId: string, women: Seeded['women']): Promise<void> {
  const uri = url.replace(/^mariadb:/, 'mysql:');
  const pools = PORTS.map(() => createPool({ uri, connectionLimit: POOL_SIZE, timezone: 'Z' }));
  try {
    const outcomes = await Promise.allSettled(women.map((woman, i) => unguardedSignUp(pools[i % pools.length]!, activityId, woman.id, i)));
    const failed = outcomes.filter((o) => o.status === 'rejected');
    if (failed.length > 0) console.error(`control: ${failed.length} transactions failed, e.g. ${(failed[0] as PromiseRejectedResult).reason}`);
  } finally {
    await Promise.all(pools.map((p) => p.end()));
  }
}

interface Counted {
  /** Whether the seats are numbered 1..n, each once, and every woman waiting holds a ticket of her own. */
  seqsInOrder: boolean;
  confirmedRows: number;
  waitlistedRows: number;
  publicTaken: number;
}

async function countRows(url: string, activityId: string): Promise<Counted> {
  const ds = createDataSource({ kind: 'mysql', url });
  await ds.initialize();
  try {
    const rows = await ds.query(
      `SELECT state, COUNT(*) AS n, COUNT(DISTINCT seq) AS seqs, MIN(seq) AS first, MAX(seq) AS last
         FROM activity_signup WHERE activity_id = ? GROUP BY state`,
      [activityId],
    );
    const [activity] = await ds.query('SELECT public_taken FROM activity WHERE id = ?', [activityId]);
    const of = (state: string) => rows.find((r: { state: string }) => r.state === state) ?? { n: 0, seqs: 0, first: 1, last: 0 };
    const seats = of('confirmed');
    const waiting = of('waitlisted');
    return {
      seqsInOrder:
        Number(seats.seqs) === Number(seats.n) && Number(seats.first) === 1 && Number(seats.last) === Number(seats.n) && Number(waiting.seqs) === Number(waiting.n),
      confirmedRows: Number(seats.n),
      waitlistedRows: Number(waiting.n),
      publicTaken: Number(activity.public_taken),
    };
  } finally {
    await ds.destroy();
  }
}

/** CPU time a process has used so far (user + system, in Linux's 100 ticks a second), from /proc. */
function cpuMs(pid: number | undefined): number {
  if (!pid || !existsSync(`/proc/${pid}/stat`)) return Number.NaN;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

function startServer(port: number, url: string): ChildProcess {
  return spawn(process.execPath, [join(__dirname, '..', 'src', 'main.js')], {
    env: { ...process.env, ...ENV, PORT: String(port), DATABASE_URL: url },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

async function main(): Promise<void> {
  const url = await benchDatabase(ADMIN_URL, DB_NAME);
  const seeded = await prepare(url);
  // One after the other: both would otherwise run the (already applied) migrations at the same moment.
  const servers: ChildProcess[] = [];
  const stop = () => servers.forEach((server) => server.kill());
  // Ctrl-C must not leave two servers holding the ports.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => (stop(), process.exit(130)));
  try {
    for (const port of PORTS) {
      servers.push(startServer(port, url));
      await waitFor(`http://127.0.0.1:${port}${HealthPaths.ready}`, 120_000);
    }
    const activityId = await publishActivity(seeded.chairToken, '免费两癌筛查');
    const pool = agents();
    await warm(pool);
    const cpuBefore = [...servers.map((server) => cpuMs(server.pid)), cpuMs(process.pid)];
    const run = await burst(pool, activityId, seeded.women);
    const cpuUsed = [...servers.map((server) => cpuMs(server.pid)), cpuMs(process.pid)].map((ms, i) => Math.round(ms - cpuBefore[i]!));
    console.log(`CPU during the burst: servers ${cpuUsed.slice(0, -1).join(' + ')} ms, load generator ${cpuUsed.at(-1)} ms`);
    pool.forEach((agent) => agent.destroy());
    const counted = await countRows(url, activityId);
    console.log(
      `burst: drained in ${run.drainMs.toFixed(0)} ms (last answer per instance: ${run.perInstanceMs.map((ms) => ms.toFixed(0)).join(', ')} ms); ` +
        `statuses ${JSON.stringify(run.statuses)}; answers ${run.confirmed} confirmed / ${run.waitlisted} waitlisted; ` +
        `rows ${counted.confirmedRows} / ${counted.waitlistedRows}; counter public_taken ${counted.publicTaken}`,
    );
    const agrees =
      counted.seqsInOrder &&
      counted.confirmedRows === run.confirmed &&
      counted.waitlistedRows === run.waitlisted &&
      counted.publicTaken === counted.confirmedRows;
    if (!agrees) {
      console.error('the answers, the rows, the counter or the numbers disagree');
      process.exitCode = 1;
    }

    const controlId = await publishActivity(seeded.chairToken, '免费两癌筛查（对照）');
    await controlBurst(url, controlId, seeded.women);
    const control = await countRows(url, controlId);
    console.log(`control (read-then-write, no guard): ${control.confirmedRows} confirmed rows for ${SEATS} seats; public_taken says ${control.publicTaken}`);

    writeResult('signup', {
      instances: PORTS.length,
      concurrent: WOMEN,
      seats: SEATS,
      confirmed: counted.confirmedRows,
      waitlisted: counted.waitlistedRows,
      errors: run.errors,
      drain_ms: Math.round(run.drainMs),
      control_confirmed: control.confirmedRows,
    });
    if (counted.confirmedRows !== SEATS || run.errors > 0) process.exitCode = 1;
  } finally {
    stop();
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
