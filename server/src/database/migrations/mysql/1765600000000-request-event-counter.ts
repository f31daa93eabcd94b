import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A request numbers its events by a counter of its own. The entity version did it before, and a step
 * that changes no column (a second reply) left the version where it was, so the next event collided.
 */
export class RequestEventCounter1765600000000 implements MigrationInterface {
  name = 'RequestEventCounter1765600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `service_request` ADD `last_event_seq` int NOT NULL DEFAULT '0'");
    await queryRunner.query(
      'UPDATE `service_request` r SET `last_event_seq` = (SELECT COALESCE(MAX(e.`seq`), 0) FROM `request_event` e WHERE e.`request_id` = r.`id`)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `service_request` DROP COLUMN `last_event_seq`');
  }
}
