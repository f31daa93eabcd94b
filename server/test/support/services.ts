/**
 * Where the tests find MariaDB and Redis. The defaults are this machine's services; CI uses the same.
 * The app's own database and user are made by the global setup, never the shared `test` database.
 */
export const TEST_DB_ADMIN_URL = process.env.TEST_DB_ADMIN_URL ?? 'mysql://root@127.0.0.1:3306/mysql';
export const TEST_DB_NAME = process.env.TEST_DB_NAME ?? 'wfh_test';
export const TEST_DB_USER = 'wfh_test';
export const TEST_DB_PASSWORD = 'wfh_test_password';
export const TEST_DATABASE_URL = `mariadb://${TEST_DB_USER}:${TEST_DB_PASSWORD}@127.0.0.1:3306/${TEST_DB_NAME}`;
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/15';
export const TEST_REDIS_PREFIX = `${TEST_DB_NAME}:`;
