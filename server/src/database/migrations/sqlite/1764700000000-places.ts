import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Office locations of bodies, and one-day exceptions to a site's opening hours. */
export class Places1764700000000 implements MigrationInterface {
  name = 'Places1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "federation" ADD COLUMN "latitude" double');
    await queryRunner.query('ALTER TABLE "federation" ADD COLUMN "longitude" double');
    await queryRunner.query('ALTER TABLE "federation" ADD COLUMN "location_is_demo" boolean NOT NULL DEFAULT (0)');
    await queryRunner.query('ALTER TABLE "site" ADD COLUMN "opening_exceptions" text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "site" DROP COLUMN "opening_exceptions"');
    await queryRunner.query('ALTER TABLE "federation" DROP COLUMN "location_is_demo"');
    await queryRunner.query('ALTER TABLE "federation" DROP COLUMN "longitude"');
    await queryRunner.query('ALTER TABLE "federation" DROP COLUMN "latitude"');
  }
}
