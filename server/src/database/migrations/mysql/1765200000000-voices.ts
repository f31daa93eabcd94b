import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Women's voices: concerns with co-signatures and answers, council agendas and minutes, contact rosters. */
export class Voices1765200000000 implements MigrationInterface {
  name = 'Voices1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE `concern` (`id` varchar(36) NOT NULL, `federation_id` varchar(12) NOT NULL, `author_user_id` varchar(36) NOT NULL, `show_author_name` tinyint NOT NULL DEFAULT 0, `title` varchar(40) NOT NULL, `description` text NOT NULL, `photo_url` varchar(500) NULL, `status` varchar(12) NOT NULL, `cosign_count` int NOT NULL DEFAULT \'0\', `decline_reason` varchar(300) NULL, `merged_into_id` varchar(36) NULL, `created_at` datetime(6) NOT NULL, `published_at` datetime(6) NULL, INDEX `idx_concern_author` (`author_user_id`, `created_at`), INDEX `idx_concern_body` (`federation_id`, `status`, `created_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci');
    await queryRunner.query('CREATE TABLE `concern_cosign` (`concern_id` varchar(36) NOT NULL, `user_id` varchar(36) NOT NULL, `created_at` datetime(6) NOT NULL, PRIMARY KEY (`concern_id`, `user_id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci');
    await queryRunner.query('CREATE TABLE `concern_update` (`id` varchar(36) NOT NULL, `concern_id` varchar(36) NOT NULL, `status` varchar(12) NOT NULL, `text` text NOT NULL, `meeting_id` varchar(36) NULL, `by_user_id` varchar(36) NOT NULL, `at` datetime(6) NOT NULL, INDEX `idx_concern_update_concern` (`concern_id`, `at`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci');
    await queryRunner.query('CREATE TABLE `council_agenda_item` (`activity_id` varchar(36) NOT NULL, `concern_id` varchar(36) NOT NULL, `position` int NOT NULL, PRIMARY KEY (`activity_id`, `concern_id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci');
    await queryRunner.query('CREATE TABLE `council_minutes` (`activity_id` varchar(36) NOT NULL, `minutes` text NOT NULL, `recorded_by` varchar(36) NOT NULL, `recorded_at` datetime(6) NOT NULL, PRIMARY KEY (`activity_id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci');
    await queryRunner.query('CREATE TABLE `roster_entry` (`id` varchar(36) NOT NULL, `federation_id` varchar(12) NOT NULL, `member_user_id` varchar(36) NOT NULL, `woman_user_id` varchar(36) NULL, `person_key` varchar(80) NOT NULL, `name_enc` text NOT NULL, `phone_enc` text NULL, `tags_enc` text NOT NULL, `needs_care` tinyint NOT NULL DEFAULT 0, `care_every_weeks` int NOT NULL, `joined_by` varchar(10) NOT NULL, `consent_at` datetime(6) NOT NULL, `last_contact_date` varchar(10) NULL, `care_due_at` datetime(6) NULL, `created_at` datetime(6) NOT NULL, UNIQUE INDEX `uq_roster_person` (`member_user_id`, `person_key`), INDEX `idx_roster_care_due` (`care_due_at`), INDEX `idx_roster_member` (`federation_id`, `member_user_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci');
    await queryRunner.query('CREATE TABLE `roster_contact` (`id` varchar(36) NOT NULL, `entry_id` varchar(36) NOT NULL, `date` varchar(10) NOT NULL, `method` varchar(10) NOT NULL, `note_enc` text NULL, `request_filed` tinyint NOT NULL DEFAULT 0, `created_at` datetime(6) NOT NULL, INDEX `idx_roster_contact_entry` (`entry_id`, `date`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci');
    await queryRunner.query('CREATE TABLE `roster_invitation` (`code_hash` varchar(64) NOT NULL, `federation_id` varchar(12) NOT NULL, `member_user_id` varchar(36) NOT NULL, `expires_at` datetime(6) NOT NULL, `used_at` datetime(6) NULL, PRIMARY KEY (`code_hash`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `roster_invitation`');
    await queryRunner.query('DROP TABLE `roster_contact`');
    await queryRunner.query('DROP TABLE `roster_entry`');
    await queryRunner.query('DROP TABLE `council_minutes`');
    await queryRunner.query('DROP TABLE `council_agenda_item`');
    await queryRunner.query('DROP TABLE `concern_update`');
    await queryRunner.query('DROP TABLE `concern_cosign`');
    await queryRunner.query('DROP TABLE `concern`');
  }
}
