import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Requests recorded on her behalf: who recorded them, their Idempotency-Key scoped to that chair, and
 * the rating code kept encrypted so that a retry gets the same code back.
 */
export class OnBehalfIdempotency1765000000000 implements MigrationInterface {
  name = 'OnBehalfIdempotency1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "service_request" ADD COLUMN "recorded_by_user_id" varchar(36)');
    await queryRunner.query('ALTER TABLE "service_request" ADD COLUMN "rating_code_enc" text');
    // Requests recorded before: the chair is the actor of their first event.
    await queryRunner.query(
      'UPDATE "service_request" SET "recorded_by_user_id" = (SELECT e."actor_user_id" FROM "request_event" e WHERE e."request_id" = "service_request"."id" AND e."action" = \'submit\') WHERE "on_behalf" = 1',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "uq_request_recorder_idempotency" ON "service_request" ("recorded_by_user_id", "idempotency_key") ');
    // Rating by code looks the request up by the code's digest.
    await queryRunner.query('CREATE INDEX "idx_request_rating_code" ON "service_request" ("rating_code_hash") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "idx_request_rating_code"');
    await queryRunner.query('DROP INDEX "uq_request_recorder_idempotency"');
    await queryRunner.query('ALTER TABLE "service_request" DROP COLUMN "rating_code_enc"');
    await queryRunner.query('ALTER TABLE "service_request" DROP COLUMN "recorded_by_user_id"');
  }
}
