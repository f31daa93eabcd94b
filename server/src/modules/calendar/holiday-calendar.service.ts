import { Inject, Injectable } from '@nestjs/common';
import {
  ErrorCode,
  Permission,
  RegionLevel,
  can,
  holidayEntriesProblems,
  regionLevelOf,
  type Actor,
  type HolidayCoverage,
  type HolidayEntry,
  type HolidayYear,
  type SetHolidayYearInput,
} from '@wfh/shared';
import { requireActor } from '../../common/auth/access';
import { badRequest, forbidden } from '../../common/errors/app-exception';
import { CLOCK, type Clock } from '../../infra/clock/clock';
import { ChinaCalendar } from '../../infra/clock/china-calendar';
import { audit } from '../audit/audit';
import { HolidayCalendarRepository } from './holiday-calendar.repository';
import { HolidayCalendarSync } from './holiday-calendar.sync';

/**
 * The holiday calendar is national and one deployment serves one or more counties, so the entries
 * belong to the deployment and any county's admin may keep them (the one who saved a year last is
 * shown, and every save is audited). Per-county copies would have each county type in the same
 * State Council notice and could leave two counties of one deployment counting deadlines differently.
 */
@Injectable()
export class HolidayCalendarService {
  constructor(
    private readonly entries: HolidayCalendarRepository,
    private readonly sync: HolidayCalendarSync,
    private readonly calendar: ChinaCalendar,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** An admin of some county: the holiday calendar is the deployment's, not one county's. */
  private requireCountyAdmin(actor: Actor | null): Actor {
    const who = requireActor(actor);
    const administers = who.grants.some(
      (grant) => regionLevelOf(grant.federationId) === RegionLevel.County && can(who, Permission.AdministerCounty, grant.federationId),
    );
    if (!administers) throw forbidden();
    return who;
  }

  coverage(actor: Actor | null): HolidayCoverage {
    this.requireCountyAdmin(actor);
    return this.sync.coverage();
  }

  async year(actor: Actor | null, yearText: string): Promise<HolidayYear> {
    this.requireCountyAdmin(actor);
    return this.view(yearOf(yearText));
  }

  /** The year's entries become exactly these: checked, saved with an audit row, then used everywhere. */
  async setYear(actor: Actor | null, yearText: string, input: SetHolidayYearInput): Promise<HolidayYear> {
    const { userId } = this.requireCountyAdmin(actor);
    const year = yearOf(yearText);
    const now = this.clock.now();
    const { years } = this.sync.coverage();
    if (!years.some((y) => y.year === year)) {
      const [thisYear, nextYear] = years.map((y) => y.year);
      throw badRequest(ErrorCode.ValidationFailed, [{ field: 'year', message: `只能录入今年（${thisYear}年）或明年（${nextYear}年）的节假日安排` }]);
    }
    const entries: HolidayEntry[] = input.entries.map((entry) => ({ date: entry.date, kind: entry.kind, name: entry.name.trim() }));
    const problems = holidayEntriesProblems(year, entries);
    if (problems.length > 0) throw badRequest(ErrorCode.ValidationFailed, problems);

    await this.entries.transaction(async (manager) => {
      // The audit row first: it takes the chain head's lock, so two admins saving at once queue here
      // instead of meeting each other's rows of the year (and deadlocking on them).
      await audit(manager, now, { actorUserId: userId, action: 'holiday_calendar.update', subjectType: 'holiday_year', subjectId: String(year), federationId: null });
      await this.entries.replaceYear(manager, year, entries.sort((a, b) => (a.date < b.date ? -1 : 1)), userId, now);
    });
    // This instance counts with them before answering; the others as soon as they hear.
    await this.sync.reload();
    await this.sync.announce();
    return this.view(year);
  }

  private async view(year: number): Promise<HolidayYear> {
    const entered = await this.entries.ofYear(year);
    return {
      year,
      libraryKnows: this.calendar.libraryKnows(year),
      entries: entered.entries,
      enteredAt: entered.enteredAt?.toISOString() ?? null,
      enteredByName: entered.enteredByName,
    };
  }
}

function yearOf(text: string): number {
  if (!/^\d{4}$/.test(text)) throw badRequest(ErrorCode.ValidationFailed, [{ field: 'year', message: '年份应是四位数字，例如2027' }]);
  return Number(text);
}
