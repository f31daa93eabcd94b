import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { CLOCK, type Clock } from '../../infra/clock/clock';
import { LOCK_SERVICE, type LockService } from '../../infra/redis/coordination';
import { purgeAuditBefore } from './audit-chain';

const TICK_MS = 3600_000;
const LEASE_MS = 10 * 60_000;
const DAY_MS = 24 * 3600_000;

/**
 * Deletes audit rows older than AUDIT_RETENTION_DAYS (at least 180: 《网络安全法》第二十一条). What is
 * due is read from the rows' own times, so a restart loses nothing; one instance at a time holds the
 * lease. Deleted rows leave their last hash as the chain's anchor, so the rest still verifies.
 */
@Injectable()
export class AuditRetentionSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuditRetentionSweeper.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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

  /** Rows deleted, or null when another instance holds the lease (or the run failed, logged). */
  async runOnce(): Promise<number | null> {
    const lease = await this.locks.tryAcquire('audit:retention', LEASE_MS).catch(() => null);
    if (!lease) return null;
    try {
      const cutoff = new Date(this.clock.now().getTime() - this.config.auditRetentionDays * DAY_MS);
      const deleted = await purgeAuditBefore(this.dataSource, cutoff);
      if (deleted > 0) this.logger.log(`deleted ${deleted} audit rows older than ${this.config.auditRetentionDays} days`);
      return deleted;
    } catch (error) {
      this.logger.error(`audit retention failed: ${(error as Error).message}`);
      return null;
    } finally {
      await lease.release().catch(() => undefined);
    }
  }
}
