import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Real names only: a person's name is her listed name, else one she set herself, else none. The
 * placeholders the service used to invent (「微信用户」 for every new WeChat user, and the markers
 * of women recorded by a chair and of deleted people, each recognisable by its other columns)
 * become NULL. A name the county's list gave her (she holds a role it listed under that very name)
 * is marked as listed, so that she cannot replace it.
 */
export class RealNames1766300000000 implements MigrationInterface {
  name = 'RealNames1766300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `app_user` CHANGE `display_name` `display_name` varchar(40) NULL');
    await queryRunner.query('ALTER TABLE `app_user` ADD `name_listed` tinyint NOT NULL DEFAULT 0');
    await queryRunner.query(
      "UPDATE `app_user` SET `display_name` = NULL WHERE `display_name` = '微信用户' OR (`display_name` = '已注销用户' AND `deleted_at` IS NOT NULL) OR (`display_name` = '代登记的居民' AND `name_enc` IS NOT NULL AND `openid` IS NULL)",
    );
    await queryRunner.query(
      'UPDATE `app_user` SET `name_listed` = 1 WHERE `display_name` IS NOT NULL AND EXISTS (SELECT 1 FROM `role_assignment` r JOIN `listed_person` l ON l.`federation_id` = r.`federation_id` AND l.`role` = r.`role` WHERE r.`user_id` = `app_user`.`id` AND l.`name` = `app_user`.`display_name`)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("UPDATE `app_user` SET `display_name` = '微信用户' WHERE `display_name` IS NULL");
    await queryRunner.query('ALTER TABLE `app_user` DROP COLUMN `name_listed`');
    await queryRunner.query('ALTER TABLE `app_user` CHANGE `display_name` `display_name` varchar(40) NOT NULL');
  }
}
