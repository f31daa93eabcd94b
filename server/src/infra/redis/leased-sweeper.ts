import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { LockService } from './coordination';

export interface SweepSchedule {
  /** The lease's name in Redis: one holder at a time across every instance. */
  lease: string;
  /** How long the lease is held at most: shorter than `everyMs`, longer than a sweep takes. */
  leaseMs: number;
  everyMs: number;
}

/**
 * A periodic job that runs once across instances. What is due lives in rows with due times, so a
 * tick only asks the database; the lease spares instances duplicate work, while each job's own
 * conditional writes keep it correct if two ever ran. Without Redis no lease is given and the job
 * waits for it to return (nothing is lost: the rows stay due).
 */
export abstract class LeasedSweeper<T> implements OnApplicationBootstrap, OnApplicationShutdown {
  protected readonly logger = new Logger(this.constructor.name);
  private timer: NodeJS.Timeout | null = null;

  protected constructor(
    private readonly locks: LockService,
    private readonly schedule: SweepSchedule,
  ) {}

  /** One pass of the job, under the lease. */
  protected abstract sweep(): Promise<T>;

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.runOnce(), this.schedule.everyMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** One pass if this instance gets the lease; null when another holds it, Redis is away, or the pass failed (logged). */
  async runOnce(): Promise<T | null> {
    const lease = await this.locks.tryAcquire(this.schedule.lease, this.schedule.leaseMs).catch(() => null);
    if (!lease) return null;
    try {
      return await this.sweep();
    } catch (error) {
      this.logger.error(`${this.schedule.lease} failed: ${(error as Error).message}`);
      return null;
    } finally {
      await lease.release().catch(() => undefined);
    }
  }
}
