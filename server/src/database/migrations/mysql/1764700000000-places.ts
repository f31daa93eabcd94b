import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Office locations of bodies, and one-day exceptions to a site's opening hours. */
export class Places1764700000000 implements MigrationInterface {
  name = 'Places1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `federation` ADD `latitude` double NULL, ADD `longitude` double NULL, ADD `location_is_demo` tinyint NOT NULL DEFAULT 0');
    await queryRunner.query('ALTER TABLE `site` ADD `opening_exceptions` text NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `site` DROP COLUMN `opening_exceptions`');
    await queryRunner.query('ALTER TABLE `federation` DROP COLUMN `location_is_demo`, DROP COLUMN `longitude`, DROP COLUMN `latitude`');
  }
}
