import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { HealthPaths } from '@wfh/shared';
import { TEST_DATA_KEY, TEST_JWT_SECRET, TEST_PHONE_DIGEST_KEY, TEST_WECHAT } from './test-app';
import { TEST_DATABASE_URL, TEST_REDIS_PREFIX, TEST_REDIS_URL } from './services';
import { TEST_TEMPLATES } from './subscriptions';

/**
 * Real server processes (`node dist/src/main.js`), as production runs them: what these tests prove
 * about crashes and several instances holds for the built server, not for an app inside Jest.
 */
const SERVER_ROOT = join(__dirname, '..', '..');
/** TEST_SERVER_DIST: another build of the server (tsc --outDir inside server/), e.g. while someone rebuilds dist/. */
const DIST = process.env.TEST_SERVER_DIST ?? join(SERVER_ROOT, 'dist');
const MAIN = join(DIST, 'src', 'main.js');
const SHARED_ROOT = join(SERVER_ROOT, '..', 'shared');
const READY_WITHIN_MS = 30_000;
const OUTPUT_KEPT_CHARS = 200_000;

export interface ServerProcess {
  name: string;
  pid: number;
  port: number;
  baseUrl: string;
  /** What the process wrote to stdout and stderr so far (JSON log lines). */
  output(): string;
  /** Resolves when the process has exited, however. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** kill -9: no shutdown hooks, no goodbye; resolves once it is gone. */
  kill(): Promise<void>;
  /** SIGTERM, then SIGKILL if it is still there after a few seconds. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
// However the test run ends, no server outlives it.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

function newest(dir: string, suffix: string): { path: string; mtimeMs: number } {
  let found = { path: dir, mtimeMs: 0 };
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const candidate = entry.isDirectory() ? newest(path, suffix) : entry.name.endsWith(suffix) ? { path, mtimeMs: statSync(path).mtimeMs } : null;
    if (candidate && candidate.mtimeMs > found.mtimeMs) found = candidate;
  }
  return found;
}

/** Fails with what to run when the build is missing or older than the sources it was built from. */
export function assertBuildIsCurrent(): void {
  const build = 'cd server && npx tsc -p tsconfig.build.json (or pnpm build at the root)';
  if (!existsSync(MAIN)) throw new Error(`These tests run the built server, and ${MAIN} is missing. Build it first: ${build}`);
  const sharedMain = join(SHARED_ROOT, 'dist', 'index.js');
  if (!existsSync(sharedMain) || statSync(sharedMain).mtimeMs < newest(join(SHARED_ROOT, 'src'), '.ts').mtimeMs) {
    throw new Error(`shared/dist is missing or older than shared/src. Build it first: pnpm --filter @wfh/shared build, then ${build}`);
  }
  const built = statSync(MAIN).mtimeMs;
  const source = newest(join(SERVER_ROOT, 'src'), '.ts');
  if (built < source.mtimeMs || built < statSync(sharedMain).mtimeMs) {
    const changed = built < source.mtimeMs ? source.path : sharedMain;
    throw new Error(`${MAIN} is older than ${changed}: these tests would run old code. Rebuild: ${build}`);
  }
}

/** A port nobody listens on right now; the server is told it, so the test knows where to call. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface ServerProcessOptions {
  /** The fake WeChat's address (test/support/fake-wechat.ts), which the server calls for sign-in and messages. */
  wechatUrl: string;
  /** More or other environment variables. */
  env?: Record<string, string>;
}

/** Starts one server process and resolves once `/health/ready` answers 200. */
export async function startServerProcess(name: string, options: ServerProcessOptions): Promise<ServerProcess> {
  assertBuildIsCurrent();
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    TZ: 'Asia/Shanghai',
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: TEST_DATABASE_URL,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: TEST_REDIS_PREFIX,
    JWT_SECRET: TEST_JWT_SECRET,
    DATA_ENCRYPTION_KEY: TEST_DATA_KEY,
    PHONE_DIGEST_KEY: TEST_PHONE_DIGEST_KEY,
    WECHAT_APPID: TEST_WECHAT.appId,
    WECHAT_SECRET: TEST_WECHAT.secret,
    WECHAT_API_BASE: options.wechatUrl,
    ...TEST_TEMPLATES,
    DEV_SIGN_IN: 'true',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    H5_DIR: '/nonexistent',
    // The test stands where the load balancer would: the address it forwards is the phone's.
    TRUST_PROXY: '127.0.0.1',
    ...options.env,
  };
  const child = spawn(process.execPath, [MAIN], { cwd: SERVER_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_KEPT_CHARS);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    });
  });
  let gone: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  void exited.then((how) => (gone = how));

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + READY_WITHIN_MS;
  for (;;) {
    if (gone) throw new Error(`server ${name} exited (${JSON.stringify(gone)}) before it was ready:\n${output}`);
    const ready = await fetch(`${baseUrl}${HealthPaths.ready}`, { signal: AbortSignal.timeout(2000) }).then((r) => r.status === 200, () => false);
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server ${name} was not ready within ${READY_WITHIN_MS} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  const kill = async () => {
    if (!gone) child.kill('SIGKILL');
    await exited;
  };
  return {
    name,
    pid: child.pid!,
    port,
    baseUrl,
    output: () => output,
    exited,
    kill,
    stop: async () => {
      if (gone) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * One of the built commands (`dist/src/cli/<name>.js`, what `pnpm <name>` runs in server/), as an
 * operator runs it beside the servers: its own process, only the environment given. Resolves with
 * its exit code and everything it printed.
 */
export async function runBuiltCli(name: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  assertBuildIsCurrent();
  const child = spawn(process.execPath, [join(DIST, 'src', 'cli', `${name}.js`), ...args], {
    cwd: SERVER_ROOT,
    env: { PATH: process.env.PATH, TZ: 'Asia/Shanghai', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    // 'close', not 'exit': by then everything it printed has been read.
    child.once('close', (exitCode) => resolve(exitCode));
  }).finally(() => running.delete(child));
  return { code, output };
}

/** Stops every server process this test file started (afterAll). */
export async function stopAllServerProcesses(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
}

/** Log lines of a process at warn or above, parsed, for assertions and failure messages. */
export function warnings(server: ServerProcess): Array<{ level: number; msg: string; [key: string]: unknown }> {
  return server
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => {
      try {
        return JSON.parse(line);
      } catch {
        return null;
      }
    })
    .filter((entry) => entry && entry.level >= 40);
}

/** Polls `probe` until it gives something truthy, and fails naming `what` after `withinMs`. */
export async function waitUntil<T>(what: string, withinMs: number, probe: () => Promise<T | null | undefined | false>, everyMs = 100): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
