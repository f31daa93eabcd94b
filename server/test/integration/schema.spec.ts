import 'reflect-metadata';
import { createDataSource } from '../../src/database/data-source';
import { runMigrations } from '../../src/database/migrate';
import { TEST_DATABASE_URL, TEST_DB_NAME } from '../support/services';

/** The migrations are the schema; these tests fail when an entity changes without one. */
describe('migrations', () => {
  it('on MariaDB create exactly what the entities describe, in utf8mb4', async () => {
    const ds = createDataSource({ kind: 'mysql', url: TEST_DATABASE_URL });
    await ds.initialize();
    try {
      const pending = await ds.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
      const tables: Array<{ name: string; collation: string }> = await ds.query(
        'SELECT TABLE_NAME AS name, TABLE_COLLATION AS collation FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME <> ?',
        [TEST_DB_NAME, 'migrations'],
      );
      expect(tables.length).toBe(ds.entityMetadatas.length);
      for (const table of tables) expect(table.collation).toBe('utf8mb4_unicode_ci');
      // Four-byte characters (rare surnames, emoji in a message) survive a round trip.
      const [row] = await ds.query("SELECT CAST('𠮷🌸' AS CHAR CHARACTER SET utf8mb4) AS s");
      expect(row.s).toBe('𠮷🌸');
    } finally {
      await ds.destroy();
    }
  });

  it('on the embedded SQLite create exactly what the entities describe, and run again as a no-op', async () => {
    const ds = createDataSource({ kind: 'sqljs', file: null });
    await ds.initialize();
    try {
      await runMigrations(ds);
      await runMigrations(ds);
      const pending = await ds.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await ds.destroy();
    }
  });
});
