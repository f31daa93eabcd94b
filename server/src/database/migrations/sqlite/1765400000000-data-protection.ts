import type { MigrationInterface, QueryRunner } from 'typeorm';
import { chainHash, GENESIS_HASH } from '../../../modules/audit/audit-chain';

/**
 * Data protection: the audit log becomes a hash chain with a head row (no triggers in the embedded
 * database: the chain alone shows tampering). Users get an encrypted real name and a deletion time.
 */
export class DataProtection1765400000000 implements MigrationInterface {
  name = 'DataProtection1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "app_user" ADD COLUMN "name_enc" text');
    await queryRunner.query('ALTER TABLE "app_user" ADD COLUMN "deleted_at" datetime(6)');
    await queryRunner.query(
      'CREATE TABLE "audit_chain" ("id" integer PRIMARY KEY NOT NULL, "seq" bigint NOT NULL, "head_hash" varchar(64) NOT NULL, "anchor_seq" bigint NOT NULL, "anchor_hash" varchar(64) NOT NULL)',
    );
    await queryRunner.query(
      'CREATE TABLE "temporary_audit_log" ("id" varchar(36) PRIMARY KEY NOT NULL, "at" datetime(6) NOT NULL, "actor_user_id" varchar(36), "action" varchar(40) NOT NULL, "subject_type" varchar(30) NOT NULL, "subject_id" varchar(36) NOT NULL, "federation_id" varchar(12), "seq" bigint NOT NULL, "prev_hash" varchar(64) NOT NULL, "hash" varchar(64) NOT NULL)',
    );
    // Rows from before join the chain in the order they were written.
    const rows: Array<{ id: string; at: string; actorUserId: string | null; action: string; subjectType: string; subjectId: string; federationId: string | null }> =
      await queryRunner.query(
        'SELECT id, at, actor_user_id AS actorUserId, action, subject_type AS subjectType, subject_id AS subjectId, federation_id AS federationId FROM "audit_log" ORDER BY at, id',
      );
    let prev = GENESIS_HASH;
    let seq = 0;
    for (const row of rows) {
      seq += 1;
      const hash = chainHash(prev, { ...row, seq });
      await queryRunner.query(
        'INSERT INTO "temporary_audit_log" ("id", "at", "actor_user_id", "action", "subject_type", "subject_id", "federation_id", "seq", "prev_hash", "hash") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [row.id, row.at, row.actorUserId, row.action, row.subjectType, row.subjectId, row.federationId, seq, prev, hash],
      );
      prev = hash;
    }
    await queryRunner.query('DROP INDEX "idx_audit_subject"');
    await queryRunner.query('DROP INDEX "idx_audit_at"');
    await queryRunner.query('DROP TABLE "audit_log"');
    await queryRunner.query('ALTER TABLE "temporary_audit_log" RENAME TO "audit_log"');
    await queryRunner.query('CREATE INDEX "idx_audit_subject" ON "audit_log" ("subject_type", "subject_id") ');
    await queryRunner.query('CREATE INDEX "idx_audit_at" ON "audit_log" ("at") ');
    await queryRunner.query('CREATE UNIQUE INDEX "uq_audit_seq" ON "audit_log" ("seq") ');
    await queryRunner.query('INSERT INTO "audit_chain" ("id", "seq", "head_hash", "anchor_seq", "anchor_hash") VALUES (1, ?, ?, 0, ?)', [seq, prev, GENESIS_HASH]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "uq_audit_seq"');
    await queryRunner.query('ALTER TABLE "audit_log" DROP COLUMN "hash"');
    await queryRunner.query('ALTER TABLE "audit_log" DROP COLUMN "prev_hash"');
    await queryRunner.query('ALTER TABLE "audit_log" DROP COLUMN "seq"');
    await queryRunner.query('DROP TABLE "audit_chain"');
    await queryRunner.query('ALTER TABLE "app_user" DROP COLUMN "deleted_at"');
    await queryRunner.query('ALTER TABLE "app_user" DROP COLUMN "name_enc"');
  }
}
