import './timezone';
import { getDayDetail, getHolidaysInRange } from 'chinese-days';
import type { DayKind, HolidayEntry, HolidaySource, LocalMoment } from '@wfh/shared';

/** China keeps one time zone with no daylight saving: Asia/Shanghai is UTC+8 all year. */
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

const WEEKEND_NAMES = new Set(['Saturday', 'Sunday']);

function localDay(instantMs: number): { date: string; weekday: number } {
  const local = new Date(instantMs + SHANGHAI_OFFSET_MS);
  return { date: local.toISOString().slice(0, 10), weekday: local.getUTCDay() };
}

/**
 * Public holidays and 调休 make-up workdays: the dates a county admin entered, then `chinese-days`.
 *
 * The library only knows the years published when it was built, and for any later year it answers
 * "Monday to Friday work" without a word, so 春节 of a missing year would count as working days.
 * Entries fill such a year (or correct a known one); `coverage` says which years are neither.
 */
export class ChinaCalendar {
  private entered = new Map<string, HolidayEntry>();
  private enteredYears = new Set<number>();
  private readonly libraryYears = new Map<number, boolean>();

  constructor(entries: readonly HolidayEntry[] = []) {
    this.useEntries(entries);
  }

  /** Replaces every entry at once: a reader never sees half of an update. */
  useEntries(entries: readonly HolidayEntry[]): void {
    this.entered = new Map(entries.map((entry) => [entry.date, entry]));
    this.enteredYears = new Set(entries.map((entry) => Number(entry.date.slice(0, 4))));
  }

  dayKindOf(date: string, weekday: number): DayKind {
    const weekend = weekday === 0 || weekday === 6;
    const entry = this.entered.get(date);
    if (entry) {
      if (entry.kind === 'holiday') return 'holiday';
      return weekend ? 'makeup_workday' : 'workday';
    }
    const detail = getDayDetail(date);
    if (detail.work) return weekend ? 'makeup_workday' : 'workday';
    return weekend && WEEKEND_NAMES.has(detail.name) ? 'weekend' : 'holiday';
  }

  /** Whether the library has the year's arrangement: every published year has weekday holidays. */
  libraryKnows(year: number): boolean {
    let known = this.libraryYears.get(year);
    if (known === undefined) {
      known = getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
      this.libraryYears.set(year, known);
    }
    return known;
  }

  /** Where the year's holidays come from; null when nobody knows them and weekdays would all count. */
  sourceOf(year: number): HolidaySource | null {
    if (this.enteredYears.has(year)) return 'entered';
    return this.libraryKnows(year) ? 'library' : null;
  }

  /** The wall-clock moment in Asia/Shanghai that opening-hours rules are decided on. */
  localMomentOf(instant: Date): LocalMoment {
    const ms = instant.getTime();
    const today = localDay(ms);
    const yesterday = localDay(ms - 24 * 3600 * 1000);
    const local = new Date(ms + SHANGHAI_OFFSET_MS);
    return {
      ...today,
      minutes: local.getUTCHours() * 60 + local.getUTCMinutes(),
      dayKind: this.dayKindOf(today.date, today.weekday),
      previous: { ...yesterday, dayKind: this.dayKindOf(yesterday.date, yesterday.weekday) },
    };
  }
}

/**
 * The process's calendar. One deployment (one database) per process, and the calendar is national,
 * so one instance is right; modules/calendar fills it from the database and keeps it fresh across
 * instances. The deadline clock and opening hours call the two functions below, which read it.
 */
export const chinaCalendar = new ChinaCalendar();

/** Public holidays and 调休 make-up workdays, applied to one calendar date. */
export function dayKindOf(date: string, weekday: number): DayKind {
  return chinaCalendar.dayKindOf(date, weekday);
}

/** The wall-clock moment in Asia/Shanghai that opening-hours rules are decided on. */
export function localMomentOf(instant: Date): LocalMoment {
  return chinaCalendar.localMomentOf(instant);
}
