import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** Refresh tokens are stored as digests only and rotate on every use. */
@Entity('refresh_token')
export class RefreshTokenEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index('idx_refresh_token_user')
  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Index('uq_refresh_token_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ name: 'expires_at', type: 'datetime', precision: 6 })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'datetime', precision: 6, nullable: true })
  usedAt: Date | null;

  /** A PC signed in by QR code (console_sign_in.id): she lists and ends it by this; null on phones. */
  @Index('idx_refresh_token_console_session')
  @Column({ name: 'console_session_id', type: 'varchar', length: 22, nullable: true })
  consoleSessionId: string | null;

  /** A PC session's hard end, carried through every rotation: no refresh reaches past it. */
  @Column({ name: 'session_ends_at', type: 'datetime', precision: 6, nullable: true })
  sessionEndsAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 6 })
  createdAt: Date;
}
