import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Outbox rows are claimed before they are sent (pending → sending → sent), so none goes out twice. */
export class OutboxClaims1765500000000 implements MigrationInterface {
  name = 'OutboxClaims1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `outbox` ADD `claimed_at` datetime(6) NULL, ADD `claimed_by` varchar(80) NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `outbox` DROP COLUMN `claimed_by`, DROP COLUMN `claimed_at`');
  }
}
