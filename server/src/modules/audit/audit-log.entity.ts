import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Who read or changed what sensitive thing, and when. Rows are only ever added, each chained to the
 * one before by `prev_hash`/`hash` (see audit-chain.ts), so a changed or missing row shows; on
 * MySQL/MariaDB triggers also refuse UPDATE, and DELETE except by the retention job.
 */
@Entity('audit_log')
@Index('idx_audit_subject', ['subjectType', 'subjectId'])
@Index('idx_audit_at', ['at'])
export class AuditLogEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** 1, 2, 3 … in the order rows joined the chain, given out under the chain head's lock. */
  @Index('uq_audit_seq', { unique: true })
  @Column({ type: 'bigint' })
  seq: string;

  @Column({ type: 'datetime', precision: 6 })
  at: Date;

  @Column({ name: 'actor_user_id', type: 'varchar', length: 36, nullable: true })
  actorUserId: string | null;

  @Column({ type: 'varchar', length: 40 })
  action: string;

  @Column({ name: 'subject_type', type: 'varchar', length: 30 })
  subjectType: string;

  @Column({ name: 'subject_id', type: 'varchar', length: 36 })
  subjectId: string;

  @Column({ name: 'federation_id', type: 'varchar', length: 12, nullable: true })
  federationId: string | null;

  @Column({ name: 'prev_hash', type: 'varchar', length: 64 })
  prevHash: string;

  /** SHA-256 over prev_hash and this row's fields. */
  @Column({ type: 'varchar', length: 64 })
  hash: string;
}

/**
 * The chain's one head row (id 1): the last row's seq and hash, and the anchor the oldest remaining
 * row links to (the hash of the last row the retention job deleted; zeros before any).
 */
@Entity('audit_chain')
export class AuditChainEntity {
  @PrimaryColumn({ type: 'int' })
  id: number;

  @Column({ type: 'bigint' })
  seq: string;

  @Column({ name: 'head_hash', type: 'varchar', length: 64 })
  headHash: string;

  @Column({ name: 'anchor_seq', type: 'bigint' })
  anchorSeq: string;

  @Column({ name: 'anchor_hash', type: 'varchar', length: 64 })
  anchorHash: string;
}
