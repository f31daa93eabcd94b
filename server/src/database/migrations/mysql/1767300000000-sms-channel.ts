import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Text messages as a second channel: which channel each message went by and what the provider
 * answered, her 不要短信, and an index to count the texts a person had today (our own rate limit).
 */
export class SmsChannel1767300000000 implements MigrationInterface {
  name = 'SmsChannel1767300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `outbox` ADD `channel` varchar(8) NULL, ADD `provider_answer` varchar(200) NULL');
    await queryRunner.query('CREATE INDEX `idx_outbox_recipient_channel` ON `outbox` (`recipient_user_id`, `channel`, `claimed_at`)');
    await queryRunner.query(
      'CREATE TABLE `sms_preference` (`user_id` varchar(36) NOT NULL, `enabled` tinyint NOT NULL, `recorded_by` varchar(36) NOT NULL, `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), PRIMARY KEY (`user_id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `sms_preference`');
    await queryRunner.query('DROP INDEX `idx_outbox_recipient_channel` ON `outbox`');
    await queryRunner.query('ALTER TABLE `outbox` DROP COLUMN `provider_answer`, DROP COLUMN `channel`');
  }
}
