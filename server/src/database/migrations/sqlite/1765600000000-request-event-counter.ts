import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A request numbers its events by a counter of its own. The entity version did it before, and a step
 * that changes no column (a second reply) left the version where it was, so the next event collided.
 */
export class RequestEventCounter1765600000000 implements MigrationInterface {
  name = 'RequestEventCounter1765600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "service_request" ADD COLUMN "last_event_seq" integer NOT NULL DEFAULT (0)');
    await queryRunner.query(
      'UPDATE "service_request" SET "last_event_seq" = (SELECT COALESCE(MAX("seq"), 0) FROM "request_event" WHERE "request_event"."request_id" = "service_request"."id")',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "service_request" DROP COLUMN "last_event_seq"');
  }
}
