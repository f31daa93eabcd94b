import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, describeMode, loadConfig } from '../../src/config/config';

const tempDir = () => mkdtempSync(join(tmpdir(), 'wfh-config-'));
const KEY = Buffer.alloc(32, 1).toString('base64');
const PRODUCTION = {
  NODE_ENV: 'production',
  DATABASE_URL: 'mysql://wfh:pw@db.internal:3306/wfh',
  REDIS_URL: 'redis://cache.internal:6379',
  JWT_SECRET: 's'.repeat(40),
  DATA_ENCRYPTION_KEY: KEY,
  PHONE_DIGEST_KEY: Buffer.alloc(32, 2).toString('base64'),
  WECHAT_APPID: 'wx123',
  WECHAT_SECRET: 'secret',
};

function problemsOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected the configuration to be refused');
}

describe('loadConfig', () => {
  it('with nothing set runs embedded, makes its secrets once in the data folder and keeps them private', () => {
    const dir = tempDir();
    const first = loadConfig({ DATA_DIR: dir });
    expect(first.mode).toBe('embedded');
    expect(first.database).toEqual({ kind: 'sqljs', file: join(dir, 'wfh.sqlite') });
    expect(first.redis).toBeNull();
    expect(first.devSignIn).toBe(true);
    expect(first.seedDemo).toBe(true);
    expect(first.dataKey).toHaveLength(32);
    expect(statSync(join(dir, 'secrets.json')).mode & 0o777).toBe(0o600);
    const again = loadConfig({ DATA_DIR: dir });
    expect(again.auth.jwtSecret).toBe(first.auth.jwtSecret);
    expect(again.dataKey.equals(first.dataKey)).toBe(true);
    expect(readFileSync(join(dir, 'secrets.json'), 'utf8')).toContain(first.auth.jwtSecret);
  });

  it('adds the phone digest key to a secrets file from before it existed, keeping the other secrets', () => {
    const dir = tempDir();
    const old = { jwtSecret: 'j'.repeat(64), dataKey: Buffer.alloc(32, 3).toString('base64') };
    writeFileSync(join(dir, 'secrets.json'), JSON.stringify(old));
    const config = loadConfig({ DATA_DIR: dir });
    expect(config.auth.jwtSecret).toBe(old.jwtSecret);
    expect(config.dataKey.equals(Buffer.from(old.dataKey, 'base64'))).toBe(true);
    expect(config.phoneDigestKey).toHaveLength(32);
    expect(loadConfig({ DATA_DIR: dir }).phoneDigestKey.equals(config.phoneDigestKey)).toBe(true);
  });

  it('accepts a complete production configuration and never allows the dev sign-in there', () => {
    const config = loadConfig(PRODUCTION);
    expect(config.mode).toBe('production');
    expect(config.devSignIn).toBe(false);
    expect(config.seedDemo).toBe(false);
    expect(describeMode(config)).toBe('mode: production (MySQL at db.internal:3306/wfh; Redis at cache.internal:6379)');
  });

  it('limits on and no proxy trusted unless told; off and a proxy list are taken as given outside production', () => {
    const defaults = loadConfig({ DATA_DIR: tempDir() });
    expect(defaults.rateLimits).toEqual({ enabled: true });
    expect(defaults.http.trustProxy).toEqual([]);
    expect(loadConfig(PRODUCTION).rateLimits).toEqual({ enabled: true });

    const told = loadConfig({ DATA_DIR: tempDir(), RATE_LIMITS: 'off', TRUST_PROXY: 'loopback, 10.0.0.0/8,::1, fd00::/8' });
    expect(told.rateLimits).toEqual({ enabled: false });
    expect(told.http.trustProxy).toEqual(['loopback', '10.0.0.0/8', '::1', 'fd00::/8']);
  });

  it('keeps audit rows a year unless told, and never less than the six months the law requires', () => {
    expect(loadConfig({ DATA_DIR: tempDir() }).auditRetentionDays).toBe(365);
    expect(loadConfig({ DATA_DIR: tempDir(), AUDIT_RETENTION_DAYS: '180' }).auditRetentionDays).toBe(180);
    const refused = problemsOf({ DATA_DIR: tempDir(), AUDIT_RETENTION_DAYS: '179' });
    expect(refused).toContain('AUDIT_RETENTION_DAYS: must be at least 180');
    expect(refused).toContain('网络安全法');
    expect(refused).toContain('第二十一条');
    expect(problemsOf({ DATA_DIR: tempDir(), AUDIT_RETENTION_DAYS: 'a year' })).toContain('AUDIT_RETENTION_DAYS');
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ DATABASE_URL: 'postgres://x/y', REDIS_URL: 'redis://x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'mysql://x/y' }, 'REDIS_URL'],
    [{ JWT_SECRET: 'short', DATA_ENCRYPTION_KEY: KEY }, 'JWT_SECRET'],
    [{ DATA_ENCRYPTION_KEY: 'not-base64-32-bytes' }, 'DATA_ENCRYPTION_KEY'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ DEV_SIGN_IN: 'yes' }, 'DEV_SIGN_IN'],
    [{ ...PRODUCTION, JWT_SECRET: '' }, 'JWT_SECRET: required when NODE_ENV=production'],
    [{ ...PRODUCTION, WECHAT_SECRET: '' }, 'WECHAT_SECRET: required when NODE_ENV=production'],
    [{ ...PRODUCTION, PHONE_DIGEST_KEY: '' }, 'PHONE_DIGEST_KEY: required when NODE_ENV=production'],
    [{ ...PRODUCTION, PHONE_DIGEST_KEY: KEY }, 'PHONE_DIGEST_KEY: must be its own key'],
    [{ PHONE_DIGEST_KEY: 'short' }, 'PHONE_DIGEST_KEY: must be 32 bytes'],
    [{ ...PRODUCTION, DEV_SIGN_IN: 'true' }, 'DEV_SIGN_IN: must not be true when NODE_ENV=production'],
    [{ ...PRODUCTION, RATE_LIMITS: 'off' }, 'RATE_LIMITS: must not be off when NODE_ENV=production'],
    [{ ...PRODUCTION, SEED_DEMO: 'true' }, 'SEED_DEMO: must not be true when NODE_ENV=production'],
    [{ RATE_LIMITS: 'no' }, 'RATE_LIMITS'],
    [{ TRUST_PROXY: '1' }, 'TRUST_PROXY: a hop count cannot tell a proxy from a client'],
    [{ TRUST_PROXY: 'true' }, 'TRUST_PROXY: true would believe any client'],
    [{ TRUST_PROXY: 'loopback, proxy.internal, 10.0.0.0/33' }, 'TRUST_PROXY: proxy.internal, 10.0.0.0/33: not an IP address'],
  ])('refuses %j, naming %s', (env, named) => {
    expect(problemsOf({ DATA_DIR: tempDir(), ...env })).toContain(named);
  });
});
