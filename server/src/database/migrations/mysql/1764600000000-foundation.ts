import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Regions and bodies, people and their roles, refresh tokens and sites. */
export class Foundation1764600000000 implements MigrationInterface {
  name = 'Foundation1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `refresh_token` (`id` varchar(36) NOT NULL, `user_id` varchar(36) NOT NULL, `token_hash` varchar(64) NOT NULL, `expires_at` datetime(6) NOT NULL, `used_at` datetime(6) NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `idx_refresh_token_user` (`user_id`), UNIQUE INDEX `uq_refresh_token_hash` (`token_hash`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await queryRunner.query(
      'CREATE TABLE `federation` (`id` varchar(12) NOT NULL, `name` varchar(80) NOT NULL, `region_name` varchar(64) NOT NULL, `level` varchar(10) NOT NULL, `parent_id` varchar(12) NULL, `active` tinyint NOT NULL DEFAULT 1, `address` varchar(200) NULL, `phone` varchar(32) NULL, `office_hours` varchar(100) NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `idx_federation_parent` (`parent_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await queryRunner.query(
      'CREATE TABLE `region` (`code` varchar(12) NOT NULL, `name` varchar(64) NOT NULL, `level` varchar(10) NOT NULL, `parent_code` varchar(12) NULL, INDEX `idx_region_parent` (`parent_code`), PRIMARY KEY (`code`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await queryRunner.query(
      'CREATE TABLE `role_assignment` (`id` varchar(36) NOT NULL, `user_id` varchar(36) NOT NULL, `federation_id` varchar(12) NOT NULL, `role` varchar(16) NOT NULL, `granted_by` varchar(36) NULL, `granted_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `revoked_at` datetime(6) NULL, INDEX `idx_role_user` (`user_id`, `revoked_at`), INDEX `idx_role_federation` (`federation_id`, `revoked_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await queryRunner.query(
      'CREATE TABLE `site` (`id` varchar(36) NOT NULL, `federation_id` varchar(12) NOT NULL, `kind` varchar(24) NOT NULL, `name` varchar(80) NOT NULL, `address` varchar(200) NOT NULL, `latitude` double NOT NULL, `longitude` double NOT NULL, `phone` varchar(32) NULL, `opening_hours` text NOT NULL, `services` text NOT NULL, `chair_public_name` varchar(40) NULL, `photo_url` varchar(500) NULL, `active` tinyint NOT NULL DEFAULT 1, `is_demo` tinyint NOT NULL DEFAULT 0, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `idx_site_federation` (`federation_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await queryRunner.query(
      'CREATE TABLE `app_user` (`id` varchar(36) NOT NULL, `openid` varchar(64) NULL, `wechat_session_key_enc` varchar(255) NULL, `display_name` varchar(40) NOT NULL, `home_federation_id` varchar(12) NULL, `demo_key` varchar(32) NULL, `demo_description` varchar(100) NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `uq_user_openid` (`openid`), UNIQUE INDEX `uq_user_demo_key` (`demo_key`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `app_user`');
    await queryRunner.query('DROP TABLE `site`');
    await queryRunner.query('DROP TABLE `role_assignment`');
    await queryRunner.query('DROP TABLE `region`');
    await queryRunner.query('DROP TABLE `federation`');
    await queryRunner.query('DROP TABLE `refresh_token`');
  }
}
