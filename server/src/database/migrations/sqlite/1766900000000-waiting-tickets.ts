import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-ups that do not queue on one row (issue #18): joining a waiting list takes a ticket
 * (signup_ticket's auto-increment) instead of a counter on the activity's row, so the waiting list's
 * length is counted from the rows and activity.waitlist_length goes; a woman waiting holds no
 * check-in code until she is promoted to a seat. Tickets start after every number already handed
 * out, so the women waiting now keep their places ahead of those who join later.
 */
export class WaitingTickets1766900000000 implements MigrationInterface {
  name = 'WaitingTickets1766900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"uq_signup_active\"");
    await queryRunner.query("DROP INDEX \"uq_signup_short_code\"");
    await queryRunner.query("DROP INDEX \"idx_signup_waitlist\"");
    await queryRunner.query("DROP INDEX \"idx_signup_owner\"");
    await queryRunner.query("CREATE TABLE \"temporary_activity_signup\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"activity_id\" varchar(36) NOT NULL, \"owner_user_id\" varchar(36), \"added_by_user_id\" varchar(36), \"kind\" varchar(10) NOT NULL, \"state\" varchar(12) NOT NULL, \"active_key\" varchar(80), \"attendee_enc\" text, \"seq\" integer NOT NULL, \"short_code\" varchar(6) NOT NULL, \"holds_reserved\" boolean NOT NULL DEFAULT (0), \"checked_in_at\" datetime(6), \"checked_in_by\" varchar(36), \"promoted_at\" datetime(6), \"cancelled_at\" datetime(6), \"created_at\" datetime(6) NOT NULL)");
    await queryRunner.query("INSERT INTO \"temporary_activity_signup\"(\"id\", \"activity_id\", \"owner_user_id\", \"added_by_user_id\", \"kind\", \"state\", \"active_key\", \"attendee_enc\", \"seq\", \"short_code\", \"holds_reserved\", \"checked_in_at\", \"checked_in_by\", \"promoted_at\", \"cancelled_at\", \"created_at\") SELECT \"id\", \"activity_id\", \"owner_user_id\", \"added_by_user_id\", \"kind\", \"state\", \"active_key\", \"attendee_enc\", \"seq\", \"short_code\", \"holds_reserved\", \"checked_in_at\", \"checked_in_by\", \"promoted_at\", \"cancelled_at\", \"created_at\" FROM \"activity_signup\"");
    await queryRunner.query("DROP TABLE \"activity_signup\"");
    await queryRunner.query("ALTER TABLE \"temporary_activity_signup\" RENAME TO \"activity_signup\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_signup_active\" ON \"activity_signup\" (\"activity_id\", \"active_key\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_signup_short_code\" ON \"activity_signup\" (\"activity_id\", \"short_code\") ");
    await queryRunner.query("CREATE INDEX \"idx_signup_waitlist\" ON \"activity_signup\" (\"activity_id\", \"state\", \"seq\") ");
    await queryRunner.query("CREATE INDEX \"idx_signup_owner\" ON \"activity_signup\" (\"owner_user_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"signup_ticket\" (\"no\" integer PRIMARY KEY AUTOINCREMENT NOT NULL)");
    await queryRunner.query("DROP INDEX \"idx_activity_upcoming\"");
    await queryRunner.query("DROP INDEX \"idx_activity_body\"");
    await queryRunner.query("DROP INDEX \"idx_activity_location\"");
    await queryRunner.query("CREATE TABLE \"temporary_activity\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"federation_id\" varchar(12) NOT NULL, \"title\" varchar(60) NOT NULL, \"description\" text NOT NULL, \"category\" varchar(20) NOT NULL, \"site_id\" varchar(36), \"address\" varchar(200) NOT NULL, \"latitude\" double NOT NULL, \"longitude\" double NOT NULL, \"starts_at\" datetime(6) NOT NULL, \"ends_at\" datetime(6) NOT NULL, \"signup_opens_at\" datetime(6) NOT NULL, \"signup_closes_at\" datetime(6) NOT NULL, \"capacity\" integer NOT NULL, \"reserved_seats\" integer NOT NULL DEFAULT (0), \"public_taken\" integer NOT NULL DEFAULT (0), \"reserved_taken\" integer NOT NULL DEFAULT (0), \"signup_seq\" integer NOT NULL DEFAULT (0), \"relatives_allowed\" boolean NOT NULL DEFAULT (0), \"status\" varchar(10) NOT NULL, \"cancel_reason\" varchar(200), \"created_by\" varchar(36) NOT NULL, \"published_at\" datetime(6), \"created_at\" datetime(6) NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"temporary_activity\"(\"id\", \"federation_id\", \"title\", \"description\", \"category\", \"site_id\", \"address\", \"latitude\", \"longitude\", \"starts_at\", \"ends_at\", \"signup_opens_at\", \"signup_closes_at\", \"capacity\", \"reserved_seats\", \"public_taken\", \"reserved_taken\", \"signup_seq\", \"relatives_allowed\", \"status\", \"cancel_reason\", \"created_by\", \"published_at\", \"created_at\", \"updated_at\") SELECT \"id\", \"federation_id\", \"title\", \"description\", \"category\", \"site_id\", \"address\", \"latitude\", \"longitude\", \"starts_at\", \"ends_at\", \"signup_opens_at\", \"signup_closes_at\", \"capacity\", \"reserved_seats\", \"public_taken\", \"reserved_taken\", \"signup_seq\", \"relatives_allowed\", \"status\", \"cancel_reason\", \"created_by\", \"published_at\", \"created_at\", \"updated_at\" FROM \"activity\"");
    await queryRunner.query("DROP TABLE \"activity\"");
    await queryRunner.query("ALTER TABLE \"temporary_activity\" RENAME TO \"activity\"");
    await queryRunner.query("CREATE INDEX \"idx_activity_upcoming\" ON \"activity\" (\"status\", \"ends_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_activity_body\" ON \"activity\" (\"federation_id\", \"starts_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_activity_location\" ON \"activity\" (\"status\", \"latitude\", \"longitude\") ");
    await queryRunner.query("DROP INDEX \"uq_signup_short_code\"");
    await queryRunner.query("DROP INDEX \"uq_signup_active\"");
    await queryRunner.query("DROP INDEX \"idx_signup_waitlist\"");
    await queryRunner.query("DROP INDEX \"idx_signup_owner\"");
    await queryRunner.query("CREATE TABLE \"temporary_activity_signup\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"activity_id\" varchar(36) NOT NULL, \"owner_user_id\" varchar(36), \"added_by_user_id\" varchar(36), \"kind\" varchar(10) NOT NULL, \"state\" varchar(12) NOT NULL, \"active_key\" varchar(80), \"attendee_enc\" text, \"seq\" integer NOT NULL, \"short_code\" varchar(6), \"holds_reserved\" boolean NOT NULL DEFAULT (0), \"checked_in_at\" datetime(6), \"checked_in_by\" varchar(36), \"promoted_at\" datetime(6), \"cancelled_at\" datetime(6), \"created_at\" datetime(6) NOT NULL)");
    await queryRunner.query("INSERT INTO \"temporary_activity_signup\"(\"id\", \"activity_id\", \"owner_user_id\", \"added_by_user_id\", \"kind\", \"state\", \"active_key\", \"attendee_enc\", \"seq\", \"short_code\", \"holds_reserved\", \"checked_in_at\", \"checked_in_by\", \"promoted_at\", \"cancelled_at\", \"created_at\") SELECT \"id\", \"activity_id\", \"owner_user_id\", \"added_by_user_id\", \"kind\", \"state\", \"active_key\", \"attendee_enc\", \"seq\", \"short_code\", \"holds_reserved\", \"checked_in_at\", \"checked_in_by\", \"promoted_at\", \"cancelled_at\", \"created_at\" FROM \"activity_signup\"");
    await queryRunner.query("DROP TABLE \"activity_signup\"");
    await queryRunner.query("ALTER TABLE \"temporary_activity_signup\" RENAME TO \"activity_signup\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_signup_active\" ON \"activity_signup\" (\"activity_id\", \"active_key\") ");
    await queryRunner.query("CREATE INDEX \"idx_signup_waitlist\" ON \"activity_signup\" (\"activity_id\", \"state\", \"seq\") ");
    await queryRunner.query("CREATE INDEX \"idx_signup_owner\" ON \"activity_signup\" (\"owner_user_id\", \"created_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_signup_short_code\" ON \"activity_signup\" (\"activity_id\", \"short_code\") ");
    await queryRunner.query('INSERT INTO "signup_ticket" ("no") SELECT COALESCE(MAX("seq"), 0) + 1 FROM "activity_signup"');
    await queryRunner.query('UPDATE "activity_signup" SET "short_code" = NULL WHERE "state" = \'waitlisted\'');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('UPDATE "activity_signup" SET "short_code" = substr(\'000000\' || ("seq" % 1000000), -6) WHERE "short_code" IS NULL');
    await queryRunner.query("DROP INDEX \"uq_signup_short_code\"");
    await queryRunner.query("DROP INDEX \"idx_signup_owner\"");
    await queryRunner.query("DROP INDEX \"idx_signup_waitlist\"");
    await queryRunner.query("DROP INDEX \"uq_signup_active\"");
    await queryRunner.query("ALTER TABLE \"activity_signup\" RENAME TO \"temporary_activity_signup\"");
    await queryRunner.query("CREATE TABLE \"activity_signup\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"activity_id\" varchar(36) NOT NULL, \"owner_user_id\" varchar(36), \"added_by_user_id\" varchar(36), \"kind\" varchar(10) NOT NULL, \"state\" varchar(12) NOT NULL, \"active_key\" varchar(80), \"attendee_enc\" text, \"seq\" integer NOT NULL, \"short_code\" varchar(6) NOT NULL, \"holds_reserved\" boolean NOT NULL DEFAULT (0), \"checked_in_at\" datetime(6), \"checked_in_by\" varchar(36), \"promoted_at\" datetime(6), \"cancelled_at\" datetime(6), \"created_at\" datetime(6) NOT NULL)");
    await queryRunner.query("INSERT INTO \"activity_signup\"(\"id\", \"activity_id\", \"owner_user_id\", \"added_by_user_id\", \"kind\", \"state\", \"active_key\", \"attendee_enc\", \"seq\", \"short_code\", \"holds_reserved\", \"checked_in_at\", \"checked_in_by\", \"promoted_at\", \"cancelled_at\", \"created_at\") SELECT \"id\", \"activity_id\", \"owner_user_id\", \"added_by_user_id\", \"kind\", \"state\", \"active_key\", \"attendee_enc\", \"seq\", \"short_code\", \"holds_reserved\", \"checked_in_at\", \"checked_in_by\", \"promoted_at\", \"cancelled_at\", \"created_at\" FROM \"temporary_activity_signup\"");
    await queryRunner.query("DROP TABLE \"temporary_activity_signup\"");
    await queryRunner.query("CREATE INDEX \"idx_signup_owner\" ON \"activity_signup\" (\"owner_user_id\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_signup_waitlist\" ON \"activity_signup\" (\"activity_id\", \"state\", \"seq\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_signup_active\" ON \"activity_signup\" (\"activity_id\", \"active_key\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_signup_short_code\" ON \"activity_signup\" (\"activity_id\", \"short_code\") ");
    await queryRunner.query("DROP INDEX \"idx_activity_location\"");
    await queryRunner.query("DROP INDEX \"idx_activity_body\"");
    await queryRunner.query("DROP INDEX \"idx_activity_upcoming\"");
    await queryRunner.query("ALTER TABLE \"activity\" RENAME TO \"temporary_activity\"");
    await queryRunner.query("CREATE TABLE \"activity\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"federation_id\" varchar(12) NOT NULL, \"title\" varchar(60) NOT NULL, \"description\" text NOT NULL, \"category\" varchar(20) NOT NULL, \"site_id\" varchar(36), \"address\" varchar(200) NOT NULL, \"latitude\" double NOT NULL, \"longitude\" double NOT NULL, \"starts_at\" datetime(6) NOT NULL, \"ends_at\" datetime(6) NOT NULL, \"signup_opens_at\" datetime(6) NOT NULL, \"signup_closes_at\" datetime(6) NOT NULL, \"capacity\" integer NOT NULL, \"reserved_seats\" integer NOT NULL DEFAULT (0), \"public_taken\" integer NOT NULL DEFAULT (0), \"reserved_taken\" integer NOT NULL DEFAULT (0), \"waitlist_length\" integer NOT NULL DEFAULT (0), \"signup_seq\" integer NOT NULL DEFAULT (0), \"relatives_allowed\" boolean NOT NULL DEFAULT (0), \"status\" varchar(10) NOT NULL, \"cancel_reason\" varchar(200), \"created_by\" varchar(36) NOT NULL, \"published_at\" datetime(6), \"created_at\" datetime(6) NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"activity\"(\"id\", \"federation_id\", \"title\", \"description\", \"category\", \"site_id\", \"address\", \"latitude\", \"longitude\", \"starts_at\", \"ends_at\", \"signup_opens_at\", \"signup_closes_at\", \"capacity\", \"reserved_seats\", \"public_taken\", \"reserved_taken\", \"signup_seq\", \"relatives_allowed\", \"status\", \"cancel_reason\", \"created_by\", \"published_at\", \"created_at\", \"updated_at\") SELECT \"id\", \"federation_id\", \"title\", \"description\", \"category\", \"site_id\", \"address\", \"latitude\", \"longitude\", \"starts_at\", \"ends_at\", \"signup_opens_at\", \"signup_closes_at\", \"capacity\", \"reserved_seats\", \"public_taken\", \"reserved_taken\", \"signup_seq\", \"relatives_allowed\", \"status\", \"cancel_reason\", \"created_by\", \"published_at\", \"created_at\", \"updated_at\" FROM \"temporary_activity\"");
    await queryRunner.query("DROP TABLE \"temporary_activity\"");
    await queryRunner.query("CREATE INDEX \"idx_activity_location\" ON \"activity\" (\"status\", \"latitude\", \"longitude\") ");
    await queryRunner.query("CREATE INDEX \"idx_activity_body\" ON \"activity\" (\"federation_id\", \"starts_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_activity_upcoming\" ON \"activity\" (\"status\", \"ends_at\") ");
    await queryRunner.query("DROP TABLE \"signup_ticket\"");
    await queryRunner.query("DROP INDEX \"idx_signup_owner\"");
    await queryRunner.query("DROP INDEX \"idx_signup_waitlist\"");
    await queryRunner.query("DROP INDEX \"uq_signup_short_code\"");
    await queryRunner.query("DROP INDEX \"uq_signup_active\"");
    await queryRunner.query("ALTER TABLE \"activity_signup\" RENAME TO \"temporary_activity_signup\"");
    await queryRunner.query("CREATE TABLE \"activity_signup\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"activity_id\" varchar(36) NOT NULL, \"owner_user_id\" varchar(36), \"added_by_user_id\" varchar(36), \"kind\" varchar(10) NOT NULL, \"state\" varchar(12) NOT NULL, \"active_key\" varchar(80), \"attendee_enc\" text, \"seq\" integer NOT NULL, \"short_code\" varchar(6) NOT NULL, \"holds_reserved\" boolean NOT NULL DEFAULT (0), \"checked_in_at\" datetime(6), \"checked_in_by\" varchar(36), \"promoted_at\" datetime(6), \"cancelled_at\" datetime(6), \"created_at\" datetime(6) NOT NULL)");
    await queryRunner.query("INSERT INTO \"activity_signup\"(\"id\", \"activity_id\", \"owner_user_id\", \"added_by_user_id\", \"kind\", \"state\", \"active_key\", \"attendee_enc\", \"seq\", \"short_code\", \"holds_reserved\", \"checked_in_at\", \"checked_in_by\", \"promoted_at\", \"cancelled_at\", \"created_at\") SELECT \"id\", \"activity_id\", \"owner_user_id\", \"added_by_user_id\", \"kind\", \"state\", \"active_key\", \"attendee_enc\", \"seq\", \"short_code\", \"holds_reserved\", \"checked_in_at\", \"checked_in_by\", \"promoted_at\", \"cancelled_at\", \"created_at\" FROM \"temporary_activity_signup\"");
    await queryRunner.query("DROP TABLE \"temporary_activity_signup\"");
    await queryRunner.query("CREATE INDEX \"idx_signup_owner\" ON \"activity_signup\" (\"owner_user_id\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_signup_waitlist\" ON \"activity_signup\" (\"activity_id\", \"state\", \"seq\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_signup_short_code\" ON \"activity_signup\" (\"activity_id\", \"short_code\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_signup_active\" ON \"activity_signup\" (\"activity_id\", \"active_key\") ");
  }
}
