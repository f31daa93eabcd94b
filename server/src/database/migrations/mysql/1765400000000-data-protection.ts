import type { MigrationInterface, QueryRunner } from 'typeorm';
import { chainHash, GENESIS_HASH, RETENTION_SESSION_VARIABLE } from '../../../modules/audit/audit-chain';

/** 《网络安全法》第二十一条: network logs are kept for no less than six months. */
const LEGAL_MINIMUM_DAYS = 180;

/**
 * Data protection: the audit log becomes a hash chain with a head row; triggers refuse UPDATE of an
 * audit row always, and DELETE unless the retention job asks (session variable) for a row older than
 * the legal minimum. Users get an encrypted real name (women recorded by a chair) and a deletion time.
 */
export class DataProtection1765400000000 implements MigrationInterface {
  name = 'DataProtection1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `app_user` ADD `name_enc` text NULL, ADD `deleted_at` datetime(6) NULL');
    await queryRunner.query(
      'CREATE TABLE `audit_chain` (`id` int NOT NULL, `seq` bigint NOT NULL, `head_hash` varchar(64) NOT NULL, `anchor_seq` bigint NOT NULL, `anchor_hash` varchar(64) NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await queryRunner.query('ALTER TABLE `audit_log` ADD `seq` bigint NULL, ADD `prev_hash` varchar(64) NULL, ADD `hash` varchar(64) NULL');
    // Rows from before join the chain in the order they were written.
    const rows: Array<{ id: string; at: Date; actorUserId: string | null; action: string; subjectType: string; subjectId: string; federationId: string | null }> =
      await queryRunner.query(
        'SELECT id, at, actor_user_id AS actorUserId, action, subject_type AS subjectType, subject_id AS subjectId, federation_id AS federationId FROM `audit_log` ORDER BY at, id',
      );
    let prev = GENESIS_HASH;
    let seq = 0;
    for (const row of rows) {
      seq += 1;
      const hash = chainHash(prev, { ...row, seq });
      await queryRunner.query('UPDATE `audit_log` SET `seq` = ?, `prev_hash` = ?, `hash` = ? WHERE `id` = ?', [seq, prev, hash, row.id]);
      prev = hash;
    }
    await queryRunner.query('ALTER TABLE `audit_log` MODIFY `seq` bigint NOT NULL, MODIFY `prev_hash` varchar(64) NOT NULL, MODIFY `hash` varchar(64) NOT NULL');
    await queryRunner.query('CREATE UNIQUE INDEX `uq_audit_seq` ON `audit_log` (`seq`)');
    await queryRunner.query('INSERT INTO `audit_chain` (`id`, `seq`, `head_hash`, `anchor_seq`, `anchor_hash`) VALUES (1, ?, ?, 0, ?)', [seq, prev, GENESIS_HASH]);
    await queryRunner.query(
      "CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log` FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only: rows are never updated'",
    );
    await queryRunner.query(
      `CREATE TRIGGER \`audit_log_retention_only\` BEFORE DELETE ON \`audit_log\` FOR EACH ROW
       IF COALESCE(${RETENTION_SESSION_VARIABLE}, 0) <> 1 OR OLD.at >= UTC_TIMESTAMP(6) - INTERVAL ${LEGAL_MINIMUM_DAYS} DAY THEN
         SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log rows are deleted only by the retention job, and only after ${LEGAL_MINIMUM_DAYS} days';
       END IF`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER IF EXISTS `audit_log_retention_only`');
    await queryRunner.query('DROP TRIGGER IF EXISTS `audit_log_no_update`');
    await queryRunner.query('DROP INDEX `uq_audit_seq` ON `audit_log`');
    await queryRunner.query('ALTER TABLE `audit_log` DROP COLUMN `hash`, DROP COLUMN `prev_hash`, DROP COLUMN `seq`');
    await queryRunner.query('DROP TABLE `audit_chain`');
    await queryRunner.query('ALTER TABLE `app_user` DROP COLUMN `deleted_at`, DROP COLUMN `name_enc`');
  }
}
