import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { loadConfig, type AppConfig } from '../../src/config/config';
import { createApp, type AppOverrides } from '../../src/bootstrap';
import { createLogger } from '../../src/infra/logging/logger';
import { PlacesIndex } from '../../src/modules/places/places-index';
import { HolidayCalendarSync } from '../../src/modules/calendar/holiday-calendar.sync';
import { seedCatalogue } from '../../src/database/seed/catalogue';
import { ensureAuditChainHead } from '../../src/modules/audit/audit-chain';
import { startFakeWechat, type FakeWechat } from './fake-wechat';
import { TEST_DATABASE_URL, TEST_REDIS_PREFIX, TEST_REDIS_URL } from './services';

export const TEST_WECHAT = { appId: 'wx-test-app', secret: 'wx-test-secret' };
export const TEST_JWT_SECRET = 'test-jwt-secret-that-is-long-enough-for-hs256';
export const TEST_DATA_KEY = Buffer.alloc(32, 7).toString('base64');
export const TEST_PHONE_DIGEST_KEY = Buffer.alloc(32, 9).toString('base64');

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  baseUrl: string;
  dataSource: DataSource;
  wechat: FakeWechat;
  /** Empties every table (but the migrations') and this run's Redis keys. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** The real app on the real MariaDB and Redis, listening on a free port, WeChat faked. */
export async function startTestApp(env: Record<string, string> = {}, overrides: AppOverrides = {}): Promise<TestApp> {
  const wechat = await startFakeWechat(TEST_WECHAT);
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: TEST_DATABASE_URL,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: TEST_REDIS_PREFIX,
    JWT_SECRET: TEST_JWT_SECRET,
    DATA_ENCRYPTION_KEY: TEST_DATA_KEY,
    PHONE_DIGEST_KEY: TEST_PHONE_DIGEST_KEY,
    WECHAT_APPID: TEST_WECHAT.appId,
    WECHAT_SECRET: TEST_WECHAT.secret,
    WECHAT_API_BASE: wechat.url,
    DEV_SIGN_IN: 'true',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
    H5_DIR: '/nonexistent',
    // Every suite signs in many times from 127.0.0.1; the limits' own tests pass RATE_LIMITS: 'on'.
    RATE_LIMITS: 'off',
    ...env,
  });
  const app = await createApp(config, createLogger(config.logLevel), overrides);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.getHttpServer().address() as { port: number };
  const dataSource = app.get(DataSource);
  return {
    app,
    config,
    baseUrl: `http://127.0.0.1:${address.port}`,
    dataSource,
    wechat,
    reset: async () => {
      await resetData(dataSource);
      await seedCatalogue(dataSource);
      // The index is a cache of the tables just emptied.
      await app.get(PlacesIndex).rebuild();
      // So is the holiday calendar's memory of entered years.
      await app.get(HolidayCalendarSync).reload();
    },
    close: async () => {
      await app.close();
      await wechat.close();
    },
  };
}

export async function resetData(dataSource: DataSource): Promise<void> {
  const tables = dataSource.entityMetadatas.map((meta) => meta.tableName);
  for (const table of tables) {
    // Triggers refuse DELETE on the audit log (migration 1765400000000); TRUNCATE fires none.
    const mysqlAuditLog = table === 'audit_log' && dataSource.options.type !== 'sqljs';
    await dataSource.query(mysqlAuditLog ? 'TRUNCATE TABLE audit_log' : `DELETE FROM ${table}`);
  }
  // A fresh chain head now: the first appends of a test may race, and must not race to make it.
  await ensureAuditChainHead(dataSource.manager);
  await flushTestRedis();
}

export async function flushTestRedis(): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    const keys = await redis.keys(`${TEST_REDIS_PREFIX}*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}

export interface ApiReply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A tiny HTTP client: what a phone would send, over a real socket. */
export async function call<T = any>(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<ApiReply<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.rawBody !== undefined) {
    body = options.rawBody;
    headers['content-type'] ??= 'application/json';
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON (HTML of Swagger UI): keep the text.
  }
  return { status: response.status, body: parsed as T, headers: response.headers };
}
