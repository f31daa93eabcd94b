import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Where a sign-in stands; 'expired' is not stored: it is a pending or confirmed row past `expiresAt`. */
export type StoredConsoleState = 'pending' | 'confirmed' | 'refused' | 'signed_in';

/**
 * One PC asking to be signed in by QR code, in MySQL so that whichever instance the PC polls and
 * whichever the phone confirms on see the same row. Once handed over, the row names the PC session:
 * its refresh tokens carry this id (refresh_token.console_session_id), which is how she lists and
 * ends it.
 */
@Entity('console_sign_in')
@Index('idx_console_sign_in_user', ['userId', 'signedInAt'])
export class ConsoleSignInEntity {
  /** 16 random bytes, base64url: the QR code shows it, so it must not be guessable. */
  @PrimaryColumn({ type: 'varchar', length: 22 })
  id: string;

  /** SHA-256 of the secret only the PC holds; polling needs the secret, not just the id. */
  @Column({ name: 'poll_token_hash', type: 'varchar', length: 64 })
  pollTokenHash: string;

  @Column({ type: 'varchar', length: 12 })
  state: StoredConsoleState;

  /** The browser in words, made from its User-Agent when it asked; the raw header is not kept. */
  @Column({ type: 'varchar', length: 60 })
  browser: string;

  @Column({ name: 'ip_address', type: 'varchar', length: 45 })
  ipAddress: string;

  /** Who confirmed it; null while pending (or refused before anyone confirmed). */
  @Column({ name: 'user_id', type: 'varchar', length: 36, nullable: true })
  userId: string | null;

  @Column({ name: 'requested_at', type: 'datetime', precision: 6 })
  requestedAt: Date;

  /** The deadline of the next step: scanning and confirming, then the PC collecting its session. */
  @Index('idx_console_sign_in_expires')
  @Column({ name: 'expires_at', type: 'datetime', precision: 6 })
  expiresAt: Date;

  @Column({ name: 'confirmed_at', type: 'datetime', precision: 6, nullable: true })
  confirmedAt: Date | null;

  @Column({ name: 'signed_in_at', type: 'datetime', precision: 6, nullable: true })
  signedInAt: Date | null;
}
