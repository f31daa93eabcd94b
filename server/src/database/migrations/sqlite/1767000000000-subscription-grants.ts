import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One-time subscribe-message grants per person and kind of message: never send without one. */
export class SubscriptionGrants1767000000000 implements MigrationInterface {
  name = 'SubscriptionGrants1767000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "subscription_grant" ("user_id" varchar(36) NOT NULL, "kind" varchar(30) NOT NULL, "remaining" integer NOT NULL DEFAULT (0), "updated_at" datetime(6) NOT NULL DEFAULT (datetime('now')), PRIMARY KEY ("user_id", "kind"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "subscription_grant"');
  }
}
