import type { DataSource } from 'typeorm';

const MIGRATION_LOCK = 'wfh_migrations';

/**
 * Brings the schema up to date. Several instances may start at once against one MySQL: a named lock
 * lets exactly one of them migrate while the others wait, then find nothing left to do.
 */
export async function runMigrations(dataSource: DataSource): Promise<void> {
  if (dataSource.options.type === 'sqljs') {
    await dataSource.runMigrations({ transaction: 'each' });
    return;
  }
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const [{ locked }] = await runner.query('SELECT GET_LOCK(?, 120) AS locked', [MIGRATION_LOCK]);
    if (Number(locked) !== 1) throw new Error('Another instance has held the migration lock for 120 s');
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT RELEASE_LOCK(?)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
