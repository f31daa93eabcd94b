import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Activities and their sign-ups (seats, waiting list, check-in). */
export class Activities1765100000000 implements MigrationInterface {
  name = 'Activities1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "activity" ("id" varchar(36) PRIMARY KEY NOT NULL, "federation_id" varchar(12) NOT NULL, "title" varchar(60) NOT NULL, "description" text NOT NULL, "category" varchar(20) NOT NULL, "site_id" varchar(36), "address" varchar(200) NOT NULL, "latitude" double NOT NULL, "longitude" double NOT NULL, "starts_at" datetime(6) NOT NULL, "ends_at" datetime(6) NOT NULL, "signup_opens_at" datetime(6) NOT NULL, "signup_closes_at" datetime(6) NOT NULL, "capacity" integer NOT NULL, "reserved_seats" integer NOT NULL DEFAULT (0), "public_taken" integer NOT NULL DEFAULT (0), "reserved_taken" integer NOT NULL DEFAULT (0), "waitlist_length" integer NOT NULL DEFAULT (0), "signup_seq" integer NOT NULL DEFAULT (0), "relatives_allowed" boolean NOT NULL DEFAULT (0), "status" varchar(10) NOT NULL, "cancel_reason" varchar(200), "created_by" varchar(36) NOT NULL, "published_at" datetime(6), "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query('CREATE INDEX "idx_activity_location" ON "activity" ("status", "latitude", "longitude")');
    await queryRunner.query('CREATE INDEX "idx_activity_body" ON "activity" ("federation_id", "starts_at")');
    await queryRunner.query('CREATE INDEX "idx_activity_upcoming" ON "activity" ("status", "ends_at")');
    await queryRunner.query(
      'CREATE TABLE "activity_signup" ("id" varchar(36) PRIMARY KEY NOT NULL, "activity_id" varchar(36) NOT NULL, "owner_user_id" varchar(36), "added_by_user_id" varchar(36), "kind" varchar(10) NOT NULL, "state" varchar(12) NOT NULL, "active_key" varchar(80), "attendee_enc" text, "seq" integer NOT NULL, "short_code" varchar(6) NOT NULL, "holds_reserved" boolean NOT NULL DEFAULT (0), "checked_in_at" datetime(6), "checked_in_by" varchar(36), "promoted_at" datetime(6), "cancelled_at" datetime(6), "created_at" datetime(6) NOT NULL)',
    );
    await queryRunner.query('CREATE INDEX "idx_signup_owner" ON "activity_signup" ("owner_user_id", "created_at")');
    await queryRunner.query('CREATE INDEX "idx_signup_waitlist" ON "activity_signup" ("activity_id", "state", "seq")');
    await queryRunner.query('CREATE UNIQUE INDEX "uq_signup_short_code" ON "activity_signup" ("activity_id", "short_code")');
    await queryRunner.query('CREATE UNIQUE INDEX "uq_signup_active" ON "activity_signup" ("activity_id", "active_key")');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "activity_signup"');
    await queryRunner.query('DROP TABLE "activity"');
  }
}
