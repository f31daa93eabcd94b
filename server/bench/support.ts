import { createConnection } from 'mysql2/promise';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Polls a URL until it answers 2xx: for servers a benchmark starts as child processes. */
export async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/** Writes bench/results/<name>.json (the figures docs/benchmarks.md reports) and prints it. */
export function writeResult(name: string, result: object): void {
  const folder = join(__dirname, '..', '..', 'bench', 'results');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
}

/** Makes the benchmark's own database if missing; returns its URL in the MariaDB dialect. */
export async function benchDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = await createConnection({ uri: adminUrl });
  await admin.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const url = new URL(adminUrl);
  url.protocol = 'mariadb:';
  url.pathname = `/${name}`;
  return url.toString();
}

/** The environment of a bench server in development mode (dev sign-in on) on its own Redis prefix. */
export function devServerEnv(name: string, port: number, redisUrl: string): Record<string, string> {
  return {
    NODE_ENV: 'development',
    PORT: String(port),
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: `wfh-bench-${name}:`,
    JWT_SECRET: 'bench-jwt-secret-bench-jwt-secret-bench',
    DATA_ENCRYPTION_KEY: Buffer.alloc(32, 5).toString('base64'),
    SEED_DEMO: 'false',
    DEV_SIGN_IN: 'true',
    LOG_LEVEL: 'warn',
  };
}
