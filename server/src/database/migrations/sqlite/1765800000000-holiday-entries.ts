import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Holidays and 调休 workdays county admins enter for years the built-in calendar lacks. */
export class HolidayEntries1765800000000 implements MigrationInterface {
  name = 'HolidayEntries1765800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "holiday_entry" ("date" varchar(10) PRIMARY KEY NOT NULL, "year" integer NOT NULL, "kind" varchar(10) NOT NULL, "name" varchar(20) NOT NULL, "entered_by" varchar(36) NOT NULL, "entered_at" datetime(6) NOT NULL)',
    );
    await queryRunner.query('CREATE INDEX "idx_holiday_entry_year" ON "holiday_entry" ("year") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "idx_holiday_entry_year"');
    await queryRunner.query('DROP TABLE "holiday_entry"');
  }
}
