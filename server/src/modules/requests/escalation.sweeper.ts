import { Inject, Injectable } from '@nestjs/common';
import { LOCK_SERVICE, type LockService } from '../../infra/redis/coordination';
import { LeasedSweeper } from '../../infra/redis/leased-sweeper';
import { RequestsService } from './requests.service';

/** Every 30 s: well inside the 60 s the escalation lag may take. */
export const SWEEP_INTERVAL_MS = 30_000;
const LEASE_MS = 25_000;

/**
 * Deadlines live in rows (indexed next_due_at), not in timers: this tick only asks the database
 * what is due. One instance at a time holds the lease; a restart loses nothing.
 */
@Injectable()
export class EscalationSweeper extends LeasedSweeper<{ escalated: number; closed: number }> {
  constructor(
    private readonly requests: RequestsService,
    @Inject(LOCK_SERVICE) locks: LockService,
  ) {
    super(locks, { lease: 'requests:escalation-sweep', leaseMs: LEASE_MS, everyMs: SWEEP_INTERVAL_MS });
  }

  protected async sweep(): Promise<{ escalated: number; closed: number }> {
    const result = await this.requests.sweep();
    if (result.escalated + result.closed > 0) this.logger.log(`escalated ${result.escalated}, auto-closed ${result.closed}`);
    return result;
  }
}
