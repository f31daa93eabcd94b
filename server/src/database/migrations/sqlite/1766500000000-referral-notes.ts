import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A referral's reason was written for colleagues but shown to her word for word. Each event now
 * keeps two texts: `note_enc`, what she is told, and `staff_note_enc`, the note for colleagues. The
 * reasons already written on referrals and returns were written as notes for colleagues, so they
 * move there (the ciphertext moves as it is: no key is needed) and she no longer reads them. The
 * index finds what a body referred out (「我转出的」).
 */
export class ReferralNotes1766500000000 implements MigrationInterface {
  name = 'ReferralNotes1766500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "request_event" ADD "staff_note_enc" text');
    await queryRunner.query(`UPDATE "request_event" SET "staff_note_enc" = "note_enc", "note_enc" = NULL WHERE "action" IN ('refer', 'return_referral')`);
    await queryRunner.query('CREATE INDEX "idx_request_event_actor_action" ON "request_event" ("actor_federation_id", "action") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "idx_request_event_actor_action"');
    await queryRunner.query(`UPDATE "request_event" SET "note_enc" = "staff_note_enc" WHERE "action" IN ('refer', 'return_referral')`);
    await queryRunner.query('ALTER TABLE "request_event" DROP COLUMN "staff_note_enc"');
  }
}
