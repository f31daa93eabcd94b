import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Real names only: a person's name is her listed name, else one she set herself, else none. The
 * placeholders the service used to invent (「微信用户」 for every new WeChat user, and the markers
 * of women recorded by a chair and of deleted people, each recognisable by its other columns)
 * become NULL. A name the county's list gave her (she holds a role it listed under that very name)
 * is marked as listed, so that she cannot replace it. SQLite cannot drop NOT NULL in place: the
 * table is rebuilt.
 */
export class RealNames1766300000000 implements MigrationInterface {
  name = 'RealNames1766300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "uq_user_demo_key"');
    await queryRunner.query('DROP INDEX "uq_user_openid"');
    await queryRunner.query(
      `CREATE TABLE "temporary_app_user" ("id" varchar(36) PRIMARY KEY NOT NULL, "openid" varchar(64), "wechat_session_key_enc" varchar(255), "display_name" varchar(40), "home_federation_id" varchar(12), "demo_key" varchar(32), "demo_description" varchar(100), "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "name_enc" text, "deleted_at" datetime(6), "token_generation" integer NOT NULL DEFAULT (0), "name_listed" boolean NOT NULL DEFAULT (0))`,
    );
    await queryRunner.query(
      'INSERT INTO "temporary_app_user"("id", "openid", "wechat_session_key_enc", "display_name", "home_federation_id", "demo_key", "demo_description", "created_at", "updated_at", "name_enc", "deleted_at", "token_generation") SELECT "id", "openid", "wechat_session_key_enc", "display_name", "home_federation_id", "demo_key", "demo_description", "created_at", "updated_at", "name_enc", "deleted_at", "token_generation" FROM "app_user"',
    );
    await queryRunner.query('DROP TABLE "app_user"');
    await queryRunner.query('ALTER TABLE "temporary_app_user" RENAME TO "app_user"');
    await queryRunner.query('CREATE UNIQUE INDEX "uq_user_demo_key" ON "app_user" ("demo_key") ');
    await queryRunner.query('CREATE UNIQUE INDEX "uq_user_openid" ON "app_user" ("openid") ');
    await queryRunner.query(
      `UPDATE "app_user" SET "display_name" = NULL WHERE "display_name" = '微信用户' OR ("display_name" = '已注销用户' AND "deleted_at" IS NOT NULL) OR ("display_name" = '代登记的居民' AND "name_enc" IS NOT NULL AND "openid" IS NULL)`,
    );
    await queryRunner.query(
      'UPDATE "app_user" SET "name_listed" = 1 WHERE "display_name" IS NOT NULL AND EXISTS (SELECT 1 FROM "role_assignment" r JOIN "listed_person" l ON l."federation_id" = r."federation_id" AND l."role" = r."role" WHERE r."user_id" = "app_user"."id" AND l."name" = "app_user"."display_name")',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "app_user" SET "display_name" = '微信用户' WHERE "display_name" IS NULL`);
    await queryRunner.query('DROP INDEX "uq_user_demo_key"');
    await queryRunner.query('DROP INDEX "uq_user_openid"');
    await queryRunner.query(
      `CREATE TABLE "temporary_app_user" ("id" varchar(36) PRIMARY KEY NOT NULL, "openid" varchar(64), "wechat_session_key_enc" varchar(255), "display_name" varchar(40) NOT NULL, "home_federation_id" varchar(12), "demo_key" varchar(32), "demo_description" varchar(100), "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "name_enc" text, "deleted_at" datetime(6), "token_generation" integer NOT NULL DEFAULT (0))`,
    );
    await queryRunner.query(
      'INSERT INTO "temporary_app_user"("id", "openid", "wechat_session_key_enc", "display_name", "home_federation_id", "demo_key", "demo_description", "created_at", "updated_at", "name_enc", "deleted_at", "token_generation") SELECT "id", "openid", "wechat_session_key_enc", "display_name", "home_federation_id", "demo_key", "demo_description", "created_at", "updated_at", "name_enc", "deleted_at", "token_generation" FROM "app_user"',
    );
    await queryRunner.query('DROP TABLE "app_user"');
    await queryRunner.query('ALTER TABLE "temporary_app_user" RENAME TO "app_user"');
    await queryRunner.query('CREATE UNIQUE INDEX "uq_user_demo_key" ON "app_user" ("demo_key") ');
    await queryRunner.query('CREATE UNIQUE INDEX "uq_user_openid" ON "app_user" ("openid") ');
  }
}
