import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Holidays and 调休 workdays county admins enter for years the built-in calendar lacks. */
export class HolidayEntries1765800000000 implements MigrationInterface {
  name = 'HolidayEntries1765800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `holiday_entry` (`date` varchar(10) NOT NULL, `year` int NOT NULL, `kind` varchar(10) NOT NULL, `name` varchar(20) NOT NULL, `entered_by` varchar(36) NOT NULL, `entered_at` datetime(6) NOT NULL, INDEX `idx_holiday_entry_year` (`year`), PRIMARY KEY (`date`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `holiday_entry`');
  }
}
