import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A concern numbers its updates by a counter of its own, as a request numbers its events
 * (1765600000000): ordered by (at, id), two updates in the same instant came back in the order of
 * their random ids. Existing updates are numbered in the order they were shown until now.
 */
export class ConcernUpdateCounter1766200000000 implements MigrationInterface {
  name = 'ConcernUpdateCounter1766200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `concern` ADD `last_update_seq` int NOT NULL DEFAULT '0'");
    // NOT NULL without a default: existing rows take 0 for the moment and are numbered next.
    await queryRunner.query('ALTER TABLE `concern_update` ADD `seq` int NOT NULL');
    await queryRunner.query(
      'UPDATE `concern_update` u JOIN (SELECT `id`, ROW_NUMBER() OVER (PARTITION BY `concern_id` ORDER BY `at`, `id`) AS n FROM `concern_update`) o ON o.`id` = u.`id` SET u.`seq` = o.n',
    );
    await queryRunner.query('CREATE UNIQUE INDEX `uq_concern_update_seq` ON `concern_update` (`concern_id`, `seq`)');
    await queryRunner.query(
      'UPDATE `concern` c SET `last_update_seq` = (SELECT COALESCE(MAX(u.`seq`), 0) FROM `concern_update` u WHERE u.`concern_id` = c.`id`)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `uq_concern_update_seq` ON `concern_update`');
    await queryRunner.query('ALTER TABLE `concern_update` DROP COLUMN `seq`');
    await queryRunner.query('ALTER TABLE `concern` DROP COLUMN `last_update_seq`');
  }
}
