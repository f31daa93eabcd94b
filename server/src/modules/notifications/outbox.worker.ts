import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hostname } from 'node:os';
import { In, LessThan, LessThanOrEqual, type DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../../infra/clock/clock';
import { LOCK_SERVICE, type LockService } from '../../infra/redis/coordination';
import { LeasedSweeper } from '../../infra/redis/leased-sweeper';
import { wordingOf } from './message-wording';
import { OutboxEntity } from './outbox.entity';

export interface Delivery {
  recipientUserId: string;
  text: string;
  /** The outbox row's id: a gateway that can deduplicate uses it. */
  messageId: string;
}

/** Where messages go: WeChat subscribe messages in production, the log in development. */
export interface NotificationGateway {
  deliver(delivery: Delivery): Promise<void>;
}

export const NOTIFICATION_GATEWAY = Symbol('NOTIFICATION_GATEWAY');

/** A delivery that can never succeed (no WeChat account, no subscription): no retries. */
export class PermanentDeliveryError extends Error {}

/** The message may have been delivered (a timeout or a broken connection after sending): no retries either. */
export class UncertainDeliveryError extends Error {}

export class LogGateway implements NotificationGateway {
  private readonly logger = new Logger('notifications');
  async deliver(delivery: Delivery): Promise<void> {
    this.logger.log(`to ${delivery.recipientUserId}: ${delivery.text}`);
  }
}

const TICK_MS = 5_000;
const LEASE_MS = 4_500;
const BATCH = 100;
const MAX_ATTEMPTS = 8;
/**
 * One send is a token fetch, the send and at most one retry with a fresh token, 5 s each: a claim
 * older than this belongs to an instance that stopped mid-send.
 */
export const SENDING_TIMEOUT_MS = 2 * 60_000;
const INTERRUPTED_NOTE = 'sending was interrupted; not sent again, it may have arrived';

/** Which process claimed a row, for the log when it stops mid-send. */
const INSTANCE = `${hostname()}#${process.pid}`.slice(0, 80);

/** 1 min, 2, 4 … up to an hour between attempts. */
export function backoffMs(attempts: number): number {
  return Math.min(60 * 60_000, 60_000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Delivers committed outbox rows, oldest first, with retries, at most once each. Every row is
 * claimed (pending → sending, a conditional UPDATE only one instance can win) before it is handed to
 * the gateway, and marked sent after. Nothing ever goes back from `sending` to `pending` unless the
 * gateway said for certain that it did not deliver: a send cut off by a crash or a broken connection
 * ends as `unknown`, logged, never repeated. The lease only keeps instances from contending for the
 * same rows; the claims are what hold when a batch outlives it or an instance is killed mid-send.
 */
@Injectable()
export class OutboxWorker extends LeasedSweeper<{ sent: number; failed: number }> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(NOTIFICATION_GATEWAY) private readonly gateway: NotificationGateway,
    @Inject(LOCK_SERVICE) locks: LockService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super(locks, { lease: 'outbox:deliver', leaseMs: LEASE_MS, everyMs: TICK_MS });
  }

  /** `failed` counts every message not sent this round: to be retried, given up, or cut off mid-send. */
  protected async sweep(): Promise<{ sent: number; failed: number }> {
    const outbox = this.dataSource.getRepository(OutboxEntity);
    let sent = 0;
    let failed = 0;
    const now = this.clock.now();
    await this.giveUpOnInterrupted(now);
    const due = await outbox.find({ where: { status: 'pending', deliverAfter: LessThanOrEqual(now) }, order: { deliverAfter: 'ASC', id: 'ASC' }, take: BATCH });
    for (const message of due) {
      const claim = await outbox.update({ id: message.id, status: 'pending' }, { status: 'sending', claimedAt: now, claimedBy: INSTANCE });
      if (claim.affected !== 1) continue;
      const attempts = message.attempts + 1;
      try {
        await this.gateway.deliver({ recipientUserId: message.recipientUserId, text: wordingOf(message.topic, message.payload), messageId: message.id });
      } catch (error) {
        failed++;
        await this.recordFailure(message.id, attempts, error as Error, now);
        continue;
      }
      // `unknown` too: a send slower than the timeout did arrive after all.
      await outbox.update({ id: message.id, status: In(['sending', 'unknown']) }, { status: 'sent', sentAt: now, attempts });
      sent++;
    }
    return { sent, failed };
  }

  private async recordFailure(id: string, attempts: number, error: Error, now: Date): Promise<void> {
    const lastError = String(error.message).slice(0, 300);
    const outbox = this.dataSource.getRepository(OutboxEntity);
    if (error instanceof UncertainDeliveryError) {
      this.logger.warn(`message ${id}: ${lastError}; marked unknown, not sent again`);
      await outbox.update({ id, status: 'sending' }, { status: 'unknown', attempts, lastError });
      return;
    }
    const permanent = error instanceof PermanentDeliveryError;
    await outbox.update(
      { id, status: 'sending' },
      { attempts, status: permanent || attempts >= MAX_ATTEMPTS ? 'failed' : 'pending', deliverAfter: new Date(now.getTime() + backoffMs(attempts)), lastError },
    );
  }

  /** Rows whose instance stopped between claim and result: they may have reached her phone, so they end here. */
  private async giveUpOnInterrupted(now: Date): Promise<void> {
    const outbox = this.dataSource.getRepository(OutboxEntity);
    const cutOff = new Date(now.getTime() - SENDING_TIMEOUT_MS);
    const stuck = await outbox.find({ select: { id: true, claimedBy: true }, where: { status: 'sending', claimedAt: LessThan(cutOff) }, take: BATCH });
    for (const row of stuck) {
      const result = await outbox.update({ id: row.id, status: 'sending', claimedAt: LessThan(cutOff) }, { status: 'unknown', lastError: INTERRUPTED_NOTE });
      if (result.affected === 1) this.logger.warn(`message ${row.id}: ${row.claimedBy ?? 'an instance'} stopped while sending it; marked unknown, not sent again`);
    }
  }
}
