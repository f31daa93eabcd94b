import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ConcernOutcome, ConcernStatus } from '@wfh/shared';

/** A concern (议题) a woman raised about her village or community. */
@Entity('concern')
@Index('idx_concern_body', ['federationId', 'status', 'createdAt'])
@Index('idx_concern_author', ['authorUserId', 'createdAt'])
export class ConcernEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'federation_id', type: 'varchar', length: 12 })
  federationId: string;

  @Column({ name: 'author_user_id', type: 'varchar', length: 36 })
  authorUserId: string;

  @Column({ name: 'show_author_name', type: 'boolean', default: false })
  showAuthorName: boolean;

  @Column({ type: 'varchar', length: 40 })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ name: 'photo_url', type: 'varchar', length: 500, nullable: true })
  photoUrl: string | null;

  @Column({ type: 'varchar', length: 12 })
  status: ConcernStatus;

  /** Kept in step with concern_cosign rows in the same transaction. */
  @Column({ name: 'cosign_count', type: 'int', default: 0 })
  cosignCount: number;

  @Column({ name: 'decline_reason', type: 'varchar', length: 300, nullable: true })
  declineReason: string | null;

  @Column({ name: 'merged_into_id', type: 'varchar', length: 36, nullable: true })
  mergedIntoId: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 6 })
  createdAt: Date;

  @Column({ name: 'published_at', type: 'datetime', precision: 6, nullable: true })
  publishedAt: Date | null;

  /** The seq of its latest update: each update takes the next number under the concern's row lock. */
  @Column({ name: 'last_update_seq', type: 'int', default: 0 })
  lastUpdateSeq: number;
}

/** One woman's co-signature: the primary key makes a second one impossible. */
@Entity('concern_cosign')
export class ConcernCosignEntity {
  @PrimaryColumn({ name: 'concern_id', type: 'varchar', length: 36 })
  concernId: string;

  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 6 })
  createdAt: Date;
}

/** The council's answer and each later step, as a public timeline. */
@Entity('concern_update')
@Index('idx_concern_update_concern', ['concernId', 'at'])
@Index('uq_concern_update_seq', ['concernId', 'seq'], { unique: true })
export class ConcernUpdateEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'concern_id', type: 'varchar', length: 36 })
  concernId: string;

  /** 1, 2, 3 … within the concern: the timeline's order, even for updates in the same microsecond. */
  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'varchar', length: 12 })
  status: ConcernOutcome;

  @Column({ type: 'text' })
  text: string;

  @Column({ name: 'meeting_id', type: 'varchar', length: 36, nullable: true })
  meetingId: string | null;

  @Column({ name: 'by_user_id', type: 'varchar', length: 36 })
  byUserId: string;

  @Column({ type: 'datetime', precision: 6 })
  at: Date;
}

/** A concern on the agenda of a council meeting (an activity of category council). */
@Entity('council_agenda_item')
export class CouncilAgendaItemEntity {
  @PrimaryColumn({ name: 'activity_id', type: 'varchar', length: 36 })
  activityId: string;

  @PrimaryColumn({ name: 'concern_id', type: 'varchar', length: 36 })
  concernId: string;

  @Column({ type: 'int' })
  position: number;
}

@Entity('council_minutes')
export class CouncilMinutesEntity {
  @PrimaryColumn({ name: 'activity_id', type: 'varchar', length: 36 })
  activityId: string;

  @Column({ type: 'text' })
  minutes: string;

  @Column({ name: 'recorded_by', type: 'varchar', length: 36 })
  recordedBy: string;

  @Column({ name: 'recorded_at', type: 'datetime', precision: 6 })
  recordedAt: Date;
}
