import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Imports from a county's spreadsheets: the people it lists (phone encrypted, found by a keyed
 * digest), a record of each committed import, and a site's opening hours as the sheet wrote them.
 */
export class Onboarding1765900000000 implements MigrationInterface {
  name = 'Onboarding1765900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "listed_person" ("id" varchar(36) PRIMARY KEY NOT NULL, "name" varchar(40) NOT NULL, "phone_enc" text NOT NULL, "phone_digest" varchar(64) NOT NULL, "federation_id" varchar(12) NOT NULL, "role" varchar(16) NOT NULL, "imported_by" varchar(36), "created_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "uq_listed_person" ON "listed_person" ("phone_digest", "federation_id", "role")');
    await queryRunner.query('CREATE INDEX "idx_listed_person_federation" ON "listed_person" ("federation_id")');
    await queryRunner.query(
      'CREATE TABLE "import_run" ("id" varchar(36) PRIMARY KEY NOT NULL, "county_id" varchar(6) NOT NULL, "kind" varchar(10) NOT NULL, "format" varchar(4) NOT NULL, "encoding" varchar(10), "file_sha256" varchar(64) NOT NULL, "row_count" integer NOT NULL, "created_count" integer NOT NULL, "changed_count" integer NOT NULL, "left_count" integer NOT NULL, "imported_by" varchar(36) NOT NULL, "imported_at" datetime(6) NOT NULL)',
    );
    await queryRunner.query('CREATE INDEX "idx_import_run_county" ON "import_run" ("county_id", "imported_at")');
    await queryRunner.query('ALTER TABLE "site" ADD COLUMN "opening_hours_text" varchar(100)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "site" DROP COLUMN "opening_hours_text"');
    await queryRunner.query('DROP TABLE "import_run"');
    await queryRunner.query('DROP TABLE "listed_person"');
  }
}
