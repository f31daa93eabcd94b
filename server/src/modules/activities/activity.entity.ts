import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ActivityCategory, StoredActivityStatus } from '@wfh/shared';

/**
 * An activity of one body. The seat counters live on this row so that a sign-up takes a seat with one
 * conditional UPDATE (`public_taken < capacity - reserved_seats`): the row lock that UPDATE takes
 * serialises seat claims on every server instance, and a full activity simply matches no row. The
 * waiting list is not counted here: joining it is an INSERT that takes no lock on this row, so a
 * burst of women arriving after the seats are gone does not queue on it (issue #18); its length is
 * counted from the rows (ActivitiesRepository.waitlistLengths).
 */
@Entity('activity')
@Index('idx_activity_upcoming', ['status', 'endsAt'])
@Index('idx_activity_body', ['federationId', 'startsAt'])
@Index('idx_activity_location', ['status', 'latitude', 'longitude'])
export class ActivityEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'federation_id', type: 'varchar', length: 12 })
  federationId: string;

  @Column({ type: 'varchar', length: 60 })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'varchar', length: 20 })
  category: ActivityCategory;

  @Column({ name: 'site_id', type: 'varchar', length: 36, nullable: true })
  siteId: string | null;

  /** The site's address copied at save time, or the free address. */
  @Column({ type: 'varchar', length: 200 })
  address: string;

  @Column({ type: 'double' })
  latitude: number;

  @Column({ type: 'double' })
  longitude: number;

  @Column({ name: 'starts_at', type: 'datetime', precision: 6 })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'datetime', precision: 6 })
  endsAt: Date;

  @Column({ name: 'signup_opens_at', type: 'datetime', precision: 6 })
  signupOpensAt: Date;

  @Column({ name: 'signup_closes_at', type: 'datetime', precision: 6 })
  signupClosesAt: Date;

  @Column({ type: 'int' })
  capacity: number;

  /** Part of the capacity, kept for women the chair adds herself. */
  @Column({ name: 'reserved_seats', type: 'int', default: 0 })
  reservedSeats: number;

  @Column({ name: 'public_taken', type: 'int', default: 0 })
  publicTaken: number;

  @Column({ name: 'reserved_taken', type: 'int', default: 0 })
  reservedTaken: number;

  /** The numbers of the seats handed out so far (each seat's SignupEntity.seq), under this row's lock. */
  @Column({ name: 'signup_seq', type: 'int', default: 0 })
  signupSeq: number;

  @Column({ name: 'relatives_allowed', type: 'boolean', default: false })
  relativesAllowed: boolean;

  @Column({ type: 'varchar', length: 10 })
  status: StoredActivityStatus;

  @Column({ name: 'cancel_reason', type: 'varchar', length: 200, nullable: true })
  cancelReason: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy: string;

  @Column({ name: 'published_at', type: 'datetime', precision: 6, nullable: true })
  publishedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 6 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 6 })
  updatedAt: Date;
}
