import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Women's voices: concerns with co-signatures and answers, council agendas and minutes, contact rosters. */
export class Voices1765200000000 implements MigrationInterface {
  name = 'Voices1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE "concern" ("id" varchar(36) PRIMARY KEY NOT NULL, "federation_id" varchar(12) NOT NULL, "author_user_id" varchar(36) NOT NULL, "show_author_name" boolean NOT NULL DEFAULT (0), "title" varchar(40) NOT NULL, "description" text NOT NULL, "photo_url" varchar(500), "status" varchar(12) NOT NULL, "cosign_count" integer NOT NULL DEFAULT (0), "decline_reason" varchar(300), "merged_into_id" varchar(36), "created_at" datetime(6) NOT NULL, "published_at" datetime(6))');
    await queryRunner.query('CREATE INDEX "idx_concern_author" ON "concern" ("author_user_id", "created_at")');
    await queryRunner.query('CREATE INDEX "idx_concern_body" ON "concern" ("federation_id", "status", "created_at")');
    await queryRunner.query('CREATE TABLE "concern_cosign" ("concern_id" varchar(36) NOT NULL, "user_id" varchar(36) NOT NULL, "created_at" datetime(6) NOT NULL, PRIMARY KEY ("concern_id", "user_id"))');
    await queryRunner.query('CREATE TABLE "concern_update" ("id" varchar(36) PRIMARY KEY NOT NULL, "concern_id" varchar(36) NOT NULL, "status" varchar(12) NOT NULL, "text" text NOT NULL, "meeting_id" varchar(36), "by_user_id" varchar(36) NOT NULL, "at" datetime(6) NOT NULL)');
    await queryRunner.query('CREATE INDEX "idx_concern_update_concern" ON "concern_update" ("concern_id", "at")');
    await queryRunner.query('CREATE TABLE "council_agenda_item" ("activity_id" varchar(36) NOT NULL, "concern_id" varchar(36) NOT NULL, "position" integer NOT NULL, PRIMARY KEY ("activity_id", "concern_id"))');
    await queryRunner.query('CREATE TABLE "council_minutes" ("activity_id" varchar(36) PRIMARY KEY NOT NULL, "minutes" text NOT NULL, "recorded_by" varchar(36) NOT NULL, "recorded_at" datetime(6) NOT NULL)');
    await queryRunner.query('CREATE TABLE "roster_entry" ("id" varchar(36) PRIMARY KEY NOT NULL, "federation_id" varchar(12) NOT NULL, "member_user_id" varchar(36) NOT NULL, "woman_user_id" varchar(36), "person_key" varchar(80) NOT NULL, "name_enc" text NOT NULL, "phone_enc" text, "tags_enc" text NOT NULL, "needs_care" boolean NOT NULL DEFAULT (0), "care_every_weeks" integer NOT NULL, "joined_by" varchar(10) NOT NULL, "consent_at" datetime(6) NOT NULL, "last_contact_date" varchar(10), "care_due_at" datetime(6), "created_at" datetime(6) NOT NULL)');
    await queryRunner.query('CREATE UNIQUE INDEX "uq_roster_person" ON "roster_entry" ("member_user_id", "person_key")');
    await queryRunner.query('CREATE INDEX "idx_roster_care_due" ON "roster_entry" ("care_due_at")');
    await queryRunner.query('CREATE INDEX "idx_roster_member" ON "roster_entry" ("federation_id", "member_user_id")');
    await queryRunner.query('CREATE TABLE "roster_contact" ("id" varchar(36) PRIMARY KEY NOT NULL, "entry_id" varchar(36) NOT NULL, "date" varchar(10) NOT NULL, "method" varchar(10) NOT NULL, "note_enc" text, "request_filed" boolean NOT NULL DEFAULT (0), "created_at" datetime(6) NOT NULL)');
    await queryRunner.query('CREATE INDEX "idx_roster_contact_entry" ON "roster_contact" ("entry_id", "date")');
    await queryRunner.query('CREATE TABLE "roster_invitation" ("code_hash" varchar(64) PRIMARY KEY NOT NULL, "federation_id" varchar(12) NOT NULL, "member_user_id" varchar(36) NOT NULL, "expires_at" datetime(6) NOT NULL, "used_at" datetime(6))');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "roster_invitation"');
    await queryRunner.query('DROP TABLE "roster_contact"');
    await queryRunner.query('DROP TABLE "roster_entry"');
    await queryRunner.query('DROP TABLE "council_minutes"');
    await queryRunner.query('DROP TABLE "council_agenda_item"');
    await queryRunner.query('DROP TABLE "concern_update"');
    await queryRunner.query('DROP TABLE "concern_cosign"');
    await queryRunner.query('DROP TABLE "concern"');
  }
}
