import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LessThanOrEqual, type DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../../infra/clock/clock';
import { LOCK_SERVICE, type LockService } from '../../infra/redis/coordination';
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

/** 1 min, 2, 4 … up to an hour between attempts. */
export function backoffMs(attempts: number): number {
  return Math.min(60 * 60_000, 60_000 * 2 ** Math.max(0, attempts - 1));
}

/** Delivers committed outbox rows, oldest first, with retries; one instance at a time (a lease). */
@Injectable()
export class OutboxWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxWorker.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(NOTIFICATION_GATEWAY) private readonly gateway: NotificationGateway,
    @Inject(LOCK_SERVICE) private readonly locks: LockService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.runOnce(), TICK_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async runOnce(): Promise<{ sent: number; failed: number } | null> {
    const lease = await this.locks.tryAcquire('outbox:deliver', LEASE_MS).catch(() => null);
    if (!lease) return null;
    const outbox = this.dataSource.getRepository(OutboxEntity);
    let sent = 0;
    let failed = 0;
    try {
      const now = this.clock.now();
      const due = await outbox.find({ where: { status: 'pending', deliverAfter: LessThanOrEqual(now) }, order: { deliverAfter: 'ASC', id: 'ASC' }, take: BATCH });
      for (const message of due) {
        try {
          await this.gateway.deliver({ recipientUserId: message.recipientUserId, text: wordingOf(message.topic, message.payload), messageId: message.id });
          await outbox.update({ id: message.id, status: 'pending' }, { status: 'sent', sentAt: now, attempts: message.attempts + 1 });
          sent++;
        } catch (error) {
          const attempts = message.attempts + 1;
          const permanent = error instanceof PermanentDeliveryError;
          await outbox.update(
            { id: message.id },
            {
              attempts,
              status: permanent || attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
              deliverAfter: new Date(now.getTime() + backoffMs(attempts)),
              lastError: String((error as Error).message).slice(0, 300),
            },
          );
          failed++;
        }
      }
      return { sent, failed };
    } catch (error) {
      this.logger.error(`outbox delivery failed: ${(error as Error).message}`);
      return null;
    } finally {
      await lease.release().catch(() => undefined);
    }
  }
}
