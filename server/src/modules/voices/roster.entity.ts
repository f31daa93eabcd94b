import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ContactMethodKind } from '@wfh/shared';

/**
 * A woman an executive member keeps in touch with. Her name, phone and care tags are encrypted; only
 * `needs_care` and the due date stay plain so the reminder sweep can find who is overdue.
 */
@Entity('roster_entry')
@Index('idx_roster_member', ['federationId', 'memberUserId'])
@Index('idx_roster_care_due', ['careDueAt'])
@Index('uq_roster_person', ['memberUserId', 'personKey'], { unique: true })
export class RosterEntryEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'federation_id', type: 'varchar', length: 12 })
  federationId: string;

  @Column({ name: 'member_user_id', type: 'varchar', length: 36 })
  memberUserId: string;

  /** Set when she joined by accepting an invitation in the mini-program. */
  @Column({ name: 'woman_user_id', type: 'varchar', length: 36, nullable: true })
  womanUserId: string | null;

  /** `user:<id>` or `phone:<digest>`: one entry per woman on a member's roster. */
  @Column({ name: 'person_key', type: 'varchar', length: 80 })
  personKey: string;

  @Column({ name: 'name_enc', type: 'text' })
  nameEnc: string;

  @Column({ name: 'phone_enc', type: 'text', nullable: true })
  phoneEnc: string | null;

  @Column({ name: 'tags_enc', type: 'text' })
  tagsEnc: string;

  @Column({ name: 'needs_care', type: 'boolean', default: false })
  needsCare: boolean;

  @Column({ name: 'care_every_weeks', type: 'int' })
  careEveryWeeks: number;

  @Column({ name: 'joined_by', type: 'varchar', length: 10 })
  joinedBy: 'invitation' | 'recorded';

  @Column({ name: 'consent_at', type: 'datetime', precision: 6 })
  consentAt: Date;

  @Column({ name: 'last_contact_date', type: 'varchar', length: 10, nullable: true })
  lastContactDate: string | null;

  /** When a reminder is due if nobody gets in touch; null for women not tagged as needing care. */
  @Column({ name: 'care_due_at', type: 'datetime', precision: 6, nullable: true })
  careDueAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 6 })
  createdAt: Date;
}

@Entity('roster_contact')
@Index('idx_roster_contact_entry', ['entryId', 'date'])
export class RosterContactEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'entry_id', type: 'varchar', length: 36 })
  entryId: string;

  @Column({ type: 'varchar', length: 10 })
  date: string;

  @Column({ type: 'varchar', length: 10 })
  method: ContactMethodKind;

  @Column({ name: 'note_enc', type: 'text', nullable: true })
  noteEnc: string | null;

  @Column({ name: 'request_filed', type: 'boolean', default: false })
  requestFiled: boolean;

  @Column({ name: 'created_at', type: 'datetime', precision: 6 })
  createdAt: Date;
}

/** An invitation a member gives a woman (a code); accepting it puts her on the roster with her consent. */
@Entity('roster_invitation')
export class RosterInvitationEntity {
  @PrimaryColumn({ name: 'code_hash', type: 'varchar', length: 64 })
  codeHash: string;

  @Column({ name: 'federation_id', type: 'varchar', length: 12 })
  federationId: string;

  @Column({ name: 'member_user_id', type: 'varchar', length: 36 })
  memberUserId: string;

  @Column({ name: 'expires_at', type: 'datetime', precision: 6 })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'datetime', precision: 6, nullable: true })
  usedAt: Date | null;
}
