import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the township and county views read (the first routed body, working-time durations kept at the
 * moment, registered women), one-time role invitations, and 投诉建议.
 */
export class CountyViews1765300000000 implements MigrationInterface {
  name = 'CountyViews1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `federation` ADD `registered_women` int NULL');
    await queryRunner.query(
      'ALTER TABLE `service_request` ADD `routed_federation_id` varchar(12) NULL, ADD `first_response_minutes` int NULL, ADD `first_response_on_time` tinyint NULL, ADD `resolution_minutes` int NULL, ADD `resolved_on_time` tinyint NULL',
    );
    // Requests from before: the body that holds them is the best guess of where they were routed.
    await queryRunner.query('UPDATE `service_request` SET `routed_federation_id` = `federation_id`');
    // Covering indexes: a township's year is read from the index alone, overdue counts too.
    await queryRunner.query(
      'CREATE INDEX `idx_request_stats` ON `service_request` (`routed_federation_id`, `created_at`, `category_key`, `first_response_minutes`, `first_response_on_time`, `resolution_minutes`, `resolved_on_time`, `escalations`, `rating`, `helped`)',
    );
    await queryRunner.query('DROP INDEX `idx_request_body_state` ON `service_request`');
    await queryRunner.query('CREATE INDEX `idx_request_body_state` ON `service_request` (`federation_id`, `state`, `next_due_at`)');
    await queryRunner.query('CREATE TABLE `feedback` (`id` varchar(36) NOT NULL, `kind` varchar(12) NOT NULL, `federation_id` varchar(12) NOT NULL, `county_id` varchar(6) NOT NULL, `author_user_id` varchar(36) NOT NULL, `text_enc` text NOT NULL, `contact_enc` text NULL, `status` varchar(10) NOT NULL, `reply_enc` text NULL, `created_at` datetime(6) NOT NULL, `answered_at` datetime(6) NULL, `answered_by` varchar(36) NULL, INDEX `idx_feedback_author` (`author_user_id`, `created_at`), INDEX `idx_feedback_county` (`county_id`, `status`, `created_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci');
    await queryRunner.query('CREATE TABLE `role_invitation` (`code_hash` varchar(64) NOT NULL, `federation_id` varchar(12) NOT NULL, `role` varchar(16) NOT NULL, `invitee_name` varchar(40) NOT NULL, `created_by` varchar(36) NOT NULL, `expires_at` datetime(6) NOT NULL, `used_at` datetime(6) NULL, `used_by` varchar(36) NULL, PRIMARY KEY (`code_hash`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `feedback`');
    await queryRunner.query('DROP TABLE `role_invitation`');
    await queryRunner.query('DROP INDEX `idx_request_body_state` ON `service_request`');
    await queryRunner.query('CREATE INDEX `idx_request_body_state` ON `service_request` (`federation_id`, `state`)');
    await queryRunner.query('DROP INDEX `idx_request_stats` ON `service_request`');
    await queryRunner.query(
      'ALTER TABLE `service_request` DROP COLUMN `resolved_on_time`, DROP COLUMN `resolution_minutes`, DROP COLUMN `first_response_on_time`, DROP COLUMN `first_response_minutes`, DROP COLUMN `routed_federation_id`',
    );
    await queryRunner.query('ALTER TABLE `federation` DROP COLUMN `registered_women`');
  }
}
