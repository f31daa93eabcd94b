import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { ApiPaths, IDEMPOTENCY_HEADER, RoleKind, ServiceCategoryKey } from '@wfh/shared';
import { createDataSource } from '../src/database/data-source';
import { runMigrations } from '../src/database/migrate';
import { seedCatalogue } from '../src/database/seed/catalogue';
import { importRegions } from '../src/database/regions/region-importer';
import { createApp } from '../src/bootstrap';
import { loadConfig } from '../src/config/config';
import { createLogger } from '../src/infra/logging/logger';
import { RequestsService } from '../src/modules/requests/requests.service';
import { benchDatabase, devServerEnv, waitFor, writeResult } from './support';

/**
 * `pnpm bench:requests` on MariaDB: POST /requests (routing + transaction + outbox) under autocannon
 * with 50 connections against the real server in a child process; one sweep with 2,000,000 open
 * requests in the table; and the lag between a deadline and its escalation by the running sweeper.
 * Writes bench/results/requests.json.
 */
const ADMIN_URL = process.env.BENCH_DB_ADMIN_URL ?? 'mysql://root@127.0.0.1:3306/mysql';
const DB_NAME = process.env.BENCH_DB_NAME ?? 'wfh_bench_requests';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/13';
const PORT = 3984;
const WOMEN = 500;
const OPEN_ROWS = 2_000_000;
const CONNECTIONS = 50;
const POST_SECONDS = 10;
const VILLAGE = '211221101200';
const TOWNSHIP = '211221101';

const ENV = devServerEnv('requests', PORT, REDIS_URL);

async function prepare(url: string): Promise<void> {
  const ds = createDataSource({ kind: 'mysql', url });
  await ds.initialize();
  try {
    await runMigrations(ds);
    await seedCatalogue(ds);
    await importRegions(ds, { kind: 'city', code: '2112' });
    for (const table of ['service_request', 'request_event', 'outbox', 'role_assignment', 'app_user']) await ds.query(`TRUNCATE TABLE ${table}`);
    const chair = randomUUID();
    const staff = randomUUID();
    await ds.query("INSERT INTO app_user (id, display_name, demo_key) VALUES (?, '主席', 'bench-chair'), (?, '镇干部', 'bench-staff')", [chair, staff]);
    await ds.query('INSERT INTO role_assignment (id, user_id, federation_id, role) VALUES (?, ?, ?, ?), (?, ?, ?, ?)', [
      randomUUID(), chair, VILLAGE, RoleKind.Chair, randomUUID(), staff, TOWNSHIP, RoleKind.Staff,
    ]);
    const women = Array.from({ length: WOMEN }, (_, i) => [randomUUID(), `居民${i}`, VILLAGE, `bench-woman-${i}`]);
    await ds.query('INSERT INTO app_user (id, display_name, home_federation_id, demo_key) VALUES ?'.replace('?', women.map(() => '(?, ?, ?, ?)').join(', ')), women.flat());
  } finally {
    await ds.destroy();
  }
}

async function tokens(): Promise<string[]> {
  const result: string[] = [];
  for (let i = 0; i < WOMEN; i++) {
    const reply = await fetch(`http://127.0.0.1:${PORT}${ApiPaths.authDev}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ personKey: `bench-woman-${i}` }),
    });
    result.push(((await reply.json()) as { accessToken: string }).accessToken);
  }
  return result;
}

const BODY = JSON.stringify({
  categoryKey: ServiceCategoryKey.Hardship,
  description: '家里老人生病，生活有困难，想申请帮扶',
  answers: { difficulty: '看病困难' },
  contact: { method: 'phone', phone: '13800000000' },
  federationId: VILLAGE,
});

/**
 * 50 keep-alive connections posting as fast as the server answers, for 10 s. autocannon builds each
 * connection's request once, but every POST here needs its own Idempotency-Key (a retry must not count
 * as a new request) and rotates through the women, so this loop uses node:http directly.
 */
async function loadPosts(accessTokens: string[]) {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const until = Date.now() + POST_SECONDS * 1000;
  const post = () =>
    new Promise<number>((resolve, reject) => {
      const body = Buffer.from(BODY);
      const started = process.hrtime.bigint();
      const request = httpRequest(
        {
          agent,
          host: '127.0.0.1',
          port: PORT,
          method: 'POST',
          path: ApiPaths.requests,
          headers: {
            'content-type': 'application/json',
            'content-length': body.length,
            authorization: `Bearer ${accessTokens[next++ % accessTokens.length]}`,
            [IDEMPOTENCY_HEADER]: randomUUID(),
          },
        },
        (response) => {
          response.resume();
          response.on('end', () => (response.statusCode === 201 ? resolve(Number(process.hrtime.bigint() - started) / 1e6) : reject(new Error(String(response.statusCode)))));
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < until) {
        try {
          latencies.push(await post());
        } catch {
          failures++;
        }
      }
    }),
  );
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    rps: Math.round(latencies.length / POST_SECONDS),
    p99_ms: Number(latencies[Math.floor(latencies.length * 0.99)].toFixed(1)),
    non2xx: failures,
  };
}

/** Fills the table to two million open requests, none due yet, with SQL alone (MariaDB's sequence engine). */
async function fill(url: string): Promise<number> {
  const ds = createDataSource({ kind: 'mysql', url });
  await ds.initialize();
  try {
    const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM service_request');
    const missing = OPEN_ROWS - Number(n);
    if (missing > 0) {
      const [{ woman }] = await ds.query("SELECT id AS woman FROM app_user WHERE demo_key = 'bench-woman-0'");
      await ds.query(
        `INSERT INTO service_request (id, woman_user_id, category_key, home_federation_id, federation_id, involved_federation_ids, state,
            description_enc, answers_enc, contact_enc, routing_reason, first_response_due_at, resolution_due_at, next_due_at, version)
         SELECT UUID(), ?, 'hardship', ?, ?, ?, 'submitted', 'x', 'x', 'x', 'bench',
                NOW(6) + INTERVAL 30 DAY, NOW(6) + INTERVAL 60 DAY, NOW(6) + INTERVAL (30 + MOD(seq, 1000)) MINUTE, 1
           FROM seq_1_to_${missing}`,
        [woman, VILLAGE, VILLAGE, VILLAGE],
      );
    }
    const [{ open }] = await ds.query("SELECT COUNT(*) AS open FROM service_request WHERE state = 'submitted'");
    return Number(open);
  } finally {
    await ds.destroy();
  }
}

/** Makes `count` requests due now and waits for the running server's sweeper to escalate them. */
async function escalationLag(url: string, count: number): Promise<number> {
  const ds = createDataSource({ kind: 'mysql', url });
  await ds.initialize();
  try {
    const dueAt = new Date(Date.now() + 2000);
    const ids: Array<{ id: string }> = await ds.query(`SELECT id FROM service_request WHERE state = 'submitted' AND federation_id = ? LIMIT ${count}`, [VILLAGE]);
    await ds.query(`UPDATE service_request SET next_due_at = ?, first_response_due_at = ? WHERE id IN (${ids.map(() => '?').join(', ')})`, [
      dueAt, dueAt, ...ids.map((r) => r.id),
    ]);
    const started = Date.now();
    while (Date.now() - started < 120_000) {
      const [{ left }] = await ds.query(
        `SELECT COUNT(*) AS \`left\` FROM service_request WHERE id IN (${ids.map(() => '?').join(', ')}) AND state = 'submitted'`,
        ids.map((r) => r.id),
      );
      if (Number(left) === 0) return (Date.now() - dueAt.getTime()) / 1000;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('the sweeper did not escalate within 120 s');
  } finally {
    await ds.destroy();
  }
}

async function timeOneSweep(url: string): Promise<number> {
  // In-process, against the same table, with nothing due: what every 30 s tick costs.
  const app = await createApp(loadConfig({ ...ENV, PORT: '0', DATABASE_URL: url }), createLogger('silent'));
  try {
    const service = app.get(RequestsService);
    await service.sweep();
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = process.hrtime.bigint();
      await service.sweep();
      runs.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    return Number(runs.sort((a, b) => a - b)[2].toFixed(2));
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const url = await benchDatabase(ADMIN_URL, DB_NAME);
  await prepare(url);

  const server = spawn(process.execPath, [join(__dirname, '..', 'src', 'main.js')], {
    env: { ...process.env, ...ENV, DATABASE_URL: url },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitFor(`http://127.0.0.1:${PORT}/health/ready`, 120_000);
    const posts = await loadPosts(await tokens());
    const openRows = await fill(url);
    const sweepMs = await timeOneSweep(url);
    const lag = await escalationLag(url, 100);
    const result = {
      rps: posts.rps,
      p99_ms: posts.p99_ms,
      non2xx: posts.non2xx,
      sweep_ms: sweepMs,
      open_rows: openRows,
      escalation_lag_s: Number(lag.toFixed(1)),
    };
    writeResult('requests', result);
  } finally {
    server.kill();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
