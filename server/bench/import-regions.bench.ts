import 'reflect-metadata';
import { createConnection } from 'mysql2/promise';
import { createDataSource } from '../src/database/data-source';
import { runMigrations } from '../src/database/migrate';
import { importRegions } from '../src/database/regions/region-importer';
import { writeResult } from './support';

/**
 * `pnpm bench:import`: the whole country (about 665,000 regions and as many bodies) into a fresh
 * MariaDB/MySQL database, then once more to time the idempotent re-run. Target: under 60 s.
 */
const ADMIN_URL = process.env.BENCH_DB_ADMIN_URL ?? 'mysql://root@127.0.0.1:3306/mysql';
const DB_NAME = process.env.BENCH_DB_NAME ?? 'wfh_bench';

async function main(): Promise<void> {
  const admin = await createConnection({ uri: ADMIN_URL });
  await admin.query(`DROP DATABASE IF EXISTS \`${DB_NAME}\``);
  await admin.query(`CREATE DATABASE \`${DB_NAME}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();

  const url = new URL(ADMIN_URL);
  url.pathname = `/${DB_NAME}`;
  const dataSource = createDataSource({ kind: 'mysql', url: url.toString() });
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
    const first = await importRegions(dataSource, { kind: 'all' });
    const rerun = await importRegions(dataSource, { kind: 'all' });
    const [{ bodies }] = await dataSource.query('SELECT COUNT(*) AS bodies FROM federation');
    const result = {
      rows: first.regions,
      bodies: Number(bodies),
      seconds: Number(first.seconds.toFixed(2)),
      rows_per_second: Math.round(first.regions / first.seconds),
      rerun_seconds: Number(rerun.seconds.toFixed(2)),
      rerun_added: rerun.added,
    };
    writeResult('import-regions', result);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
