import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { shanghaiDate, type HolidayCoverage } from '@wfh/shared';
import { CLOCK, type Clock } from '../../infra/clock/clock';
import { ChinaCalendar } from '../../infra/clock/china-calendar';
import { COORDINATION_EVENTS, PUB_SUB, type CoordinationEvents, type PubSub } from '../../infra/redis/coordination';
import { HolidayCalendarRepository } from './holiday-calendar.repository';

/** One channel tells every instance that entries changed; each reloads them all from the database. */
export const HOLIDAYS_CHANNEL = 'holidays:changed';

export const COVERAGE_CHECK_EVERY_MS = 24 * 3600 * 1000;

/**
 * Keeps this instance's calendar equal to the entries in the database, and checks once a day that
 * it covers this year and next.
 *
 * Entries are a few dozen rows a year, so every change reloads them whole: at start, when any
 * instance announces a change (Redis pub/sub, as the places index does), when Redis returns after
 * an outage (announcements meanwhile were lost), and with the daily check, which heals anything
 * missed in between.
 *
 * The daily check is per instance, not a leased sweeper: it only reads this instance's memory and
 * writes a log line, so running it everywhere costs nothing and changes nothing, and each instance
 * reports on the calendar it actually counts deadlines with (an instance still on an older build,
 * or one that missed a change, says so itself; a lease would let one instance speak for all).
 */
@Injectable()
export class HolidayCalendarSync implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(HolidayCalendarSync.name);
  private unsubscribe: (() => Promise<void>) | null = null;
  private stopReloadOnRestore: (() => void) | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** Reloads run one at a time, in the order asked for. */
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly entries: HolidayCalendarRepository,
    private readonly calendar: ChinaCalendar,
    @Inject(PUB_SUB) private readonly pubsub: PubSub,
    @Inject(COORDINATION_EVENTS) private readonly coordination: CoordinationEvents,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.unsubscribe = await this.pubsub.subscribe(HOLIDAYS_CHANNEL, () => void this.reload().catch(() => undefined));
    this.stopReloadOnRestore = this.coordination.onRestored(() => this.reload().catch(() => undefined));
    await this.reload();
    this.checkCoverage();
    this.timer = setInterval(() => void this.dailyCheck(), COVERAGE_CHECK_EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.stopReloadOnRestore?.();
    await this.unsubscribe?.();
  }

  /** Reads every entry again and swaps them in at once; a failure is logged and the old ones stay. */
  reload(): Promise<void> {
    this.pending = this.pending
      .catch(() => undefined)
      .then(async () => this.calendar.useEntries(await this.entries.all()))
      .catch((error) => {
        this.logger.error(`could not reload the holiday entries: ${(error as Error).message}`);
        throw error;
      });
    return this.pending;
  }

  /** After a committed change: every other instance reloads (this one already has). */
  async announce(): Promise<void> {
    await this.pubsub.publish(HOLIDAYS_CHANNEL, 'changed');
  }

  /** Resolves once every reload asked for so far has run (tests). */
  settled(): Promise<void> {
    return this.pending.catch(() => undefined);
  }

  /** This year and next in Asia/Shanghai, by the server's clock. */
  coverage(): HolidayCoverage {
    const thisYear = Number(shanghaiDate(this.clock.now()).slice(0, 4));
    const years = [thisYear, thisYear + 1].map((year) => {
      const source = this.calendar.sourceOf(year);
      return { year, covered: source !== null, source };
    });
    return { years, missing: years.filter((y) => !y.covered).map((y) => y.year) };
  }

  /** Says in the log which of this year and next the calendar lacks; returns what it found. */
  checkCoverage(): HolidayCoverage {
    const coverage = this.coverage();
    for (const year of coverage.missing) {
      this.logger.warn(
        `the holiday calendar does not cover ${year}: neither chinese-days nor entered holidays know it, so deadlines count its ` +
          `public holidays as working days. A county admin enters them on the admin page (节假日) once the State Council publishes them.`,
      );
    }
    return coverage;
  }

  /** What the timer runs once a day: fresh entries from the database, then the check. */
  async dailyCheck(): Promise<void> {
    await this.reload().catch(() => undefined);
    this.checkCoverage();
  }
}
