import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A concern numbers its updates by a counter of its own, as a request numbers its events
 * (1765600000000): ordered by (at, id), two updates in the same instant came back in the order of
 * their random ids. Existing updates are numbered in the order they were shown until now. SQLite
 * cannot add a NOT NULL column without a default: the table is rebuilt.
 */
export class ConcernUpdateCounter1766200000000 implements MigrationInterface {
  name = 'ConcernUpdateCounter1766200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "concern" ADD COLUMN "last_update_seq" integer NOT NULL DEFAULT (0)');
    await queryRunner.query('DROP INDEX "idx_concern_update_concern"');
    await queryRunner.query(
      'CREATE TABLE "temporary_concern_update" ("id" varchar(36) PRIMARY KEY NOT NULL, "concern_id" varchar(36) NOT NULL, "status" varchar(12) NOT NULL, "text" text NOT NULL, "meeting_id" varchar(36), "by_user_id" varchar(36) NOT NULL, "at" datetime(6) NOT NULL, "seq" integer NOT NULL)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_concern_update"("id", "concern_id", "status", "text", "meeting_id", "by_user_id", "at", "seq") SELECT "id", "concern_id", "status", "text", "meeting_id", "by_user_id", "at", ROW_NUMBER() OVER (PARTITION BY "concern_id" ORDER BY "at", "id") FROM "concern_update"',
    );
    await queryRunner.query('DROP TABLE "concern_update"');
    await queryRunner.query('ALTER TABLE "temporary_concern_update" RENAME TO "concern_update"');
    await queryRunner.query('CREATE INDEX "idx_concern_update_concern" ON "concern_update" ("concern_id", "at") ');
    await queryRunner.query('CREATE UNIQUE INDEX "uq_concern_update_seq" ON "concern_update" ("concern_id", "seq") ');
    await queryRunner.query(
      'UPDATE "concern" SET "last_update_seq" = (SELECT COALESCE(MAX("seq"), 0) FROM "concern_update" WHERE "concern_update"."concern_id" = "concern"."id")',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "uq_concern_update_seq"');
    await queryRunner.query('ALTER TABLE "concern_update" DROP COLUMN "seq"');
    await queryRunner.query('ALTER TABLE "concern" DROP COLUMN "last_update_seq"');
  }
}
