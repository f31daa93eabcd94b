import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { RoleKind } from '@wfh/shared';

/** A role held at one body. Revoked grants stay, with the time, for the record. */
@Entity('role_assignment')
@Index('idx_role_federation', ['federationId', 'revokedAt'])
@Index('idx_role_user', ['userId', 'revokedAt'])
export class RoleAssignmentEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ name: 'federation_id', type: 'varchar', length: 12 })
  federationId: string;

  @Column({ type: 'varchar', length: 16 })
  role: RoleKind;

  @Column({ name: 'granted_by', type: 'varchar', length: 36, nullable: true })
  grantedBy: string | null;

  @CreateDateColumn({ name: 'granted_at', type: 'datetime', precision: 6 })
  grantedAt: Date;

  @Column({ name: 'revoked_at', type: 'datetime', precision: 6, nullable: true })
  revokedAt: Date | null;
}
