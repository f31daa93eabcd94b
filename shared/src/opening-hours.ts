import type { WeeklyOpening } from './sites';

/**
 * What kind of day a calendar date is in China. The server decides it (public holidays and 调休
 * make-up workdays come from a maintained calendar); these rules only apply it.
 */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';

/** A one-day change to the weekly schedule: closed that day, or open at other hours. */
export interface OpeningException {
  /** YYYY-MM-DD in Asia/Shanghai */
  date: string;
  closed: boolean;
  opens?: string;
  closes?: string;
}

export interface LocalMoment {
  /** YYYY-MM-DD in Asia/Shanghai */
  date: string;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  /** Minutes since local midnight. */
  minutes: number;
  dayKind: DayKind;
  /** The day before, for hours that run past midnight. */
  previous: { date: string; weekday: number; dayKind: DayKind };
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

export function isValidTime(value: string): boolean {
  return TIME.test(value);
}

export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
}

/** The weekday whose hours a make-up workday follows: the usual Monday. */
const MAKEUP_WORKDAY_FOLLOWS = 1;

interface Span {
  opens: number;
  closes: number;
}

/** The spans a day's own schedule opens, before midnight handling. */
function spansOfDay(
  schedule: readonly WeeklyOpening[],
  exceptions: readonly OpeningException[],
  day: { date: string; weekday: number; dayKind: DayKind },
): Span[] {
  const exception = exceptions.find((e) => e.date === day.date);
  if (exception) {
    if (exception.closed || !exception.opens || !exception.closes) return [];
    return [{ opens: minutesOf(exception.opens), closes: minutesOf(exception.closes) }];
  }
  // Public holidays close a site unless an exception for that date opens it.
  if (day.dayKind === 'holiday') return [];
  const weekday = day.dayKind === 'makeup_workday' ? MAKEUP_WORKDAY_FOLLOWS : day.weekday;
  return schedule.filter((o) => o.weekday === weekday).map((o) => ({ opens: minutesOf(o.opens), closes: minutesOf(o.closes) }));
}

/** A stretch of one day in minutes since local midnight: open from `from` until just before `to`. */
export interface OpenRange {
  from: number;
  to: number;
}

const END_OF_DAY = 24 * 60;

/**
 * When a place is open on one day, as plain minute ranges: its own hours plus the early-morning tail
 * of the day before's hours that run past midnight. Worked out once per day, so that "open now" for
 * many places is a numeric comparison each (isOpenAt and the places index both rest on this).
 */
export function openRangesOfDay(
  schedule: readonly WeeklyOpening[],
  exceptions: readonly OpeningException[],
  day: Omit<LocalMoment, 'minutes'>,
): OpenRange[] {
  const today = spansOfDay(schedule, exceptions, day).map(({ opens, closes }) => ({ from: opens, to: closes > opens ? closes : END_OF_DAY }));
  const fromYesterday = spansOfDay(schedule, exceptions, day.previous)
    .filter(({ opens, closes }) => closes < opens)
    .map(({ closes }) => ({ from: 0, to: closes }));
  return [...today, ...fromYesterday];
}

/**
 * Whether a place is open at a moment. Hours whose closing time is earlier than their opening time
 * run past midnight (e.g. a hotline 20:00–02:00) and keep the place open early the next day.
 */
export function isOpenAt(
  schedule: readonly WeeklyOpening[],
  exceptions: readonly OpeningException[],
  at: LocalMoment,
): boolean {
  return openRangesOfDay(schedule, exceptions, at).some(({ from, to }) => at.minutes >= from && at.minutes < to);
}
