import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Text messages as a second channel: which channel each message went by and what the provider
 * answered, her 不要短信, and an index to count the texts a person had today (our own rate limit).
 */
export class SmsChannel1767300000000 implements MigrationInterface {
  name = 'SmsChannel1767300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "outbox" ADD COLUMN "channel" varchar(8)');
    await queryRunner.query('ALTER TABLE "outbox" ADD COLUMN "provider_answer" varchar(200)');
    await queryRunner.query('CREATE INDEX "idx_outbox_recipient_channel" ON "outbox" ("recipient_user_id", "channel", "claimed_at")');
    await queryRunner.query(
      `CREATE TABLE "sms_preference" ("user_id" varchar(36) PRIMARY KEY NOT NULL, "enabled" boolean NOT NULL, "recorded_by" varchar(36) NOT NULL, "updated_at" datetime(6) NOT NULL DEFAULT (datetime('now')))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "sms_preference"');
    await queryRunner.query('DROP INDEX "idx_outbox_recipient_channel"');
    await queryRunner.query('ALTER TABLE "outbox" DROP COLUMN "provider_answer"');
    await queryRunner.query('ALTER TABLE "outbox" DROP COLUMN "channel"');
  }
}
