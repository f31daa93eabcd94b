import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { isDuplicateKey } from '../../database/duplicate-key';
import { forUpdate } from '../../database/locking';
import { AuditChainEntity, AuditLogEntity } from './audit-log.entity';

/** The prev_hash of the very first row, and the anchor before the retention job ever ran. */
export const GENESIS_HASH = '0'.repeat(64);
const HEAD_ID = 1;
const BATCH = 1000;

/**
 * The MySQL/MariaDB session variable the DELETE trigger asks for (migration 1765400000000). Only the
 * retention job sets it, around its own DELETE, on its own connection.
 */
export const RETENTION_SESSION_VARIABLE = '@wfh_audit_retention';

export interface ChainFields {
  seq: number | string;
  id: string;
  at: Date | string;
  actorUserId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  federationId: string | null;
}

/** Times as ISO text, whichever way the driver gave them back (sql.js: "YYYY-MM-DD HH:MM:SS.SSS", UTC). */
function canonicalTime(at: Date | string): string {
  if (at instanceof Date) return at.toISOString();
  return new Date(`${at.replace(' ', 'T')}${/Z|[+-]\d\d:\d\d$/.test(at) ? '' : 'Z'}`).toISOString();
}

/** SHA-256 over the previous row's hash and this row's fields, in a fixed order. */
export function chainHash(prevHash: string, row: ChainFields): string {
  const fields = [String(row.seq), row.id, canonicalTime(row.at), row.actorUserId, row.action, row.subjectType, row.subjectId, row.federationId];
  return createHash('sha256').update(`${prevHash}\n${JSON.stringify(fields)}`).digest('hex');
}

/**
 * Makes the head row when it is missing: the migration makes it, a wiped database (tests) loses it.
 * It continues from the rows there are, so appends never reuse a seq. Runs at boot, and in the test
 * reset, so that many first appends at once never race to make it.
 */
export async function ensureAuditChainHead(manager: EntityManager): Promise<void> {
  const heads = manager.getRepository(AuditChainEntity);
  if (await heads.exists({ where: { id: HEAD_ID } })) return;
  const [last] = await manager.query('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const [first] = await manager.query('SELECT seq, prev_hash AS prevHash FROM audit_log ORDER BY seq ASC LIMIT 1');
  try {
    await heads.insert({
      id: HEAD_ID,
      seq: String(last?.seq ?? 0),
      headHash: last?.hash ?? GENESIS_HASH,
      anchorSeq: String(first ? Number(first.seq) - 1 : 0),
      anchorHash: first?.prevHash ?? GENESIS_HASH,
    });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
}

/** The head row, locked for this transaction: every append takes this lock, so rows join the chain one at a time on any number of instances. */
async function lockHead(manager: EntityManager): Promise<AuditChainEntity> {
  const heads = manager.getRepository(AuditChainEntity);
  const found = await heads.findOne({ where: { id: HEAD_ID }, ...forUpdate(manager) });
  if (found) return found;
  await ensureAuditChainHead(manager);
  return (await heads.findOne({ where: { id: HEAD_ID }, ...forUpdate(manager) }))!;
}

/** Adds one row at the end of the chain, in the caller's transaction. */
export async function appendToChain(manager: EntityManager, row: Omit<ChainFields, 'seq'>): Promise<void> {
  // Outside a transaction the head's lock would end with the SELECT: take one.
  if (!manager.queryRunner?.isTransactionActive) return manager.transaction((inner) => appendToChain(inner, row));
  const head = await lockHead(manager);
  const seq = Number(head.seq) + 1;
  const hash = chainHash(head.headHash, { ...row, seq });
  await manager.getRepository(AuditLogEntity).insert({
    id: row.id,
    seq: String(seq),
    at: row.at instanceof Date ? row.at : new Date(canonicalTime(row.at)),
    actorUserId: row.actorUserId,
    action: row.action,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    federationId: row.federationId,
    prevHash: head.headHash,
    hash,
  });
  await manager.getRepository(AuditChainEntity).update({ id: HEAD_ID }, { seq: String(seq), headHash: hash });
}

export type AuditChainReport =
  | { ok: true; rows: number; headSeq: number; headHash: string }
  | { ok: false; rows: number; broken: { seq: number | null; id: string | null; reason: string } };

interface RawRow {
  id: string;
  seq: number | string;
  at: Date | string;
  actorUserId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  federationId: string | null;
  prevHash: string;
  hash: string;
}

/**
 * Walks the chain from the anchor to the head and names the first row that does not fit: changed
 * content (its hash), a row missing before it (seq or prev_hash), or rows missing at the end (head).
 */
export async function verifyAuditChain(dataSource: DataSource): Promise<AuditChainReport> {
  const [head] = await dataSource.getRepository(AuditChainEntity).find({ where: { id: HEAD_ID } });
  let expectedSeq = Number(head?.anchorSeq ?? 0) + 1;
  let expectedPrev = head?.anchorHash ?? GENESIS_HASH;
  let rows = 0;
  for (;;) {
    const batch: RawRow[] = await dataSource.query(
      `SELECT id, seq, at, actor_user_id AS actorUserId, action, subject_type AS subjectType, subject_id AS subjectId,
              federation_id AS federationId, prev_hash AS prevHash, hash
         FROM audit_log WHERE seq >= ? ORDER BY seq LIMIT ${BATCH}`,
      [expectedSeq],
    );
    for (const row of batch) {
      const at = { seq: Number(row.seq), id: row.id };
      if (Number(row.seq) !== expectedSeq) return { ok: false, rows, broken: { ...at, reason: `row ${expectedSeq} is missing` } };
      if (row.prevHash !== expectedPrev) return { ok: false, rows, broken: { ...at, reason: 'does not link to the row before it' } };
      if (chainHash(row.prevHash, row) !== row.hash) return { ok: false, rows, broken: { ...at, reason: 'its content was changed' } };
      expectedPrev = row.hash;
      expectedSeq += 1;
      rows += 1;
    }
    if (batch.length < BATCH) break;
  }
  const headSeq = Number(head?.seq ?? 0);
  if (expectedSeq - 1 !== headSeq || expectedPrev !== (head?.headHash ?? GENESIS_HASH)) {
    return { ok: false, rows, broken: { seq: expectedSeq, id: null, reason: `rows ${expectedSeq}–${headSeq} are missing at the end` } };
  }
  // Rows below the anchor were kept past their deletion: not a break, but not the retention job's doing.
  const [{ n }] = await dataSource.query('SELECT COUNT(*) AS n FROM audit_log WHERE seq < ?', [Number(head?.anchorSeq ?? 0) + 1]);
  if (Number(n) > 0) return { ok: false, rows, broken: { seq: null, id: null, reason: `${n} rows lie before the anchor` } };
  return { ok: true, rows, headSeq, headHash: expectedPrev };
}

/** Runs `work` with the retention job's permission to delete audit rows (MySQL/MariaDB; SQLite has no triggers). */
async function asRetentionJob<T>(manager: EntityManager, work: () => Promise<T>): Promise<T> {
  if (manager.connection.options.type === 'sqljs') return work();
  await manager.query(`SET ${RETENTION_SESSION_VARIABLE} = 1`);
  try {
    return await work();
  } finally {
    await manager.query(`SET ${RETENTION_SESSION_VARIABLE} = NULL`);
  }
}

/**
 * Deletes the rows older than `cutoff` from the start of the chain, a batch per transaction, and
 * moves the anchor to the last deleted row's hash: what is left still verifies from the anchor. Only
 * a prefix goes, so a row written late with an early time never leaves a hole.
 */
export async function purgeAuditBefore(dataSource: DataSource, cutoff: Date): Promise<number> {
  let deleted = 0;
  for (;;) {
    const done = await dataSource.transaction(async (manager) => {
      const head = await manager.getRepository(AuditChainEntity).findOne({ where: { id: HEAD_ID }, ...forUpdate(manager) });
      if (!head) return true;
      const [{ first }] = await manager.query('SELECT MIN(seq) AS first FROM audit_log WHERE at >= ?', [
        manager.connection.options.type === 'sqljs' ? cutoff.toISOString().replace('T', ' ').replace('Z', '') : cutoff,
      ]);
      const keepFrom = first === null ? Number(head.seq) + 1 : Number(first);
      const last = Math.min(keepFrom - 1, Number(head.anchorSeq) + BATCH);
      if (last <= Number(head.anchorSeq)) return true;
      const [lastRow] = await manager.query('SELECT hash FROM audit_log WHERE seq = ?', [last]);
      if (!lastRow) throw new Error(`audit row ${last} is missing: run \`pnpm audit:verify\` before any more rows are deleted`);
      const count = await asRetentionJob(manager, async () => {
        const [{ n }] = await manager.query('SELECT COUNT(*) AS n FROM audit_log WHERE seq <= ?', [last]);
        await manager.query('DELETE FROM audit_log WHERE seq <= ?', [last]);
        return Number(n);
      });
      await manager.getRepository(AuditChainEntity).update({ id: HEAD_ID }, { anchorSeq: String(last), anchorHash: lastRow.hash });
      deleted += count;
      return false;
    });
    if (done) return deleted;
  }
}
