import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * `withdrawn`: no longer true when it was due (a reminder for a sign-up she cancelled).
 * `sending`: claimed by one instance, which is handing it to WeChat now.
 * `unknown`: the send was cut off (the instance died, the connection broke) and may or may not have
 * reached her phone. It is never sent again: a subscribe message has no idempotency key, and a second
 * copy on a phone she may share with her abuser is worse than a missing one.
 */
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'unknown' | 'failed' | 'withdrawn';

/**
 * A message to one person, written in the same transaction as the change that caused it and
 * delivered afterwards by the worker, with retries. `dedupe_key` makes writing it twice impossible.
 */
@Entity('outbox')
@Index('idx_outbox_due', ['status', 'deliverAfter'])
// Texts a person had in the last day: our own SMS rate limit counts them.
@Index('idx_outbox_recipient_channel', ['recipientUserId', 'channel', 'claimedAt'])
export class OutboxEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index('uq_outbox_dedupe', { unique: true })
  @Column({ name: 'dedupe_key', type: 'varchar', length: 120 })
  dedupeKey: string;

  @Column({ name: 'recipient_user_id', type: 'varchar', length: 36 })
  recipientUserId: string;

  /** What happened, e.g. request.escalated; the wording is chosen at delivery. */
  @Column({ type: 'varchar', length: 40 })
  topic: string;

  @Column({ type: 'simple-json' })
  payload: Record<string, string>;

  @Column({ type: 'varchar', length: 10 })
  status: OutboxStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** Not before this: quiet hours (22:00–07:00) and retry backoff push it later. */
  @Column({ name: 'deliver_after', type: 'datetime', precision: 6 })
  deliverAfter: Date;

  @Column({ name: 'last_error', type: 'varchar', length: 300, nullable: true })
  lastError: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 6 })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'datetime', precision: 6, nullable: true })
  sentAt: Date | null;

  /** When an instance took it for sending (pending → sending); a claim far in the past was cut off. */
  @Column({ name: 'claimed_at', type: 'datetime', precision: 6, nullable: true })
  claimedAt: Date | null;

  /** Which instance (host#pid) claimed it: names the process that stopped mid-send in the log. */
  @Column({ name: 'claimed_by', type: 'varchar', length: 80, nullable: true })
  claimedBy: string | null;

  /** How it went out (or was tried last): wechat, sms, or log in development; null before it was tried. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  channel: 'wechat' | 'sms' | 'log' | null;

  /**
   * What the provider answered, for the record: Tencent's SerialNo of a text it took, or its code.
   * A text's masked phone ("sms 138****0001 …") too, so an admin knows which number was tried.
   */
  @Column({ name: 'provider_answer', type: 'varchar', length: 200, nullable: true })
  providerAnswer: string | null;
}
