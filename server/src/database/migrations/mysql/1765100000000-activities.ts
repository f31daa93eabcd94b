import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Activities and their sign-ups (seats, waiting list, check-in). */
export class Activities1765100000000 implements MigrationInterface {
  name = 'Activities1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TABLE `activity` (`id` varchar(36) NOT NULL, `federation_id` varchar(12) NOT NULL, `title` varchar(60) NOT NULL, `description` text NOT NULL, `category` varchar(20) NOT NULL, `site_id` varchar(36) NULL, `address` varchar(200) NOT NULL, `latitude` double NOT NULL, `longitude` double NOT NULL, `starts_at` datetime(6) NOT NULL, `ends_at` datetime(6) NOT NULL, `signup_opens_at` datetime(6) NOT NULL, `signup_closes_at` datetime(6) NOT NULL, `capacity` int NOT NULL, `reserved_seats` int NOT NULL DEFAULT '0', `public_taken` int NOT NULL DEFAULT '0', `reserved_taken` int NOT NULL DEFAULT '0', `waitlist_length` int NOT NULL DEFAULT '0', `signup_seq` int NOT NULL DEFAULT '0', `relatives_allowed` tinyint NOT NULL DEFAULT 0, `status` varchar(10) NOT NULL, `cancel_reason` varchar(200) NULL, `created_by` varchar(36) NOT NULL, `published_at` datetime(6) NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `idx_activity_location` (`status`, `latitude`, `longitude`), INDEX `idx_activity_body` (`federation_id`, `starts_at`), INDEX `idx_activity_upcoming` (`status`, `ends_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
    );
    await queryRunner.query(
      "CREATE TABLE `activity_signup` (`id` varchar(36) NOT NULL, `activity_id` varchar(36) NOT NULL, `owner_user_id` varchar(36) NULL, `added_by_user_id` varchar(36) NULL, `kind` varchar(10) NOT NULL, `state` varchar(12) NOT NULL, `active_key` varchar(80) NULL, `attendee_enc` text NULL, `seq` int NOT NULL, `short_code` varchar(6) NOT NULL, `holds_reserved` tinyint NOT NULL DEFAULT 0, `checked_in_at` datetime(6) NULL, `checked_in_by` varchar(36) NULL, `promoted_at` datetime(6) NULL, `cancelled_at` datetime(6) NULL, `created_at` datetime(6) NOT NULL, INDEX `idx_signup_owner` (`owner_user_id`, `created_at`), INDEX `idx_signup_waitlist` (`activity_id`, `state`, `seq`), UNIQUE INDEX `uq_signup_short_code` (`activity_id`, `short_code`), UNIQUE INDEX `uq_signup_active` (`activity_id`, `active_key`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `activity_signup`');
    await queryRunner.query('DROP TABLE `activity`');
  }
}
