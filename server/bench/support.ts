import { createConnection } from 'mysql2/promise';
import { mkdirSync, writeFileSync } from 'node:fs';
import { arch, cpus, platform, totalmem } from 'node:os';
import { join } from 'node:path';
import { describeTargets } from './targets';

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

/** The results folder in the source tree (benches run from dist/bench). */
export const RESULTS_DIR = join(__dirname, '..', '..', 'bench', 'results');

/** What a figure was measured on: the same benchmark differs by a factor on another machine. */
export function machineDescription(): string {
  const cores = cpus();
  return `${cores.length} × ${cores[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${platform()} ${arch()}, node ${process.version}`;
}

/**
 * Writes bench/results/<name>.json (the figures docs/benchmarks.md reports) with the machine, the
 * time and the targets from bench/targets.ts, and prints it.
 */
export function writeResult(name: string, figures: Record<string, unknown>): void {
  const result = {
    benchmark: name,
    machine: machineDescription(),
    measured_at: new Date().toISOString(),
    ...figures,
    targets: describeTargets(name, figures),
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
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
    PHONE_DIGEST_KEY: Buffer.alloc(32, 6).toString('base64'),
    SEED_DEMO: 'false',
    DEV_SIGN_IN: 'true',
    LOG_LEVEL: 'warn',
    // Benchmarks sign in and submit from one address as fast as they can: they measure the app, not the limiter.
    RATE_LIMITS: 'off',
  };
}
