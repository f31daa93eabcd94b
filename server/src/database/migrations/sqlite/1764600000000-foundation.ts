import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Regions and bodies, people and their roles, refresh tokens and sites. */
export class Foundation1764600000000 implements MigrationInterface {
  name = 'Foundation1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "refresh_token" ("id" varchar(36) PRIMARY KEY NOT NULL, "user_id" varchar(36) NOT NULL, "token_hash" varchar(64) NOT NULL, "expires_at" datetime(6) NOT NULL, "used_at" datetime(6), "created_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'CREATE INDEX "idx_refresh_token_user" ON "refresh_token" ("user_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_refresh_token_hash" ON "refresh_token" ("token_hash") ',
    );
    await queryRunner.query(
      'CREATE TABLE "federation" ("id" varchar(12) PRIMARY KEY NOT NULL, "name" varchar(80) NOT NULL, "region_name" varchar(64) NOT NULL, "level" varchar(10) NOT NULL, "parent_id" varchar(12), "active" boolean NOT NULL DEFAULT (1), "address" varchar(200), "phone" varchar(32), "office_hours" varchar(100), "created_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'CREATE INDEX "idx_federation_parent" ON "federation" ("parent_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "region" ("code" varchar(12) PRIMARY KEY NOT NULL, "name" varchar(64) NOT NULL, "level" varchar(10) NOT NULL, "parent_code" varchar(12))',
    );
    await queryRunner.query(
      'CREATE INDEX "idx_region_parent" ON "region" ("parent_code") ',
    );
    await queryRunner.query(
      'CREATE TABLE "role_assignment" ("id" varchar(36) PRIMARY KEY NOT NULL, "user_id" varchar(36) NOT NULL, "federation_id" varchar(12) NOT NULL, "role" varchar(16) NOT NULL, "granted_by" varchar(36), "granted_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "revoked_at" datetime(6))',
    );
    await queryRunner.query(
      'CREATE INDEX "idx_role_user" ON "role_assignment" ("user_id", "revoked_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "idx_role_federation" ON "role_assignment" ("federation_id", "revoked_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "site" ("id" varchar(36) PRIMARY KEY NOT NULL, "federation_id" varchar(12) NOT NULL, "kind" varchar(24) NOT NULL, "name" varchar(80) NOT NULL, "address" varchar(200) NOT NULL, "latitude" double NOT NULL, "longitude" double NOT NULL, "phone" varchar(32), "opening_hours" text NOT NULL, "services" text NOT NULL, "chair_public_name" varchar(40), "photo_url" varchar(500), "active" boolean NOT NULL DEFAULT (1), "is_demo" boolean NOT NULL DEFAULT (0), "created_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'CREATE INDEX "idx_site_federation" ON "site" ("federation_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "app_user" ("id" varchar(36) PRIMARY KEY NOT NULL, "openid" varchar(64), "wechat_session_key_enc" varchar(255), "display_name" varchar(40) NOT NULL, "home_federation_id" varchar(12), "demo_key" varchar(32), "demo_description" varchar(100), "created_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_user_openid" ON "app_user" ("openid") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_user_demo_key" ON "app_user" ("demo_key") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "app_user"');
    await queryRunner.query('DROP TABLE "site"');
    await queryRunner.query('DROP TABLE "role_assignment"');
    await queryRunner.query('DROP TABLE "region"');
    await queryRunner.query('DROP TABLE "federation"');
    await queryRunner.query('DROP TABLE "refresh_token"');
  }
}
