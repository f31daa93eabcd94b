import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { RoleKind } from '@wfh/shared';

/**
 * A person the county listed in its people import: who she is, where and in what role. When she
 * signs in with the phone she shares through WeChat, the digest finds her listings and she gets
 * those roles. The phone itself is stored encrypted; the digest (HMAC under PHONE_DIGEST_KEY) only
 * finds, it never reads back.
 */
@Entity('listed_person')
@Index('uq_listed_person', ['phoneDigest', 'federationId', 'role'], { unique: true })
@Index('idx_listed_person_federation', ['federationId'])
export class ListedPersonEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 40 })
  name: string;

  /** FieldCipher ciphertext of the normalised phone (normalisePhone). */
  @Column({ name: 'phone_enc', type: 'text' })
  phoneEnc: string;

  @Column({ name: 'phone_digest', type: 'varchar', length: 64 })
  phoneDigest: string;

  @Column({ name: 'federation_id', type: 'varchar', length: 12 })
  federationId: string;

  @Column({ type: 'varchar', length: 16 })
  role: RoleKind;

  /** The admin whose import listed her (or last changed her listing). */
  @Column({ name: 'imported_by', type: 'varchar', length: 36, nullable: true })
  importedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 6 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 6 })
  updatedAt: Date;
}
