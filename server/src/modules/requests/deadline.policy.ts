import { isValidTime, minutesOf, type DayKind } from '@wfh/shared';

/** One stretch of office time in a working day, wall-clock in Asia/Shanghai ("08:30" to "12:00"). */
export interface OfficeWindow {
  opens: string;
  closes: string;
}

/** The windows of a working day, in order and not overlapping. */
export type OfficeHours = readonly OfficeWindow[];

/** What kind of day a local date is; injected so that the rules stay pure (the server passes `dayKindOf`). */
export type DayKindOf = (date: string, weekday: number) => DayKind;

/** The usual hours of a federation office: mornings and afternoons with a lunch break. */
export const DEFAULT_OFFICE_HOURS: OfficeHours = Object.freeze([
  Object.freeze({ opens: '08:30', closes: '12:00' }),
  Object.freeze({ opens: '13:30', closes: '17:30' }),
]);

/** China keeps one time zone with no daylight saving: Asia/Shanghai is UTC+8 all year. */
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;
const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * A calendar that never works again (a wrong injected calendar, a stub left in) would otherwise loop
 * for ever; the longest real run of days off in China is about nine.
 */
const MAX_DAYS_WITHOUT_WORK = 400;

const EXAMPLE = '"08:30-12:00,13:30-17:30"';

/** Minutes since local midnight, [opens, closes). */
interface Span {
  opens: number;
  closes: number;
}

function windowText(window: OfficeWindow): string {
  return `${window.opens}-${window.closes}`;
}

/** The one rule for office hours, whether they come from text or from code. */
function spansOf(office: OfficeHours): Span[] {
  if (office.length === 0) throw new Error(`Office hours are empty: expected windows like ${EXAMPLE}`);
  const spans: Span[] = [];
  for (const window of office) {
    for (const time of [window.opens, window.closes]) {
      if (!isValidTime(time)) {
        throw new Error(`Office window "${windowText(window)}": "${time}" is not a time of day (HH:MM, 00:00 to 24:00)`);
      }
    }
    const span = { opens: minutesOf(window.opens), closes: minutesOf(window.closes) };
    if (span.opens >= span.closes) {
      throw new Error(`Office window "${windowText(window)}" must open before it closes`);
    }
    const previous = spans.at(-1);
    if (previous && span.opens < previous.closes) {
      const before = office[spans.length - 1];
      throw new Error(`Office window "${windowText(window)}" starts before the window "${windowText(before)}" has closed; windows must be in order and not overlap`);
    }
    spans.push(span);
  }
  return spans;
}

/** "08:30-12:00,13:30-17:30" (as in the OFFICE_HOURS setting) to windows; throws naming the part that is wrong. */
export function parseOfficeHours(text: string): OfficeHours {
  const parts = text.split(',').map((part) => part.trim());
  if (parts.length === 1 && parts[0] === '') throw new Error(`Office hours are empty: expected windows like ${EXAMPLE}`);
  const windows = parts.map((part): OfficeWindow => {
    if (part === '') throw new Error(`Office hours "${text}" have an empty window (a stray comma?)`);
    const match = /^([^-\s]+)\s*-\s*([^-\s]+)$/.exec(part);
    if (!match) throw new Error(`Office window "${part}" is not of the form HH:MM-HH:MM (expected e.g. ${EXAMPLE})`);
    return { opens: match[1], closes: match[2] };
  });
  spansOf(windows);
  return Object.freeze(windows.map((window) => Object.freeze(window)));
}

/** A local calendar day, counted in whole days since 1970-01-01 in Asia/Shanghai. */
function localDayOf(instantMs: number): number {
  return Math.floor((instantMs + SHANGHAI_OFFSET_MS) / DAY_MS);
}

function dayStartMs(day: number): number {
  return day * DAY_MS - SHANGHAI_OFFSET_MS;
}

/** 调休 make-up days are working days; weekends and public holidays are not. */
function isWorkingDay(day: number, dayKindOf: DayKindOf): boolean {
  const local = new Date(day * DAY_MS);
  const kind = dayKindOf(local.toISOString().slice(0, 10), local.getUTCDay());
  return kind === 'workday' || kind === 'makeup_workday';
}

/** The office windows of one local day as instants, [start, end) in ms since the epoch. */
function windowsOfDay(day: number, spans: readonly Span[]): Array<[start: number, end: number]> {
  const start = dayStartMs(day);
  return spans.map((span) => [start + span.opens * MINUTE_MS, start + span.closes * MINUTE_MS]);
}

/**
 * The instant `hours` of office time after `from`. Counting starts at `from` when it falls inside a
 * window of a working day, else at the next window's opening; a deadline that uses up a window exactly
 * is that window's closing time, not the next opening.
 */
export function addWorkingHours(from: Date, hours: number, office: OfficeHours, dayKindOf: DayKindOf): Date {
  const fromMs = from.getTime();
  if (!Number.isFinite(fromMs)) throw new RangeError('addWorkingHours: from is not a valid date');
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`addWorkingHours: hours must be a finite number >= 0, got ${hours}`);
  const spans = spansOf(office);
  // Whole milliseconds, so that fractions like 0.1 h do not leave a remainder that never reaches zero.
  let remaining = Math.round(hours * HOUR_MS);
  let cursor = fromMs;
  let daysWithoutWork = 0;
  for (let day = localDayOf(fromMs); ; day += 1) {
    if (!isWorkingDay(day, dayKindOf)) {
      daysWithoutWork += 1;
      if (daysWithoutWork >= MAX_DAYS_WITHOUT_WORK) {
        throw new Error(`No working day within ${MAX_DAYS_WITHOUT_WORK} days after ${from.toISOString()}: is the holiday calendar right?`);
      }
      continue;
    }
    daysWithoutWork = 0;
    for (const [start, end] of windowsOfDay(day, spans)) {
      if (end <= cursor) continue;
      const begin = Math.max(start, cursor);
      if (remaining <= end - begin) return new Date(begin + remaining);
      remaining -= end - begin;
    }
    cursor = dayStartMs(day + 1);
  }
}

/** Office time between two instants, in minutes (fractional when they are not on whole minutes); 0 when `to` is not after `from`. */
export function workingMinutesBetween(from: Date, to: Date, office: OfficeHours, dayKindOf: DayKindOf): number {
  const fromMs = from.getTime();
  const toMs = to.getTime();
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs)) throw new RangeError('workingMinutesBetween: from and to must be valid dates');
  const spans = spansOf(office);
  if (toMs <= fromMs) return 0;
  let total = 0;
  for (let day = localDayOf(fromMs); day <= localDayOf(toMs); day += 1) {
    if (!isWorkingDay(day, dayKindOf)) continue;
    for (const [start, end] of windowsOfDay(day, spans)) {
      total += Math.max(0, Math.min(end, toMs) - Math.max(start, fromMs));
    }
  }
  return total / MINUTE_MS;
}
