import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { LOCK_SERVICE, type LockService } from '../../infra/redis/coordination';
import { RequestsService } from './requests.service';

/** Every 30 s: well inside the 60 s the escalation lag may take. */
export const SWEEP_INTERVAL_MS = 30_000;
const LEASE_MS = 25_000;

/**
 * Deadlines live in rows (indexed next_due_at), not in timers: this tick only asks the database
 * what is due. One instance at a time holds the lease; a restart loses nothing.
 */
@Injectable()
export class EscalationSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EscalationSweeper.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly requests: RequestsService,
    @Inject(LOCK_SERVICE) private readonly locks: LockService,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.runOnce(), SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** One sweep if this instance gets the lease; null when another instance holds it. */
  async runOnce(): Promise<{ escalated: number; closed: number } | null> {
    const lease = await this.locks.tryAcquire('requests:escalation-sweep', LEASE_MS).catch(() => null);
    if (!lease) return null;
    try {
      const result = await this.requests.sweep();
      if (result.escalated + result.closed > 0) this.logger.log(`escalated ${result.escalated}, auto-closed ${result.closed}`);
      return result;
    } catch (error) {
      this.logger.error(`sweep failed: ${(error as Error).message}`);
      return null;
    } finally {
      await lease.release().catch(() => undefined);
    }
  }
}
