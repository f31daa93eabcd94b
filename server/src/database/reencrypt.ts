import type { DataSource } from 'typeorm';
import type { FieldCipher } from '../infra/crypto/field-cipher';

/** Columns the field cipher writes end in `_enc`: this convention is how rotation finds every one. */
const ENCRYPTED_COLUMN = /_enc$/;
const BATCH = 500;

export interface EncryptedColumn {
  table: string;
  column: string;
  primaryKeys: string[];
}

export function encryptedColumns(dataSource: DataSource): EncryptedColumn[] {
  return dataSource.entityMetadatas.flatMap((meta) =>
    meta.columns
      .filter((c) => ENCRYPTED_COLUMN.test(c.databaseName))
      .map((c) => ({ table: meta.tableName, column: c.databaseName, primaryKeys: meta.primaryColumns.map((p) => p.databaseName) })),
  );
}

export interface ReencryptResult {
  table: string;
  column: string;
  rewritten: number;
}

/**
 * Rewrites every encrypted value not written with the current key. Each batch is its own
 * transaction and each UPDATE checks the old ciphertext is still there, so the app keeps running
 * meanwhile (a value it changed in between is left as it wrote it) and a stopped run can be resumed.
 */
export async function reencryptAll(dataSource: DataSource, cipher: FieldCipher, onBatch?: (progress: ReencryptResult) => void): Promise<ReencryptResult[]> {
  const q = (name: string) => dataSource.driver.escape(name);
  const results: ReencryptResult[] = [];
  for (const { table, column, primaryKeys } of encryptedColumns(dataSource)) {
    const keys = primaryKeys.map(q).join(', ');
    let rewritten = 0;
    let after: unknown[] | null = null;
    for (;;) {
      const since = after ? `AND (${keys}) > (${primaryKeys.map(() => '?').join(', ')})` : '';
      const rows: Record<string, string>[] = await dataSource.query(
        `SELECT ${keys}, ${q(column)} AS value FROM ${q(table)} WHERE ${q(column)} IS NOT NULL ${since} ORDER BY ${keys} LIMIT ${BATCH}`,
        after ?? [],
      );
      if (rows.length === 0) break;
      const stale = rows.filter((row) => cipher.isStale(row.value));
      await dataSource.transaction(async (manager) => {
        for (const row of stale) {
          const fresh = cipher.encrypt(cipher.decrypt(row.value));
          const where = primaryKeys.map((k) => `${q(k)} = ?`).join(' AND ');
          await manager.query(`UPDATE ${q(table)} SET ${q(column)} = ? WHERE ${where} AND ${q(column)} = ?`, [fresh, ...primaryKeys.map((k) => row[k]), row.value]);
        }
      });
      rewritten += stale.length;
      onBatch?.({ table, column, rewritten });
      const last = rows[rows.length - 1];
      after = primaryKeys.map((k) => last[k]);
    }
    results.push({ table, column, rewritten });
  }
  return results;
}

/** How many values are still written with an older key: zero means the old keys can be dropped. */
export async function countStale(dataSource: DataSource, cipher: FieldCipher): Promise<number> {
  const q = (name: string) => dataSource.driver.escape(name);
  let stale = 0;
  for (const { table, column } of encryptedColumns(dataSource)) {
    const [{ n }] = await dataSource.query(`SELECT COUNT(*) AS n FROM ${q(table)} WHERE ${q(column)} IS NOT NULL AND ${q(column)} NOT LIKE ?`, [`${cipher.keyId}.%`]);
    stale += Number(n);
  }
  return stale;
}
