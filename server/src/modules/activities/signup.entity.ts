import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { SignupKind, SignupState } from '@wfh/shared';

/**
 * One seat (or one place on the waiting list) for one person. `active_key` names who holds it while
 * it is active and is cleared on cancellation, so the unique index refuses a second active sign-up
 * for the same person and still lets her sign up again after cancelling.
 */
@Entity('activity_signup')
@Index('uq_signup_active', ['activityId', 'activeKey'], { unique: true })
@Index('uq_signup_short_code', ['activityId', 'shortCode'], { unique: true })
@Index('idx_signup_waitlist', ['activityId', 'state', 'seq'])
@Index('idx_signup_owner', ['ownerUserId', 'createdAt'])
export class SignupEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'activity_id', type: 'varchar', length: 36 })
  activityId: string;

  /** The woman who signed up (herself or a relative); null for a woman the chair added. */
  @Column({ name: 'owner_user_id', type: 'varchar', length: 36, nullable: true })
  ownerUserId: string | null;

  /** The chair who added a woman to a reserved place. */
  @Column({ name: 'added_by_user_id', type: 'varchar', length: 36, nullable: true })
  addedByUserId: string | null;

  @Column({ type: 'varchar', length: 10 })
  kind: SignupKind;

  @Column({ type: 'varchar', length: 12 })
  state: SignupState;

  /** `self:<user>` or `phone:<hash>` while active; null once cancelled. */
  @Column({ name: 'active_key', type: 'varchar', length: 80, nullable: true })
  activeKey: string | null;

  /** Name and phone of a relative or an added woman, encrypted; null for herself. */
  @Column({ name: 'attendee_enc', type: 'text', nullable: true })
  attendeeEnc: string | null;

  /**
   * A seat's number in its activity (1, 2, …, from the activity's signup_seq, under its row lock).
   * On the waiting list: her ticket (signup_ticket), which orders the list first come, first served
   * without taking the activity's row lock; promotion gives her the next seat number.
   */
  @Column({ type: 'int' })
  seq: number;

  /** The six digits a chair types at check-in, for a seat; null while she waits (she has no seat to check in to). */
  @Column({ name: 'short_code', type: 'varchar', length: 6, nullable: true })
  shortCode: string | null;

  /** Whether the seat is one of the reserved places (given back to them on cancellation). */
  @Column({ name: 'holds_reserved', type: 'boolean', default: false })
  holdsReserved: boolean;

  @Column({ name: 'checked_in_at', type: 'datetime', precision: 6, nullable: true })
  checkedInAt: Date | null;

  @Column({ name: 'checked_in_by', type: 'varchar', length: 36, nullable: true })
  checkedInBy: string | null;

  @Column({ name: 'promoted_at', type: 'datetime', precision: 6, nullable: true })
  promotedAt: Date | null;

  @Column({ name: 'cancelled_at', type: 'datetime', precision: 6, nullable: true })
  cancelledAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 6 })
  createdAt: Date;
}
