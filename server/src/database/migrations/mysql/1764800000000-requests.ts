import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Service requests: the catalogue, routing rules, requests and their events, the outbox, the audit log, chair absences. */
export class Requests1764800000000 implements MigrationInterface {
  name = 'Requests1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `audit_log` (`id` varchar(36) NOT NULL, `at` datetime(6) NOT NULL, `actor_user_id` varchar(36) NULL, `action` varchar(40) NOT NULL, `subject_type` varchar(30) NOT NULL, `subject_id` varchar(36) NOT NULL, `federation_id` varchar(12) NULL, INDEX `idx_audit_at` (`at`), INDEX `idx_audit_subject` (`subject_type`, `subject_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci");
    await queryRunner.query("CREATE TABLE `chair_absence` (`id` varchar(36) NOT NULL, `federation_id` varchar(12) NOT NULL, `chair_user_id` varchar(36) NOT NULL, `deputy_user_id` varchar(36) NULL, `away_from` datetime(6) NOT NULL, `away_until` datetime(6) NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `idx_chair_absence_body` (`federation_id`, `away_until`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci");
    await queryRunner.query("CREATE TABLE `outbox` (`id` varchar(36) NOT NULL, `dedupe_key` varchar(120) NOT NULL, `recipient_user_id` varchar(36) NOT NULL, `topic` varchar(40) NOT NULL, `payload` text NOT NULL, `status` varchar(10) NOT NULL, `attempts` int NOT NULL DEFAULT '0', `deliver_after` datetime(6) NOT NULL, `last_error` varchar(300) NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `sent_at` datetime(6) NULL, UNIQUE INDEX `uq_outbox_dedupe` (`dedupe_key`), INDEX `idx_outbox_due` (`status`, `deliver_after`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci");
    await queryRunner.query("CREATE TABLE `request_event` (`id` varchar(36) NOT NULL, `request_id` varchar(36) NOT NULL, `seq` int NOT NULL, `at` datetime(6) NOT NULL, `action` varchar(20) NOT NULL, `actor_kind` varchar(10) NOT NULL, `actor_user_id` varchar(36) NULL, `actor_federation_id` varchar(12) NULL, `federation_id` varchar(12) NOT NULL, `from_state` varchar(16) NULL, `to_state` varchar(16) NOT NULL, `note_enc` text NULL, UNIQUE INDEX `uq_request_event_seq` (`request_id`, `seq`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci");
    await queryRunner.query("CREATE TABLE `routing_rule` (`id` varchar(36) NOT NULL, `region_prefix` varchar(12) NOT NULL, `category_key` varchar(32) NOT NULL, `target_federation_id` varchar(12) NOT NULL, `label` varchar(80) NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `idx_routing_rule_category` (`category_key`, `region_prefix`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci");
    await queryRunner.query("CREATE TABLE `service_category` (`key` varchar(32) NOT NULL, `name` varchar(40) NOT NULL, `description` varchar(300) NOT NULL, `sensitive` tinyint NOT NULL DEFAULT 0, `handling_level` varchar(10) NOT NULL, `first_response_hours` double NOT NULL, `resolution_hours` double NOT NULL, `questions` text NOT NULL, `sort_order` int NOT NULL DEFAULT '0', PRIMARY KEY (`key`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci");
    await queryRunner.query("CREATE TABLE `service_request` (`id` varchar(36) NOT NULL, `woman_user_id` varchar(36) NOT NULL, `category_key` varchar(32) NOT NULL, `sensitive` tinyint NOT NULL DEFAULT 0, `urgent` tinyint NOT NULL DEFAULT 0, `on_behalf` tinyint NOT NULL DEFAULT 0, `home_federation_id` varchar(12) NOT NULL, `federation_id` varchar(12) NOT NULL, `involved_federation_ids` varchar(300) NOT NULL, `site_id` varchar(36) NULL, `state` varchar(16) NOT NULL, `description_enc` text NOT NULL, `answers_enc` text NOT NULL, `contact_enc` text NOT NULL, `routing_reason` varchar(500) NOT NULL, `first_response_due_at` datetime(6) NULL, `resolution_due_at` datetime(6) NULL, `next_due_at` datetime(6) NULL, `first_responded_at` datetime(6) NULL, `resolved_at` datetime(6) NULL, `escalations` int NOT NULL DEFAULT '0', `rating` varchar(16) NULL, `helped` tinyint NULL, `rating_comment_enc` text NULL, `ratings_given` int NOT NULL DEFAULT '0', `rating_code_hash` varchar(64) NULL, `idempotency_key` varchar(64) NULL, `idempotency_digest` varchar(64) NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `version` int NOT NULL, UNIQUE INDEX `uq_request_idempotency` (`woman_user_id`, `idempotency_key`), INDEX `idx_request_woman` (`woman_user_id`, `created_at`), INDEX `idx_request_body_state` (`federation_id`, `state`), INDEX `idx_request_due` (`next_due_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `idx_request_due` ON `service_request`");
    await queryRunner.query("DROP INDEX `idx_request_body_state` ON `service_request`");
    await queryRunner.query("DROP INDEX `idx_request_woman` ON `service_request`");
    await queryRunner.query("DROP INDEX `uq_request_idempotency` ON `service_request`");
    await queryRunner.query("DROP TABLE `service_request`");
    await queryRunner.query("DROP TABLE `service_category`");
    await queryRunner.query("DROP INDEX `idx_routing_rule_category` ON `routing_rule`");
    await queryRunner.query("DROP TABLE `routing_rule`");
    await queryRunner.query("DROP INDEX `uq_request_event_seq` ON `request_event`");
    await queryRunner.query("DROP TABLE `request_event`");
    await queryRunner.query("DROP INDEX `idx_outbox_due` ON `outbox`");
    await queryRunner.query("DROP INDEX `uq_outbox_dedupe` ON `outbox`");
    await queryRunner.query("DROP TABLE `outbox`");
    await queryRunner.query("DROP INDEX `idx_chair_absence_body` ON `chair_absence`");
    await queryRunner.query("DROP TABLE `chair_absence`");
    await queryRunner.query("DROP INDEX `idx_audit_subject` ON `audit_log`");
    await queryRunner.query("DROP INDEX `idx_audit_at` ON `audit_log`");
    await queryRunner.query("DROP TABLE `audit_log`");
  }
}
