import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { CLOCK, type Clock } from '../../infra/clock/clock';
import { LOCK_SERVICE, type LockService } from '../../infra/redis/coordination';
import { LeasedSweeper } from '../../infra/redis/leased-sweeper';
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
export class AuditRetentionSweeper extends LeasedSweeper<number> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOCK_SERVICE) locks: LockService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super(locks, { lease: 'audit:retention', leaseMs: LEASE_MS, everyMs: TICK_MS });
  }

  /** Rows deleted. */
  protected async sweep(): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - this.config.auditRetentionDays * DAY_MS);
    const deleted = await purgeAuditBefore(this.dataSource, cutoff);
    if (deleted > 0) this.logger.log(`deleted ${deleted} audit rows older than ${this.config.auditRetentionDays} days`);
    return deleted;
  }
}
