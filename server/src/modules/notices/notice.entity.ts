import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { NoticeBodyFormat, NoticeKind } from '@wfh/shared';

/** What is stored; `scheduled` becomes visible by itself once `publish_at` has passed. */
export type StoredNoticeState = 'draft' | 'scheduled' | 'published' | 'withdrawn';

/** A notice a body publishes to its subtree (通知公告、政策解读、活动回顾). */
@Entity('notice')
@Index('idx_notice_body', ['federationId', 'state', 'publishAt'])
export class NoticeEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** The publishing body: its women and every body under it see the notice. */
  @Column({ name: 'federation_id', type: 'varchar', length: 12 })
  federationId: string;

  @Column({ type: 'varchar', length: 12 })
  kind: NoticeKind;

  @Column({ type: 'varchar', length: 60 })
  title: string;

  /** What the author wrote, kept for editing; never shown as HTML. */
  @Column({ name: 'body_source', type: 'text' })
  bodySource: string;

  @Column({ name: 'body_format', type: 'varchar', length: 8 })
  bodyFormat: NoticeBodyFormat;

  /** Sanitised once, on write: reads hand it out as it is. */
  @Column({ name: 'body_html', type: 'text' })
  bodyHtml: string;

  @Column({ type: 'varchar', length: 12 })
  state: StoredNoticeState;

  /** When it is (or will be) out; null for a draft. */
  @Column({ name: 'publish_at', type: 'datetime', precision: 6, nullable: true })
  publishAt: Date | null;

  @Column({ name: 'withdrawn_at', type: 'datetime', precision: 6, nullable: true })
  withdrawnAt: Date | null;

  @Column({ name: 'author_user_id', type: 'varchar', length: 36 })
  authorUserId: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 6 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 6 })
  updatedAt: Date;
}

/**
 * That a woman opened a notice, with the body she lived in then: kept only to count reach per body.
 * No route ever hands a row of it out, nor anything that names who.
 */
@Entity('notice_read')
@Index('idx_notice_read_body', ['noticeId', 'federationId'])
export class NoticeReadEntity {
  @PrimaryColumn({ name: 'notice_id', type: 'varchar', length: 36 })
  noticeId: string;

  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ name: 'federation_id', type: 'varchar', length: 12 })
  federationId: string;

  @Column({ name: 'read_at', type: 'datetime', precision: 6 })
  readAt: Date;
}
