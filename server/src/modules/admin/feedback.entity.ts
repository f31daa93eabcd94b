import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { FeedbackKind } from '@wfh/shared';

/** 投诉建议 about the service itself, routed to the county's admins; her words are encrypted. */
@Entity('feedback')
@Index('idx_feedback_county', ['countyId', 'status', 'createdAt'])
@Index('idx_feedback_author', ['authorUserId', 'createdAt'])
export class FeedbackEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 12 })
  kind: FeedbackKind;

  @Column({ name: 'federation_id', type: 'varchar', length: 12 })
  federationId: string;

  @Column({ name: 'county_id', type: 'varchar', length: 6 })
  countyId: string;

  @Column({ name: 'author_user_id', type: 'varchar', length: 36 })
  authorUserId: string;

  @Column({ name: 'text_enc', type: 'text' })
  textEnc: string;

  @Column({ name: 'contact_enc', type: 'text', nullable: true })
  contactEnc: string | null;

  @Column({ type: 'varchar', length: 10 })
  status: 'open' | 'answered';

  @Column({ name: 'reply_enc', type: 'text', nullable: true })
  replyEnc: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 6 })
  createdAt: Date;

  @Column({ name: 'answered_at', type: 'datetime', precision: 6, nullable: true })
  answeredAt: Date | null;

  @Column({ name: 'answered_by', type: 'varchar', length: 36, nullable: true })
  answeredBy: string | null;
}
