import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Imports from a county's spreadsheets: the people it lists (phone encrypted, found by a keyed
 * digest), a record of each committed import, and a site's opening hours as the sheet wrote them.
 */
export class Onboarding1765900000000 implements MigrationInterface {
  name = 'Onboarding1765900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `listed_person` (`id` varchar(36) NOT NULL, `name` varchar(40) NOT NULL, `phone_enc` text NOT NULL, `phone_digest` varchar(64) NOT NULL, `federation_id` varchar(12) NOT NULL, `role` varchar(16) NOT NULL, `imported_by` varchar(36) NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `idx_listed_person_federation` (`federation_id`), UNIQUE INDEX `uq_listed_person` (`phone_digest`, `federation_id`, `role`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await queryRunner.query(
      'CREATE TABLE `import_run` (`id` varchar(36) NOT NULL, `county_id` varchar(6) NOT NULL, `kind` varchar(10) NOT NULL, `format` varchar(4) NOT NULL, `encoding` varchar(10) NULL, `file_sha256` varchar(64) NOT NULL, `row_count` int NOT NULL, `created_count` int NOT NULL, `changed_count` int NOT NULL, `left_count` int NOT NULL, `imported_by` varchar(36) NOT NULL, `imported_at` datetime(6) NOT NULL, INDEX `idx_import_run_county` (`county_id`, `imported_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await queryRunner.query('ALTER TABLE `site` ADD `opening_hours_text` varchar(100) NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `site` DROP COLUMN `opening_hours_text`');
    await queryRunner.query('DROP TABLE `import_run`');
    await queryRunner.query('DROP TABLE `listed_person`');
  }
}
