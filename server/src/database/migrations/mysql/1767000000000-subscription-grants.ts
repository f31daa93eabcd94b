import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One-time subscribe-message grants per person and kind of message: never send without one. */
export class SubscriptionGrants1767000000000 implements MigrationInterface {
  name = 'SubscriptionGrants1767000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `subscription_grant` (`user_id` varchar(36) NOT NULL, `kind` varchar(30) NOT NULL, `remaining` int NOT NULL DEFAULT 0, `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), PRIMARY KEY (`user_id`, `kind`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `subscription_grant`');
  }
}
