import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #18: exact rollups for the township and county dashboards. Per body and Shanghai day, the
 * counts and the sorted lists of working minutes (so medians stay exact), for requests routed to the
 * body itself and to its whole subtree; the rebuild job's watermark; and an index on updated_at so the
 * job and the dashboards find what changed since the watermark without scanning the table; and one
 * that answers 当前超时 (a live figure, never rolled up) from the open requests of a subtree alone.
 */
export class StatsRollups1767200000000 implements MigrationInterface {
  name = 'StatsRollups1767200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "stats_own_day" ("body_id" varchar(12) NOT NULL, "day" varchar(10) NOT NULL, "received" integer NOT NULL, "first_on_time" integer NOT NULL, "resolved_on_time" integer NOT NULL, "escalations" integer NOT NULL, "rated" integer NOT NULL, "satisfied" integer NOT NULL, "helped" integer NOT NULL, "first_minutes" text NOT NULL, "resolution_minutes" text NOT NULL, "categories" text NOT NULL, PRIMARY KEY ("day", "body_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "stats_tree_day" ("body_id" varchar(12) NOT NULL, "day" varchar(10) NOT NULL, "received" integer NOT NULL, "first_on_time" integer NOT NULL, "resolved_on_time" integer NOT NULL, "escalations" integer NOT NULL, "rated" integer NOT NULL, "satisfied" integer NOT NULL, "helped" integer NOT NULL, "first_minutes" text NOT NULL, "resolution_minutes" text NOT NULL, "categories" text NOT NULL, PRIMARY KEY ("body_id", "day"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "stats_rollup_state" ("name" varchar(20) PRIMARY KEY NOT NULL, "covered_before" datetime(6) NOT NULL, "rebuilt_at" datetime(6) NOT NULL)`,
    );
    await queryRunner.query('CREATE INDEX "idx_request_updated" ON "service_request" ("updated_at") ');
    await queryRunner.query('CREATE INDEX "idx_request_overdue" ON "service_request" ("state", "federation_id", "first_response_due_at", "resolution_due_at") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "idx_request_overdue"');
    await queryRunner.query('DROP INDEX "idx_request_updated"');
    await queryRunner.query('DROP TABLE "stats_rollup_state"');
    await queryRunner.query('DROP TABLE "stats_tree_day"');
    await queryRunner.query('DROP TABLE "stats_own_day"');
  }
}
