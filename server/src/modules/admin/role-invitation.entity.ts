import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RoleKind } from '@wfh/shared';

/** A one-time code a county admin gives a new chair (or staff, executive …); only its digest is kept. */
@Entity('role_invitation')
export class RoleInvitationEntity {
  @PrimaryColumn({ name: 'code_hash', type: 'varchar', length: 64 })
  codeHash: string;

  @Column({ name: 'federation_id', type: 'varchar', length: 12 })
  federationId: string;

  @Column({ type: 'varchar', length: 16 })
  role: RoleKind;

  @Column({ name: 'invitee_name', type: 'varchar', length: 40 })
  inviteeName: string;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy: string;

  @Column({ name: 'expires_at', type: 'datetime', precision: 6 })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'datetime', precision: 6, nullable: true })
  usedAt: Date | null;

  @Column({ name: 'used_by', type: 'varchar', length: 36, nullable: true })
  usedBy: string | null;
}
