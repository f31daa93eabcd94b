import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A per-person token generation, carried in her access tokens: raising it ends her sessions at once,
 * instead of when the last access token she holds expires (up to two hours later).
 */
export class TokenGeneration1765700000000 implements MigrationInterface {
  name = 'TokenGeneration1765700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `app_user` ADD `token_generation` int NOT NULL DEFAULT '0'");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `app_user` DROP COLUMN `token_generation`');
  }
}
