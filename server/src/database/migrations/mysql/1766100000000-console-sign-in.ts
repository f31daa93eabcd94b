import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The PC console's QR sign-in: one row per PC asking (shared by every instance), and on refresh
 * tokens the PC session they belong to, with its hard end carried through rotation.
 */
export class ConsoleSignIn1766100000000 implements MigrationInterface {
  name = 'ConsoleSignIn1766100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `console_sign_in` (`id` varchar(22) NOT NULL, `poll_token_hash` varchar(64) NOT NULL, `state` varchar(12) NOT NULL, `browser` varchar(60) NOT NULL, `ip_address` varchar(45) NOT NULL, `user_id` varchar(36) NULL, `requested_at` datetime(6) NOT NULL, `expires_at` datetime(6) NOT NULL, `confirmed_at` datetime(6) NULL, `signed_in_at` datetime(6) NULL, INDEX `idx_console_sign_in_user` (`user_id`, `signed_in_at`), INDEX `idx_console_sign_in_expires` (`expires_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await queryRunner.query('ALTER TABLE `refresh_token` ADD `console_session_id` varchar(22) NULL, ADD `session_ends_at` datetime(6) NULL');
    await queryRunner.query('CREATE INDEX `idx_refresh_token_console_session` ON `refresh_token` (`console_session_id`)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `idx_refresh_token_console_session` ON `refresh_token`');
    await queryRunner.query('ALTER TABLE `refresh_token` DROP COLUMN `session_ends_at`, DROP COLUMN `console_session_id`');
    await queryRunner.query('DROP TABLE `console_sign_in`');
  }
}
