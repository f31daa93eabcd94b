import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { plainToInstance } from 'class-transformer';
import type { SubscriptionKind } from '@wfh/shared';
import { DEFAULT_OFFICE_HOURS, parseOfficeHours, type OfficeHours } from '../modules/requests/deadline.policy';
import { parseTemplates, type SubscribeTemplate } from '../modules/notifications/message-templates';
import { parseSmsConfig, type SmsConfig } from '../modules/notifications/sms-config';
import {
  IsBooleanString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

/** 《网络安全法》第二十一条: network logs are kept for no less than six months. */
export const AUDIT_RETENTION_MINIMUM_DAYS = 180;

/**
 * Every setting the server reads, validated once at boot. Anything wrong stops the server with a
 * message naming the variable, before a single request is served.
 */
class EnvironmentVariables {
  @IsOptional() @IsIn(['development', 'production', 'test'])
  NODE_ENV?: string;

  @IsOptional() @IsString()
  HOST?: string;

  /**
   * The proxies (nginx, a load balancer) whose X-Forwarded-For is believed, as a comma list of IP
   * addresses, CIDR ranges or loopback/linklocal/uniquelocal. Unset: none, the client address is
   * the socket's; a client could otherwise name any address it likes and dodge per-address limits.
   */
  @IsOptional() @IsString()
  TRUST_PROXY?: string;

  /** on (default) or off; off is for tests and benchmarks that sign in many times from one address. */
  @IsOptional() @IsIn(['on', 'off'])
  RATE_LIMITS?: string;

  @IsOptional() @IsInt() @Min(0) @Max(65535)
  PORT?: number;

  @IsOptional() @Matches(/^(mysql|mariadb):\/\/.+/, { message: 'must be a mysql:// or mariadb:// URL' })
  DATABASE_URL?: string;

  @IsOptional() @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  @IsOptional() @IsString() @MinLength(1)
  REDIS_KEY_PREFIX?: string;

  @IsOptional() @IsString()
  DATA_DIR?: string;

  @IsOptional() @IsString() @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET?: string;

  @IsOptional() @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'must be 32 bytes, base64-encoded (openssl rand -base64 32)' })
  DATA_ENCRYPTION_KEY?: string;

  /** Its own key, never the data key: a digest that leaks with the data key would give phones back by guessing. */
  @IsOptional() @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'must be 32 bytes, base64-encoded (openssl rand -base64 32)' })
  PHONE_DIGEST_KEY?: string;

  @IsOptional() @IsInt() @Min(60) @Max(86400)
  ACCESS_TOKEN_TTL_SECONDS?: number;

  @IsOptional() @IsInt() @Min(3600) @Max(90 * 86400)
  REFRESH_TOKEN_TTL_SECONDS?: number;

  @IsOptional() @IsString()
  WECHAT_APPID?: string;

  @IsOptional() @IsString()
  WECHAT_SECRET?: string;

  @IsOptional() @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: 'must be an http(s) URL' })
  WECHAT_API_BASE?: string;

  @IsOptional() @IsBooleanString()
  DEV_SIGN_IN?: string;

  @IsOptional() @IsBooleanString()
  SEED_DEMO?: string;

  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  @IsOptional() @IsString()
  H5_DIR?: string;

  @IsOptional() @IsString()
  OFFICE_HOURS?: string;

  @IsOptional() @Matches(/^[A-Za-z0-9_-]{1,16}$/, { message: 'must be 1-16 letters, digits, _ or -' })
  DATA_ENCRYPTION_KEY_ID?: string;

  @IsOptional() @IsInt({ message: 'must be a whole number of days' })
  @Min(AUDIT_RETENTION_MINIMUM_DAYS, { message: `must be at least ${AUDIT_RETENTION_MINIMUM_DAYS}: 《网络安全法》第二十一条 requires network logs to be kept for no less than six months` })
  AUDIT_RETENTION_DAYS?: number;

  @IsOptional() @Matches(/^[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/]{43}=(,[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/]{43}=)*$/, {
    message: 'must be id:key pairs separated by commas, each key 32 bytes base64 (e.g. v1:…=)',
  })
  DATA_ENCRYPTION_PREVIOUS_KEYS?: string;
}

export type DatabaseConfig =
  /** mariadb:// selects TypeORM's MariaDB dialect (same SQL, MariaDB's catalogue quirks). */
  | { kind: 'mysql'; url: string }
  /** `file: null` keeps the embedded database in memory (tests and the OpenAPI generator). */
  | { kind: 'sqljs'; file: string | null };

export interface AppConfig {
  /** embedded: SQLite file and in-process stand-ins; production: MySQL/MariaDB and Redis. */
  mode: 'embedded' | 'production';
  nodeEnv: 'development' | 'production' | 'test';
  /** trustProxy: addresses/ranges of trusted proxies (Fastify's trustProxy); empty trusts none. */
  http: { host: string; port: number; trustProxy: string[] };
  /** Per-person and per-address limits (common/rate-limit); never off in production. */
  rateLimits: { enabled: boolean };
  database: DatabaseConfig;
  redis: { url: string; keyPrefix: string } | null;
  dataDir: string;
  auth: { jwtSecret: string; accessTtlSeconds: number; refreshTtlSeconds: number };
  /** AES-256-GCM key for sensitive fields at rest, and the id stored with every value it encrypts. */
  dataKey: Buffer;
  dataKeyId: string;
  /** Keys that only decrypt, by id: kept during a rotation until every value is rewritten. */
  previousDataKeys: Record<string, Buffer>;
  /** HMAC-SHA256 key of the phone digest that finds a listed person by the phone she signs in with. */
  phoneDigestKey: Buffer;
  /** Working hours that deadlines count, Asia/Shanghai. */
  officeHours: OfficeHours;
  /** Audit rows older than this are deleted by the retention job (at least 180 days, default 365). */
  auditRetentionDays: number;
  /**
   * templates: the subscribe-message template of each kind of message, from WECHAT_TEMPLATE_<KIND>.
   * With none (development), messages go to the log; a kind left out fails its messages visibly.
   */
  wechat: { appId: string; secret: string; apiBase: string; templates: Partial<Record<SubscriptionKind, SubscribeTemplate>> };
  /** Text messages through Tencent Cloud SMS (SMS_*); null when not configured: those messages then fail with NO_CHANNEL. */
  sms: SmsConfig | null;
  devSignIn: boolean;
  seedDemo: boolean;
  logLevel: string;
  /** Folder of the mini-program's H5 build served at `/`, or null when there is none. */
  h5Dir: string | null;
}

export class ConfigError extends Error {}

/** The server package folder, whether running from src/ (tests) or dist/src/ (built). */
const SERVER_ROOT = (() => {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
})();

function resolveFromServerRoot(path: string): string {
  return isAbsolute(path) ? path : resolve(SERVER_ROOT, path);
}

interface EmbeddedSecrets {
  jwtSecret: string;
  dataKey: string;
  phoneDigestKey: string;
}

/**
 * In embedded mode secrets are made once and kept in the data folder, never in the repo. A file
 * from before a secret existed gets that one added, the others kept: replacing the data key would
 * make every encrypted value unreadable.
 */
function embeddedSecrets(dataDir: string): EmbeddedSecrets {
  const file = join(dataDir, 'secrets.json');
  const kept: Partial<EmbeddedSecrets> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const secrets: EmbeddedSecrets = {
    jwtSecret: kept.jwtSecret ?? randomBytes(48).toString('base64'),
    dataKey: kept.dataKey ?? randomBytes(32).toString('base64'),
    phoneDigestKey: kept.phoneDigestKey ?? randomBytes(32).toString('base64'),
  };
  if (kept.jwtSecret && kept.dataKey && kept.phoneDigestKey) return secrets;
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify({ ...kept, ...secrets }, null, 2), { mode: 0o600 });
  chmodSync(file, 0o600);
  return secrets;
}

const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry) || isIP(entry)) return true;
  const [address, bits, extra] = entry.split('/');
  if (extra !== undefined || !bits || !/^\d{1,3}$/.test(bits)) return false;
  const family = isIP(address!);
  return family !== 0 && Number(bits) <= (family === 4 ? 32 : 128);
}

/** TRUST_PROXY as Fastify's trustProxy list. A hop count or "true" would let a client name its own address. */
export function parseTrustProxy(value: string | undefined): string[] {
  if (!value) return [];
  if (/^\d+$/.test(value.trim())) {
    throw new Error("a hop count cannot tell a proxy from a client (Fastify 5 ignores it): list the proxies' addresses, e.g. 10.0.0.0/8");
  }
  if (value.trim() === 'true') throw new Error("true would believe any client about its address: list the proxies' addresses, e.g. loopback");
  const entries = value.split(',').map((entry) => entry.trim()).filter(Boolean);
  const wrong = entries.filter((entry) => !isAddressOrRange(entry));
  if (wrong.length > 0) throw new Error(`${wrong.join(', ')}: not an IP address, a CIDR range or loopback/linklocal/uniquelocal`);
  return entries;
}

function flag(value: string | undefined, fallback: boolean): boolean {
  return value === undefined ? fallback : value === 'true';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const vars = plainToInstance(EnvironmentVariables, raw, { enableImplicitConversion: true });
  const errors = validateSync(vars, { skipMissingProperties: false, forbidUnknownValues: false });
  const problems = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);

  const nodeEnv = (vars.NODE_ENV ?? 'development') as AppConfig['nodeEnv'];
  const production = nodeEnv === 'production';
  if (Boolean(vars.DATABASE_URL) !== Boolean(vars.REDIS_URL)) {
    problems.push('DATABASE_URL and REDIS_URL: set both (MySQL + Redis) or neither (embedded mode)');
  }
  if (production) {
    for (const name of ['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'DATA_ENCRYPTION_KEY', 'PHONE_DIGEST_KEY', 'WECHAT_APPID', 'WECHAT_SECRET'] as const) {
      if (!vars[name]) problems.push(`${name}: required when NODE_ENV=production`);
    }
    if (vars.DEV_SIGN_IN === 'true') problems.push('DEV_SIGN_IN: must not be true when NODE_ENV=production');
    // Demo people and synthetic sites in a live database would sit beside real women's records and in every export.
    if (vars.SEED_DEMO === 'true') problems.push('SEED_DEMO: must not be true when NODE_ENV=production (it writes demo people and synthetic sites into the live database)');
    if (vars.RATE_LIMITS === 'off') problems.push('RATE_LIMITS: must not be off when NODE_ENV=production (they protect sign-in, requests and sign-up from floods)');
  }
  let trustProxy: string[] = [];
  try {
    trustProxy = parseTrustProxy(vars.TRUST_PROXY);
  } catch (error) {
    problems.push(`TRUST_PROXY: ${(error as Error).message}`);
  }
  const previousKeyIds = (vars.DATA_ENCRYPTION_PREVIOUS_KEYS ?? '').split(',').filter(Boolean).map((pair) => pair.split(':')[0]);
  if (previousKeyIds.includes(vars.DATA_ENCRYPTION_KEY_ID ?? 'v1') || new Set(previousKeyIds).size !== previousKeyIds.length) {
    problems.push('DATA_ENCRYPTION_PREVIOUS_KEYS: each key id once, and not the current DATA_ENCRYPTION_KEY_ID (give the new key a new id)');
  }
  if (vars.PHONE_DIGEST_KEY && vars.PHONE_DIGEST_KEY === vars.DATA_ENCRYPTION_KEY) {
    problems.push('PHONE_DIGEST_KEY: must be its own key, not the DATA_ENCRYPTION_KEY (openssl rand -base64 32)');
  }
  let officeHours = DEFAULT_OFFICE_HOURS;
  try {
    if (vars.OFFICE_HOURS) officeHours = parseOfficeHours(vars.OFFICE_HOURS);
  } catch (error) {
    problems.push(`OFFICE_HOURS: ${(error as Error).message}`);
  }
  const { templates, problems: templateProblems } = parseTemplates(raw);
  problems.push(...templateProblems);
  if (raw.WECHAT_SUBSCRIBE_TEMPLATE_ID) {
    problems.push('WECHAT_SUBSCRIBE_TEMPLATE_ID: no longer read; each kind of message has its own template: WECHAT_TEMPLATE_REQUEST_UPDATE, _NEW_REQUEST, _ESCALATION, _ACTIVITY_REMINDER, _SEAT_FREED (docs/deployment.md)');
  }
  const sms = parseSmsConfig(raw, production);
  problems.push(...sms.problems);
  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }

  const dataDir = resolveFromServerRoot(vars.DATA_DIR ?? 'data');
  const embedded = !vars.DATABASE_URL;
  const secrets = vars.JWT_SECRET && vars.DATA_ENCRYPTION_KEY && vars.PHONE_DIGEST_KEY ? null : embeddedSecrets(dataDir);
  const h5Dir = resolveFromServerRoot(vars.H5_DIR ?? '../miniapp/dist/h5');

  return {
    mode: embedded ? 'embedded' : 'production',
    nodeEnv,
    http: { host: vars.HOST ?? '127.0.0.1', port: vars.PORT ?? 3000, trustProxy },
    rateLimits: { enabled: vars.RATE_LIMITS !== 'off' },
    database: embedded
      ? { kind: 'sqljs', file: join(dataDir, 'wfh.sqlite') }
      : { kind: 'mysql', url: vars.DATABASE_URL! },
    redis: vars.REDIS_URL ? { url: vars.REDIS_URL, keyPrefix: vars.REDIS_KEY_PREFIX ?? 'wfh:' } : null,
    dataDir,
    auth: {
      jwtSecret: vars.JWT_SECRET ?? secrets!.jwtSecret,
      accessTtlSeconds: vars.ACCESS_TOKEN_TTL_SECONDS ?? 2 * 3600,
      refreshTtlSeconds: vars.REFRESH_TOKEN_TTL_SECONDS ?? 30 * 86400,
    },
    dataKey: Buffer.from(vars.DATA_ENCRYPTION_KEY ?? secrets!.dataKey, 'base64'),
    dataKeyId: vars.DATA_ENCRYPTION_KEY_ID ?? 'v1',
    previousDataKeys: Object.fromEntries(
      (vars.DATA_ENCRYPTION_PREVIOUS_KEYS ?? '')
        .split(',')
        .filter(Boolean)
        .map((pair) => [pair.slice(0, pair.indexOf(':')), Buffer.from(pair.slice(pair.indexOf(':') + 1), 'base64')]),
    ),
    phoneDigestKey: Buffer.from(vars.PHONE_DIGEST_KEY ?? secrets!.phoneDigestKey, 'base64'),
    officeHours,
    auditRetentionDays: vars.AUDIT_RETENTION_DAYS ?? 365,
    wechat: {
      appId: vars.WECHAT_APPID ?? '',
      secret: vars.WECHAT_SECRET ?? '',
      apiBase: (vars.WECHAT_API_BASE ?? 'https://api.weixin.qq.com').replace(/\/$/, ''),
      templates,
    },
    sms: sms.config,
    devSignIn: flag(vars.DEV_SIGN_IN, !production),
    seedDemo: flag(vars.SEED_DEMO, embedded),
    logLevel: vars.LOG_LEVEL ?? (nodeEnv === 'test' ? 'warn' : 'info'),
    h5Dir: existsSync(join(h5Dir, 'index.html')) ? h5Dir : null,
  };
}

/** One line, first in the log, that says what this process runs on. */
export function describeMode(config: AppConfig): string {
  if (config.mode === 'embedded') {
    const where = config.database.kind === 'sqljs' && config.database.file ? config.database.file : 'memory';
    return `mode: embedded (SQLite at ${where}; in-process cache, locks, pub/sub and rate limits instead of Redis)`;
  }
  const db = new URL((config.database as { url: string }).url);
  const redis = new URL(config.redis!.url);
  return `mode: production (MySQL at ${db.hostname}:${db.port || 3306}${db.pathname}; Redis at ${redis.hostname}:${redis.port || 6379})`;
}
