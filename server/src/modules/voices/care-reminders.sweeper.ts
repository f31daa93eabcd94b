import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '../../infra/clock/clock';
import { LOCK_SERVICE, type LockService } from '../../infra/redis/coordination';
import { LeasedSweeper } from '../../infra/redis/leased-sweeper';
import { enqueueMessages } from '../notifications/outbox';
import { RosterRepository } from './roster.repository';

const TICK_MS = 10 * 60_000;
const LEASE_MS = 60_000;
const BATCH = 200;
const WEEK_MS = 7 * 24 * 3600_000;

/**
 * Tells a member when a woman she keeps in touch with, tagged as needing care, has gone too long
 * without contact. Due times are rows (care_due_at), so restarts lose nothing; one instance sweeps at
 * a time. The message never names the woman: a member's phone may be seen by others.
 */
@Injectable()
export class CareRemindersSweeper extends LeasedSweeper<number> {
  constructor(
    private readonly rosters: RosterRepository,
    @Inject(LOCK_SERVICE) locks: LockService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super(locks, { lease: 'rosters:care-reminders', leaseMs: LEASE_MS, everyMs: TICK_MS });
  }

  protected async sweep(): Promise<number> {
    const now = this.clock.now();
    return await this.rosters.transaction(async (manager) => {
      const due = await this.rosters.dueForCare(manager, now, BATCH);
      await enqueueMessages(
        manager,
        now,
        due.map((entry) => ({
          recipientUserId: entry.memberUserId,
          topic: 'roster.care_due',
          dedupeKey: `roster:care:${entry.id}:${entry.careDueAt!.getTime()}`,
          payload: { weeks: String(entry.careEveryWeeks) },
          urgent: false,
        })),
      );
      // Still no contact after another interval: remind again then, not every tick.
      for (const entry of due) {
        await this.rosters.updateEntry(manager, entry.id, { careDueAt: new Date(entry.careDueAt!.getTime() + entry.careEveryWeeks * WEEK_MS) });
      }
      if (due.length > 0) this.logger.log(`care reminders: ${due.length}`);
      return due.length;
    });
  }
}
