import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { connect } from 'node:net';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';

/**
 * Throwaway Redis and MariaDB servers of a test's own, to stop, kill and restart mid-run. The
 * machine's shared services (6379, 3306) are never touched: other tests run on them. Each server is
 * a child process of the test (no daemon), its files in a temporary folder; both go when the test
 * closes it, or when the test process exits whatever happened.
 */

const children = new Set<ChildProcess>();
const folders = new Set<string>();
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function temporaryFolder(name: string): string {
  const folder = mkdtempSync(join(tmpdir(), `wfh-${name}-`));
  folders.add(folder);
  return folder;
}

function removeFolder(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
  folders.delete(folder);
}

function launch(command: string, args: string[]): ChildProcess {
  const child = spawn(command, args, { stdio: 'ignore' });
  children.add(child);
  child.once('exit', () => children.delete(child));
  child.once('error', () => children.delete(child));
  return child;
}

async function kill(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

/** Polls `probe` until it succeeds; fails with what the server said if it exits or takes too long. */
async function waitUntil(what: string, child: ChildProcess, probe: () => Promise<unknown>, logFile?: string, withinMs = 20_000): Promise<void> {
  const started = Date.now();
  let lastError: unknown = null;
  while (Date.now() - started < withinMs) {
    if (child.exitCode !== null || child.signalCode !== null) break;
    try {
      await probe();
      return;
    } catch (error) {
      lastError = error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  let log = '';
  try {
    if (logFile) log = readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n');
  } catch {
    // No log written yet.
  }
  throw new Error(`${what} did not come up (${(lastError as Error | null)?.message ?? 'exited'})${log ? `:\n${log}` : ''}`);
}

/** Refuses a port something else listens on: the test would stop and start the wrong server. */
async function ensurePortFree(port: number, envName: string): Promise<void> {
  const inUse = await new Promise<boolean>((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
  if (inUse) throw new Error(`port ${port} is already in use on 127.0.0.1; free it or choose another with ${envName}`);
}

function portFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** PING over a bare socket: an ioredis client would leave a timer behind on disconnect. */
function redisPing(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.setTimeout(500, () => socket.destroy(new Error('no answer to PING')));
    socket.once('error', reject);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      if (data.toString().startsWith('+PONG')) resolve();
      else reject(new Error(`Redis answered ${data.toString().trim()}`));
    });
  });
}

export interface PrivateRedis {
  url: string;
  port: number;
  /** Gone at once, as in a crash: every connection to it drops. */
  stop(): Promise<void>;
  /** Starts again on the same port, empty (no persistence, as the machine's Redis). */
  start(): Promise<void>;
  close(): Promise<void>;
}

/** A Redis of the test's own on 127.0.0.1 (port 6391, or TEST_FAULT_REDIS_PORT). */
export async function startPrivateRedis(port = portFromEnv('TEST_FAULT_REDIS_PORT', 6391)): Promise<PrivateRedis> {
  let child: ChildProcess | null = null;
  const url = `redis://127.0.0.1:${port}`;
  const start = async () => {
    if (child && child.exitCode === null && child.signalCode === null) return;
    await ensurePortFree(port, 'TEST_FAULT_REDIS_PORT');
    const started = launch('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no']);
    child = started;
    await waitUntil(`Redis on port ${port}`, started, () => redisPing(port));
  };
  await start();
  return {
    url,
    port,
    stop: () => kill(child),
    start,
    close: () => kill(child),
  };
}

export interface PrivateMariaDb {
  port: number;
  /** A URL for the app: root (no password) on this server, to the given database. */
  url(database: string): string;
  createDatabase(name: string): Promise<void>;
  /** kill -9: connections drop mid-query; committed transactions survive (flushed at commit). */
  kill(): Promise<void>;
  /** Starts again on the same files and port, after crash recovery. */
  start(): Promise<void>;
  close(): Promise<void>;
  /** How long the first install and start took, for the report. */
  timings: { installMs: number; startMs: number };
}

/** A MariaDB of the test's own on 127.0.0.1 (port 3391, or TEST_FAULT_DB_PORT), in a temporary data folder. */
export async function startPrivateMariaDb(port = portFromEnv('TEST_FAULT_DB_PORT', 3391)): Promise<PrivateMariaDb> {
  const folder = temporaryFolder('mariadb');
  const datadir = join(folder, 'data');
  const logFile = join(folder, 'error.log');
  const user = userInfo().username;
  // Small files: a test database needs neither the default 96 MB redo log nor a 128 MB buffer pool.
  const sizing = ['--innodb-log-file-size=8M', '--innodb-buffer-pool-size=32M'];
  const installStarted = Date.now();
  await new Promise<void>((resolve, reject) => {
    const install = launch('mariadb-install-db', [
      '--no-defaults',
      `--datadir=${datadir}`,
      `--user=${user}`,
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
      '--skip-name-resolve',
      ...sizing,
    ]);
    install.once('error', reject);
    install.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`mariadb-install-db exited with ${code}`))));
  }).catch((error) => {
    removeFolder(folder);
    throw error;
  });
  const installMs = Date.now() - installStarted;

  const adminUri = `mysql://root@127.0.0.1:${port}/mysql`;
  let child: ChildProcess | null = null;
  const start = async () => {
    if (child && child.exitCode === null && child.signalCode === null) return;
    await ensurePortFree(port, 'TEST_FAULT_DB_PORT');
    const started = launch(
      '/usr/sbin/mariadbd',
      [
        '--no-defaults',
        `--datadir=${datadir}`,
        `--port=${port}`,
        '--bind-address=127.0.0.1',
        `--socket=${join(folder, 'mariadb.sock')}`,
        `--pid-file=${join(folder, 'mariadb.pid')}`,
        `--log-error=${logFile}`,
        `--user=${user}`,
        '--skip-name-resolve',
        '--skip-log-bin',
        // Durable at commit, as in production: what the app confirmed survives kill -9.
        '--innodb-flush-log-at-trx-commit=1',
        ...sizing,
      ],
    );
    child = started;
    await waitUntil(`MariaDB on port ${port}`, started, async () => {
      const connection = await createConnection({ uri: adminUri, connectTimeout: 1000 });
      await connection.end();
    }, logFile);
  };
  const startStarted = Date.now();
  try {
    await start();
  } catch (error) {
    await kill(child);
    removeFolder(folder);
    throw error;
  }
  const startMs = Date.now() - startStarted;

  return {
    port,
    url: (database) => `mariadb://root@127.0.0.1:${port}/${database}`,
    createDatabase: async (name) => {
      const connection = await createConnection({ uri: adminUri });
      try {
        await connection.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      } finally {
        await connection.end();
      }
    },
    kill: () => kill(child),
    start,
    close: async () => {
      await kill(child);
      removeFolder(folder);
    },
    timings: { installMs, startMs },
  };
}
