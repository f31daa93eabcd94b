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
    await queryRunner.query("CREATE TABLE `signup_ticket` (`no` int NOT NULL AUTO_INCREMENT, PRIMARY KEY (`no`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `activity` DROP COLUMN `waitlist_length`");
    await queryRunner.query("DROP INDEX `uq_signup_short_code` ON `activity_signup`");
    await queryRunner.query("ALTER TABLE `activity_signup` CHANGE `short_code` `short_code` varchar(6) NULL");
    await queryRunner.query("CREATE UNIQUE INDEX `uq_signup_short_code` ON `activity_signup` (`activity_id`, `short_code`)");
    // Whoever waits now keeps her place: new tickets are numbered after every seq there is.
    await queryRunner.query('INSERT INTO `signup_ticket` (`no`) SELECT COALESCE(MAX(`seq`), 0) + 1 FROM `activity_signup`');
    await queryRunner.query("UPDATE `activity_signup` SET `short_code` = NULL WHERE `state` = 'waitlisted'");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // A waiting woman's code is derived from her number again when she is promoted; before that it is not shown.
    await queryRunner.query("UPDATE `activity_signup` SET `short_code` = LPAD(`seq` MOD 1000000, 6, '0') WHERE `short_code` IS NULL");
    await queryRunner.query("DROP INDEX `uq_signup_short_code` ON `activity_signup`");
    await queryRunner.query("ALTER TABLE `activity_signup` CHANGE `short_code` `short_code` varchar(6) NOT NULL");
    await queryRunner.query("CREATE UNIQUE INDEX `uq_signup_short_code` ON `activity_signup` (`activity_id`, `short_code`)");
    await queryRunner.query("ALTER TABLE `activity` ADD `waitlist_length` int NOT NULL DEFAULT 0");
    await queryRunner.query("DROP TABLE `signup_ticket`");
    await queryRunner.query("UPDATE `activity` a SET a.`waitlist_length` = (SELECT COUNT(*) FROM `activity_signup` s WHERE s.`activity_id` = a.`id` AND s.`state` = 'waitlisted')");
  }
}
