import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/config';
import { ENTITIES } from './entities';
import { MYSQL_MIGRATIONS } from './migrations/mysql';
import { SQLITE_MIGRATIONS } from './migrations/sqlite';
import { mysql2WithAcquireTimeout } from './pool-acquire-timeout';

const CONNECT_TIMEOUT_MS = 2000;
/**
 * How long a request waits for a pooled connection before it is answered 503. Just under the
 * mini-program's 10 s request timeout: a burst (two thousand sign-ups for one activity queue on its
 * row lock) must wait its turn rather than be turned away, and a phone that has given up gains
 * nothing from a later answer. A database that is down fails at connect (2 s), not here.
 */
const ACQUIRE_TIMEOUT_MS = 8000;

/**
 * One schema, two dialects: MySQL/MariaDB in production and CI, SQLite (sql.js, no native build) for
 * the embedded default. Both are created by migrations only, never by `synchronize`.
 */
export function dataSourceOptions(database: DatabaseConfig): DataSourceOptions {
  if (database.kind === 'mysql') {
    return {
      type: database.url.startsWith('mariadb:') ? 'mariadb' : 'mysql',
      url: database.url.replace(/^mariadb:/, 'mysql:'),
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      entities: ENTITIES,
      migrations: MYSQL_MIGRATIONS,
      migrationsTransactionMode: 'each',
      // Fail fast when the database is away (answered 503 within a few seconds, never a hung
      // request): 2 s to open a connection, 3 s to get one from the pool; keep-alive finds dead ones.
      driver: mysql2WithAcquireTimeout(ACQUIRE_TIMEOUT_MS),
      // trace: false: mysql2 otherwise captures a stack trace on every query, for async call sites in
      // its errors; that was a tenth of the server's CPU under the sign-up burst (issue #18). A failed
      // query still says what failed: TypeORM's QueryFailedError carries the SQL, the code and the message.
      extra: { connectionLimit: 20, connectTimeout: CONNECT_TIMEOUT_MS, enableKeepAlive: true, trace: false },
    };
  }
  const file = database.file;
  if (file) mkdirSync(dirname(file), { recursive: true });
  return {
    type: 'sqljs',
    database: file && existsSync(file) ? readFileSync(file) : undefined,
    location: file ?? undefined,
    autoSave: file !== null,
    entities: ENTITIES,
    migrations: SQLITE_MIGRATIONS,
    migrationsTransactionMode: 'each',
  };
}

export function createDataSource(database: DatabaseConfig): DataSource {
  return new DataSource(dataSourceOptions(database));
}
