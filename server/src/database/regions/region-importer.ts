import type { DataSource, QueryRunner } from 'typeorm';
import { federationNameFor } from '@wfh/shared';
import { readScope, provinceNames, type DivisionRow, type ImportScope } from './china-division-source';

export interface ImportProgress {
  /** Rows read and written so far. */
  done: number;
}

export interface ImportResult {
  regions: number;
  /** Regions and bodies that did not exist before this run. */
  added: number;
  seconds: number;
}

/** Rows per statement: large enough to amortise round trips, small enough for SQLite's variable limit. */
const BATCH_SIZE = { mysql: 2000, sqljs: 500 } as const;

type Dialect = keyof typeof BATCH_SIZE;

const UPSERT_REGION: Record<Dialect, (rows: number) => string> = {
  mysql: (n) =>
    `INSERT INTO region (code, name, level, parent_code) VALUES ${placeholders(n, 4)} ` +
    'ON DUPLICATE KEY UPDATE name = VALUES(name), level = VALUES(level), parent_code = VALUES(parent_code)',
  sqljs: (n) =>
    `INSERT INTO region (code, name, level, parent_code) VALUES ${placeholders(n, 4)} ` +
    'ON CONFLICT(code) DO UPDATE SET name = excluded.name, level = excluded.level, parent_code = excluded.parent_code ' +
    'WHERE region.name IS NOT excluded.name OR region.level IS NOT excluded.level OR region.parent_code IS NOT excluded.parent_code',
};

// `active`, contacts and timestamps are the body's own: a re-import only refreshes what the dataset says.
const UPSERT_FEDERATION: Record<Dialect, (rows: number) => string> = {
  mysql: (n) =>
    `INSERT INTO federation (id, name, region_name, level, parent_id) VALUES ${placeholders(n, 5)} ` +
    'ON DUPLICATE KEY UPDATE name = VALUES(name), region_name = VALUES(region_name), level = VALUES(level), parent_id = VALUES(parent_id)',
  sqljs: (n) =>
    `INSERT INTO federation (id, name, region_name, level, parent_id) VALUES ${placeholders(n, 5)} ` +
    'ON CONFLICT(id) DO UPDATE SET name = excluded.name, region_name = excluded.region_name, level = excluded.level, parent_id = excluded.parent_id ' +
    'WHERE federation.name IS NOT excluded.name OR federation.region_name IS NOT excluded.region_name ' +
    'OR federation.level IS NOT excluded.level OR federation.parent_id IS NOT excluded.parent_id',
};

function placeholders(rows: number, columns: number): string {
  const row = `(${new Array(columns).fill('?').join(', ')})`;
  return new Array(rows).fill(row).join(', ');
}

async function countRows(runner: QueryRunner): Promise<number> {
  const [{ n }] = await runner.query('SELECT (SELECT COUNT(*) FROM region) + (SELECT COUNT(*) FROM federation) AS n');
  return Number(n);
}

/**
 * Imports divisions into `region` and one `federation` body per region, parent links intact.
 * Idempotent (upserts keyed by code) and all-or-nothing (one transaction): an unknown code or any
 * failure leaves the database as it was.
 */
export async function importRegions(
  dataSource: DataSource,
  scope: ImportScope,
  onProgress: (progress: ImportProgress) => void = () => {},
): Promise<ImportResult> {
  const started = process.hrtime.bigint();
  const dialect: Dialect = dataSource.options.type === 'sqljs' ? 'sqljs' : 'mysql';
  const batchSize = BATCH_SIZE[dialect];
  const provinces = await provinceNames();
  const rows = readScope(scope);
  // Read the first row before opening the transaction, so an unknown code never opens one.
  const first = await rows.next();

  const runner = dataSource.createQueryRunner();
  await runner.connect();
  let done = 0;
  try {
    await runner.startTransaction();
    const before = await countRows(runner);
    let batch: DivisionRow[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      await runner.query(
        UPSERT_REGION[dialect](batch.length),
        batch.flatMap((r) => [r.code, r.name, r.level, r.parentCode]),
      );
      await runner.query(
        UPSERT_FEDERATION[dialect](batch.length),
        batch.flatMap((r) => [
          r.code,
          federationNameFor(r.name, r.parentCode ? provinces.get(r.parentCode.slice(0, 2)) : undefined),
          r.name,
          r.level,
          r.parentCode,
        ]),
      );
      done += batch.length;
      batch = [];
      onProgress({ done });
    };
    if (!first.done) batch.push(first.value);
    for await (const row of rows) {
      batch.push(row);
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    const after = await countRows(runner);
    await runner.commitTransaction();
    return { regions: done, added: after - before, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}
