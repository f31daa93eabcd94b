import 'reflect-metadata';
import { createConnection } from 'mysql2/promise';
import { Redis } from 'ioredis';
import { createDataSource } from '../../src/database/data-source';
import { runMigrations } from '../../src/database/migrate';
import {
  TEST_DATABASE_URL,
  TEST_DB_ADMIN_URL,
  TEST_DB_NAME,
  TEST_DB_PASSWORD,
  TEST_DB_USER,
  TEST_REDIS_URL,
} from './services';

/**
 * Runs once before the integration, e2e and browser tests: a fresh database of the app's own with
 * its own user, migrated once. Unreachable services fail the run here, loudly: these tests never
 * fall back to stand-ins.
 */
export default async function globalSetup(): Promise<void> {
  let admin;
  try {
    admin = await createConnection({ uri: TEST_DB_ADMIN_URL, connectTimeout: 5000 });
  } catch (error) {
    throw new Error(`MariaDB/MySQL is not reachable at ${TEST_DB_ADMIN_URL} (${(error as Error).message}). Start it (see README) and run the tests again.`);
  }
  try {
    await admin.query(`DROP DATABASE IF EXISTS \`${TEST_DB_NAME}\``);
    await admin.query(`CREATE DATABASE \`${TEST_DB_NAME}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    // A TCP login from 127.0.0.1 may match user@localhost: make both.
    for (const host of ['localhost', '127.0.0.1']) {
      await admin.query(`CREATE USER IF NOT EXISTS '${TEST_DB_USER}'@'${host}' IDENTIFIED BY '${TEST_DB_PASSWORD}'`);
      await admin.query(`ALTER USER '${TEST_DB_USER}'@'${host}' IDENTIFIED BY '${TEST_DB_PASSWORD}'`);
      await admin.query(`GRANT ALL PRIVILEGES ON \`${TEST_DB_NAME}\`.* TO '${TEST_DB_USER}'@'${host}'`);
    }
  } finally {
    await admin.end();
  }

  const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 3000, retryStrategy: () => null });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(`Redis is not reachable at ${TEST_REDIS_URL} (${(error as Error).message}). Start it (see README) and run the tests again.`);
  } finally {
    redis.disconnect();
  }

  const dataSource = createDataSource({ kind: 'mysql', url: TEST_DATABASE_URL });
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
