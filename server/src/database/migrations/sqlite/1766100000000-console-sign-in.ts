import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The PC console's QR sign-in: one row per PC asking (shared by every instance), and on refresh
 * tokens the PC session they belong to, with its hard end carried through rotation.
 */
export class ConsoleSignIn1766100000000 implements MigrationInterface {
  name = 'ConsoleSignIn1766100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "console_sign_in" ("id" varchar(22) PRIMARY KEY NOT NULL, "poll_token_hash" varchar(64) NOT NULL, "state" varchar(12) NOT NULL, "browser" varchar(60) NOT NULL, "ip_address" varchar(45) NOT NULL, "user_id" varchar(36), "requested_at" datetime(6) NOT NULL, "expires_at" datetime(6) NOT NULL, "confirmed_at" datetime(6), "signed_in_at" datetime(6))',
    );
    await queryRunner.query('CREATE INDEX "idx_console_sign_in_user" ON "console_sign_in" ("user_id", "signed_in_at")');
    await queryRunner.query('CREATE INDEX "idx_console_sign_in_expires" ON "console_sign_in" ("expires_at")');
    await queryRunner.query('ALTER TABLE "refresh_token" ADD COLUMN "console_session_id" varchar(22)');
    await queryRunner.query('ALTER TABLE "refresh_token" ADD COLUMN "session_ends_at" datetime(6)');
    await queryRunner.query('CREATE INDEX "idx_refresh_token_console_session" ON "refresh_token" ("console_session_id")');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "idx_refresh_token_console_session"');
    await queryRunner.query('ALTER TABLE "refresh_token" DROP COLUMN "session_ends_at"');
    await queryRunner.query('ALTER TABLE "refresh_token" DROP COLUMN "console_session_id"');
    await queryRunner.query('DROP TABLE "console_sign_in"');
  }
}
