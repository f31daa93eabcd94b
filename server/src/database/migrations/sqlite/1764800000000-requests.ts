import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Service requests: the catalogue, routing rules, requests and their events, the outbox, the audit log, chair absences. */
export class Requests1764800000000 implements MigrationInterface {
  name = 'Requests1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"audit_log\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"at\" datetime(6) NOT NULL, \"actor_user_id\" varchar(36), \"action\" varchar(40) NOT NULL, \"subject_type\" varchar(30) NOT NULL, \"subject_id\" varchar(36) NOT NULL, \"federation_id\" varchar(12))");
    await queryRunner.query("CREATE INDEX \"idx_audit_at\" ON \"audit_log\" (\"at\") ");
    await queryRunner.query("CREATE INDEX \"idx_audit_subject\" ON \"audit_log\" (\"subject_type\", \"subject_id\") ");
    await queryRunner.query("CREATE TABLE \"chair_absence\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"federation_id\" varchar(12) NOT NULL, \"chair_user_id\" varchar(36) NOT NULL, \"deputy_user_id\" varchar(36), \"away_from\" datetime(6) NOT NULL, \"away_until\" datetime(6) NOT NULL, \"created_at\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"idx_chair_absence_body\" ON \"chair_absence\" (\"federation_id\", \"away_until\") ");
    await queryRunner.query("CREATE TABLE \"outbox\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"dedupe_key\" varchar(120) NOT NULL, \"recipient_user_id\" varchar(36) NOT NULL, \"topic\" varchar(40) NOT NULL, \"payload\" text NOT NULL, \"status\" varchar(10) NOT NULL, \"attempts\" integer NOT NULL DEFAULT (0), \"deliver_after\" datetime(6) NOT NULL, \"last_error\" varchar(300), \"created_at\" datetime(6) NOT NULL DEFAULT (datetime('now')), \"sent_at\" datetime(6))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_outbox_dedupe\" ON \"outbox\" (\"dedupe_key\") ");
    await queryRunner.query("CREATE INDEX \"idx_outbox_due\" ON \"outbox\" (\"status\", \"deliver_after\") ");
    await queryRunner.query("CREATE TABLE \"request_event\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"request_id\" varchar(36) NOT NULL, \"seq\" integer NOT NULL, \"at\" datetime(6) NOT NULL, \"action\" varchar(20) NOT NULL, \"actor_kind\" varchar(10) NOT NULL, \"actor_user_id\" varchar(36), \"actor_federation_id\" varchar(12), \"federation_id\" varchar(12) NOT NULL, \"from_state\" varchar(16), \"to_state\" varchar(16) NOT NULL, \"note_enc\" text)");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_request_event_seq\" ON \"request_event\" (\"request_id\", \"seq\") ");
    await queryRunner.query("CREATE TABLE \"routing_rule\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"region_prefix\" varchar(12) NOT NULL, \"category_key\" varchar(32) NOT NULL, \"target_federation_id\" varchar(12) NOT NULL, \"label\" varchar(80), \"created_at\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"idx_routing_rule_category\" ON \"routing_rule\" (\"category_key\", \"region_prefix\") ");
    await queryRunner.query("CREATE TABLE \"service_category\" (\"key\" varchar(32) PRIMARY KEY NOT NULL, \"name\" varchar(40) NOT NULL, \"description\" varchar(300) NOT NULL, \"sensitive\" boolean NOT NULL DEFAULT (0), \"handling_level\" varchar(10) NOT NULL, \"first_response_hours\" double NOT NULL, \"resolution_hours\" double NOT NULL, \"questions\" text NOT NULL, \"sort_order\" integer NOT NULL DEFAULT (0))");
    await queryRunner.query("CREATE TABLE \"service_request\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"woman_user_id\" varchar(36) NOT NULL, \"category_key\" varchar(32) NOT NULL, \"sensitive\" boolean NOT NULL DEFAULT (0), \"urgent\" boolean NOT NULL DEFAULT (0), \"on_behalf\" boolean NOT NULL DEFAULT (0), \"home_federation_id\" varchar(12) NOT NULL, \"federation_id\" varchar(12) NOT NULL, \"involved_federation_ids\" varchar(300) NOT NULL, \"site_id\" varchar(36), \"state\" varchar(16) NOT NULL, \"description_enc\" text NOT NULL, \"answers_enc\" text NOT NULL, \"contact_enc\" text NOT NULL, \"routing_reason\" varchar(500) NOT NULL, \"first_response_due_at\" datetime(6), \"resolution_due_at\" datetime(6), \"next_due_at\" datetime(6), \"first_responded_at\" datetime(6), \"resolved_at\" datetime(6), \"escalations\" integer NOT NULL DEFAULT (0), \"rating\" varchar(16), \"helped\" boolean, \"rating_comment_enc\" text, \"ratings_given\" integer NOT NULL DEFAULT (0), \"rating_code_hash\" varchar(64), \"idempotency_key\" varchar(64), \"idempotency_digest\" varchar(64), \"created_at\" datetime(6) NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime(6) NOT NULL DEFAULT (datetime('now')), \"version\" integer NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_request_idempotency\" ON \"service_request\" (\"woman_user_id\", \"idempotency_key\") ");
    await queryRunner.query("CREATE INDEX \"idx_request_woman\" ON \"service_request\" (\"woman_user_id\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_request_body_state\" ON \"service_request\" (\"federation_id\", \"state\") ");
    await queryRunner.query("CREATE INDEX \"idx_request_due\" ON \"service_request\" (\"next_due_at\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_request_due\"");
    await queryRunner.query("DROP INDEX \"idx_request_body_state\"");
    await queryRunner.query("DROP INDEX \"idx_request_woman\"");
    await queryRunner.query("DROP INDEX \"uq_request_idempotency\"");
    await queryRunner.query("DROP TABLE \"service_request\"");
    await queryRunner.query("DROP TABLE \"service_category\"");
    await queryRunner.query("DROP INDEX \"idx_routing_rule_category\"");
    await queryRunner.query("DROP TABLE \"routing_rule\"");
    await queryRunner.query("DROP INDEX \"uq_request_event_seq\"");
    await queryRunner.query("DROP TABLE \"request_event\"");
    await queryRunner.query("DROP INDEX \"idx_outbox_due\"");
    await queryRunner.query("DROP INDEX \"uq_outbox_dedupe\"");
    await queryRunner.query("DROP TABLE \"outbox\"");
    await queryRunner.query("DROP INDEX \"idx_chair_absence_body\"");
    await queryRunner.query("DROP TABLE \"chair_absence\"");
    await queryRunner.query("DROP INDEX \"idx_audit_subject\"");
    await queryRunner.query("DROP INDEX \"idx_audit_at\"");
    await queryRunner.query("DROP TABLE \"audit_log\"");
  }
}
