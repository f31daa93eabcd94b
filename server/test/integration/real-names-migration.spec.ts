import 'reflect-metadata';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import type { SqljsDriver } from 'typeorm/driver/sqljs/SqljsDriver';
import { dataSourceOptions } from '../../src/database/data-source';
import { runMigrations } from '../../src/database/migrate';
import { TEST_DB_ADMIN_URL, TEST_DB_NAME } from '../support/services';

/** The migration that ends invented names (1766300000000), run over rows written before it. */
const REAL_NAMES = 1766300000000;
const timestampOf = (migration: Function) => Number(/(\d{13})$/.exec(migration.name)![1]);

type Dialect = 'mysql' | 'sqljs';
/** Text both dialects read as a datetime (sql.js binds no Date objects). */
const EARLIER = '2026-10-01 00:00:00.000';

/** Rows as the service wrote them before: a placeholder for every new WeChat user, markers for the others. */
async function writeOldRows(ds: DataSource, dialect: Dialect): Promise<void> {
  const q = (sql: string) => (dialect === 'mysql' ? sql.replace(/"/g, '`') : sql);
  const user = (id: string, name: string, extra: { openid?: string; nameEnc?: string; deleted?: boolean; demoKey?: string } = {}) =>
    ds.query(q('INSERT INTO "app_user" ("id", "openid", "display_name", "name_enc", "deleted_at", "demo_key") VALUES (?, ?, ?, ?, ?, ?)'), [
      id,
      extra.openid ?? null,
      name,
      extra.nameEnc ?? null,
      extra.deleted ? EARLIER : null,
      extra.demoKey ?? null,
    ]);
  await user('wechat', '微信用户', { openid: 'o-wechat' });
  await user('listed', '刘淑珍', { openid: 'o-listed' });
  await user('invited', '刘淑珍', { openid: 'o-invited' });
  await user('recorded', '代登记的居民', { nameEnc: 'v1.secret' });
  await user('deleted', '已注销用户', { deleted: true });
  await user('demo', '王秀英', { demoKey: 'woman-yilu' });
  const role = (id: string, userId: string, federationId: string) =>
    ds.query(q('INSERT INTO "role_assignment" ("id", "user_id", "federation_id", "role", "granted_at") VALUES (?, ?, ?, ?, ?)'), [
      id,
      userId,
      federationId,
      'chair',
      EARLIER,
    ]);
  await ds.query(q('INSERT INTO "listed_person" ("id", "name", "phone_enc", "phone_digest", "federation_id", "role", "created_at", "updated_at") VALUES (?, ?, ?, ?, ?, ?, ?, ?)'), [
    'l1',
    '刘淑珍',
    'v1.phone',
    'digest',
    '211221101200',
    'chair',
    EARLIER,
    EARLIER,
  ]);
  // Listed there and holding that role under that very name: her name came from the list.
  await role('r1', 'listed', '211221101200');
  // The same name by chance, holding a role elsewhere (by invitation): not a listed name.
  await role('r2', 'invited', '211221101201');
}

async function namesAfter(ds: DataSource): Promise<Record<string, { name: string | null; listed: boolean }>> {
  const rows: Array<{ id: string; name: string | null; listed: number | boolean }> = await ds.query('SELECT id, display_name AS name, name_listed AS listed FROM app_user ORDER BY id');
  return Object.fromEntries(rows.map((row) => [row.id, { name: row.name, listed: Boolean(Number(row.listed)) }]));
}

const EXPECTED = {
  deleted: { name: null, listed: false },
  demo: { name: '王秀英', listed: false },
  invited: { name: '刘淑珍', listed: false },
  listed: { name: '刘淑珍', listed: true },
  recorded: { name: null, listed: false },
  wechat: { name: null, listed: false },
};

describe('migration 1766300000000: real names', () => {
  it('on the embedded SQLite turns invented names into none and marks listed names', async () => {
    const options = dataSourceOptions({ kind: 'sqljs', file: null });
    const before = new DataSource({ ...options, migrations: (options.migrations as Function[]).filter((m) => timestampOf(m) < REAL_NAMES) } as typeof options);
    await before.initialize();
    await runMigrations(before);
    await writeOldRows(before, 'sqljs');
    const bytes = (before.driver as SqljsDriver).export();
    await before.destroy();

    const after = new DataSource({ ...options, database: bytes } as typeof options);
    await after.initialize();
    try {
      await runMigrations(after);
      expect(await namesAfter(after)).toEqual(EXPECTED);
    } finally {
      await after.destroy();
    }
  });

  it('on MariaDB does the same', async () => {
    const scratch = `${TEST_DB_NAME}_real_names`;
    const admin = await createConnection({ uri: TEST_DB_ADMIN_URL });
    await admin.query(`DROP DATABASE IF EXISTS \`${scratch}\``);
    await admin.query(`CREATE DATABASE \`${scratch}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    const url = TEST_DB_ADMIN_URL.replace(/\/[^/]*$/, `/${scratch}`);
    const options = dataSourceOptions({ kind: 'mysql', url });
    try {
      const before = new DataSource({ ...options, migrations: (options.migrations as Function[]).filter((m) => timestampOf(m) < REAL_NAMES) } as typeof options);
      await before.initialize();
      await runMigrations(before);
      await writeOldRows(before, 'mysql');
      await before.destroy();

      const after = new DataSource(options);
      await after.initialize();
      try {
        await runMigrations(after);
        expect(await namesAfter(after)).toEqual(EXPECTED);
      } finally {
        await after.destroy();
      }
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS \`${scratch}\``);
      await admin.end();
    }
  });
});
