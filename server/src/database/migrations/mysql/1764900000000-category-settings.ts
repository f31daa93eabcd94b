import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Counties' own handling levels and deadlines per category. */
export class CategorySettings1764900000000 implements MigrationInterface {
  name = 'CategorySettings1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `category_setting` (`county_id` varchar(12) NOT NULL, `category_key` varchar(32) NOT NULL, `handling_level` varchar(10) NOT NULL, `first_response_hours` double NOT NULL, `resolution_hours` double NOT NULL, `updated_by` varchar(36) NOT NULL, `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), PRIMARY KEY (`county_id`, `category_key`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `category_setting`');
  }
}
