import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Who read or changed what sensitive thing, and when. Rows are only ever added. */
@Entity('audit_log')
@Index('idx_audit_subject', ['subjectType', 'subjectId'])
@Index('idx_audit_at', ['at'])
export class AuditLogEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

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
}
