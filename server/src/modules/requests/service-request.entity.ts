import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { Rating, RequestState, ServiceCategoryKey } from '@wfh/shared';

/**
 * One request for help. What she wrote (description, answers, contact, comments) is stored
 * encrypted; the routing and timing columns stay plain so the sweeper and dashboards can use them.
 */
@Entity('service_request')
@Index('idx_request_due', ['nextDueAt'])
@Index('idx_request_body_state', ['federationId', 'state', 'nextDueAt'])
@Index('idx_request_woman', ['womanUserId', 'createdAt'])
@Index('uq_request_idempotency', ['womanUserId', 'idempotencyKey'], { unique: true })
@Index('idx_request_rating_code', ['ratingCodeHash'])
// Covering for the dashboards: a township's year is read from the index alone, no row lookups.
@Index('idx_request_stats', [
  'routedFederationId', 'createdAt', 'categoryKey', 'firstResponseMinutes', 'firstResponseOnTime',
  'resolutionMinutes', 'resolvedOnTime', 'escalations', 'rating', 'helped',
])
// The stats rollup job finds what changed since its last pass (StatsRollupSweeper).
@Index('idx_request_updated', ['updatedAt'])
// 当前超时 on the dashboards, read live: per open state a range of the subtree, answered from the index.
@Index('idx_request_overdue', ['state', 'federationId', 'firstResponseDueAt', 'resolutionDueAt'])
// A chair's retries: the woman she records for is a new user each time, so her key is the chair's.
@Index('uq_request_recorder_idempotency', ['recordedByUserId', 'idempotencyKey'], { unique: true })
export class ServiceRequestEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'woman_user_id', type: 'varchar', length: 36 })
  womanUserId: string;

  @Column({ name: 'category_key', type: 'varchar', length: 32 })
  categoryKey: ServiceCategoryKey;

  @Column({ type: 'boolean', default: false })
  sensitive: boolean;

  @Column({ type: 'boolean', default: false })
  urgent: boolean;

  @Column({ name: 'on_behalf', type: 'boolean', default: false })
  onBehalf: boolean;

  /** For requests recorded on her behalf: the chair or deputy who recorded it. */
  @Column({ name: 'recorded_by_user_id', type: 'varchar', length: 36, nullable: true })
  recordedByUserId: string | null;

  /** Her village or community when she asked. */
  @Column({ name: 'home_federation_id', type: 'varchar', length: 12 })
  homeFederationId: string;

  /** The body that holds it now. */
  @Column({ name: 'federation_id', type: 'varchar', length: 12 })
  federationId: string;

  /** Every body that has held it or referred it, comma-separated: they keep seeing its progress. */
  @Column({ name: 'involved_federation_ids', type: 'varchar', length: 300 })
  involvedFederationIds: string;

  @Column({ name: 'site_id', type: 'varchar', length: 36, nullable: true })
  siteId: string | null;

  @Column({ type: 'varchar', length: 16 })
  state: RequestState;

  @Column({ name: 'description_enc', type: 'text' })
  descriptionEnc: string;

  @Column({ name: 'answers_enc', type: 'text' })
  answersEnc: string;

  @Column({ name: 'contact_enc', type: 'text' })
  contactEnc: string;

  @Column({ name: 'routing_reason', type: 'varchar', length: 500 })
  routingReason: string;

  /** While the holding body owes her a first answer. */
  @Column({ name: 'first_response_due_at', type: 'datetime', precision: 6, nullable: true })
  firstResponseDueAt: Date | null;

  @Column({ name: 'resolution_due_at', type: 'datetime', precision: 6, nullable: true })
  resolutionDueAt: Date | null;

  /** The earliest deadline still running; the sweeper looks only at this indexed column. */
  @Column({ name: 'next_due_at', type: 'datetime', precision: 6, nullable: true })
  nextDueAt: Date | null;

  @Column({ name: 'first_responded_at', type: 'datetime', precision: 6, nullable: true })
  firstRespondedAt: Date | null;

  @Column({ name: 'resolved_at', type: 'datetime', precision: 6, nullable: true })
  resolvedAt: Date | null;

  @Column({ name: 'escalations', type: 'int', default: 0 })
  escalations: number;

  /** The body routing first chose: the one whose response times the request counts for. */
  @Column({ name: 'routed_federation_id', type: 'varchar', length: 12, nullable: true })
  routedFederationId: string | null;

  /** Working minutes from asking to the first answer, kept at that moment for the dashboards. */
  @Column({ name: 'first_response_minutes', type: 'int', nullable: true })
  firstResponseMinutes: number | null;

  /** Answered by its deadline without having escalated. */
  @Column({ name: 'first_response_on_time', type: 'boolean', nullable: true })
  firstResponseOnTime: boolean | null;

  /** Working minutes from asking to the first resolution. */
  @Column({ name: 'resolution_minutes', type: 'int', nullable: true })
  resolutionMinutes: number | null;

  @Column({ name: 'resolved_on_time', type: 'boolean', nullable: true })
  resolvedOnTime: boolean | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  rating: Rating | null;

  @Column({ type: 'boolean', nullable: true })
  helped: boolean | null;

  @Column({ name: 'rating_comment_enc', type: 'text', nullable: true })
  ratingCommentEnc: string | null;

  @Column({ name: 'ratings_given', type: 'int', default: 0 })
  ratingsGiven: number;

  /** For requests recorded on her behalf: the digest of the code she rates with, so only she can. */
  @Column({ name: 'rating_code_hash', type: 'varchar', length: 64, nullable: true })
  ratingCodeHash: string | null;

  /**
   * The same code encrypted, kept only when the chair sent an Idempotency-Key: her retry must get
   * back the code the lost answer carried, and a digest cannot give it back (see submitOnBehalf).
   */
  @Column({ name: 'rating_code_enc', type: 'text', nullable: true })
  ratingCodeEnc: string | null;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 64, nullable: true })
  idempotencyKey: string | null;

  /** Digest of the first submission under that key: the same key with other content is refused. */
  @Column({ name: 'idempotency_digest', type: 'varchar', length: 64, nullable: true })
  idempotencyDigest: string | null;

  /** The seq of its latest event: each step takes the next number under the request's row lock. */
  @Column({ name: 'last_event_seq', type: 'int', default: 0 })
  lastEventSeq: number;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 6 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 6 })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
