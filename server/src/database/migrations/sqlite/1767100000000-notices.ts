import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notices a body publishes to its subtree, and who opened one (with her body then), so that reach
 * per body can be counted. The primary key of `notice_read` makes a second opening count nothing.
 */
export class Notices1767100000000 implements MigrationInterface {
  name = 'Notices1767100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notice" ("id" varchar(36) PRIMARY KEY NOT NULL, "federation_id" varchar(12) NOT NULL, "kind" varchar(12) NOT NULL, "title" varchar(60) NOT NULL, "body_source" text NOT NULL, "body_format" varchar(8) NOT NULL, "body_html" text NOT NULL, "state" varchar(12) NOT NULL, "publish_at" datetime(6), "withdrawn_at" datetime(6), "author_user_id" varchar(36) NOT NULL, "created_at" datetime(6) NOT NULL, "updated_at" datetime(6) NOT NULL)`,
    );
    await queryRunner.query('CREATE INDEX "idx_notice_body" ON "notice" ("federation_id", "state", "publish_at") ');
    await queryRunner.query(
      `CREATE TABLE "notice_read" ("notice_id" varchar(36) NOT NULL, "user_id" varchar(36) NOT NULL, "federation_id" varchar(12) NOT NULL, "read_at" datetime(6) NOT NULL, PRIMARY KEY ("notice_id", "user_id"))`,
    );
    await queryRunner.query('CREATE INDEX "idx_notice_read_body" ON "notice_read" ("notice_id", "federation_id") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "idx_notice_read_body"');
    await queryRunner.query('DROP TABLE "notice_read"');
    await queryRunner.query('DROP INDEX "idx_notice_body"');
    await queryRunner.query('DROP TABLE "notice"');
  }
}
